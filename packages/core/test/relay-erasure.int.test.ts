import { randomBytes } from 'node:crypto'
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { erasureOtherStores, type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { type S3Server, startS3Server } from '../../../testing/s3-server'
import type { ErasureReport } from '../src/dsr/erase'
import type { ErasureRelay } from '../src/dsr/erasure-relay'
import { createPlatform, type Platform, type PlatformOptions } from '../src/platform'
import { s3ErasureRelay } from '../src/s3/erasure-relay'
import { createEnv, dropRoles, type Env, VERIFIED } from './harness'

// Platform-wide erasure across PostgreSQL stores: psychology keeps its data in a database of its own
// (health data may not share one with barber), so its service cannot reach barber's tables. Two
// platforms run as two services, each in its own schema (standing for its own database), with its own
// audit and subject keys and Redis prefix, and reach each other only through the erasure relay: an S3
// bucket (s3rver on loopback, the real @aws-sdk/client-s3). Roles are cluster-wide, so this file names
// its own (suffixed) and drops them afterwards.

// Each test: two schemas migrated, an erasure in each (a few dozen short statements) and both chains verified.
const TEST_MS = timeoutFor({ psql: 80 })

const SERVICES = ['psychology', 'barber'] as const
type Service = (typeof SERVICES)[number]
const PATIENT = 'person-8841'
const evidence = { collectedBy: 'web', method: 'checkbox' }
// Each service's own secrets, as each vertical's Secret holds them.
const keys = (vertical: Service) => ({
  auditKey: `${vertical}-audit-key-for-relay-erasure-tests`,
  subjectKey: `${vertical}-subject-key-for-relay-erasure-tests`,
})

const suffix = randomBytes(4).toString('hex')
let s3: S3Server
let client: S3Client
let config: ResolvedPlatform
beforeAll(async () => {
  s3 = await startS3Server('erasure-relay')
  client = s3.client
})
afterAll(async () => {
  await s3?.stop()
  if (config !== undefined)
    await dropRoles(
      SERVICES.flatMap((v) => [tenancyOf(config, v).roles.app, tenancyOf(config, v).roles.owner]),
    )
})

/** The example where only psychology and barber erase platform-wide: each is the other's other store. */
function psychologyAndBarber(base: ResolvedPlatform): ResolvedPlatform {
  const roles = { owner: `vx_o_${suffix}`, app: `vx_a_${suffix}`, provision: 'create' as const }
  const apart = (name: string) => ({
    ...(base.verticals[name] as ResolvedPlatform['verticals'][string]),
    platformWideErasure: false,
  })
  return {
    ...base,
    dataStores: { ...base.dataStores, postgres: { ...base.dataStores.postgres, roles } },
    verticals: { ...base.verticals, beauty: apart('beauty'), fitness: apart('fitness') },
  }
}

let env: Env
let schemas: Record<Service, string>
let prefix: string
let relay: ErasureRelay
const platforms: Platform[] = []
beforeEach(async () => {
  env = await createEnv()
  config = psychologyAndBarber(env.config)
  schemas = { psychology: `${env.schema}_psychology`, barber: `${env.schema}_barber` }
  prefix = `run-${randomBytes(4).toString('hex')}/`
  relay = s3ErasureRelay({ client, bucket: s3.bucket, prefix })
  for (const vertical of SERVICES)
    await (await service(vertical, { coTenantErasure: { pollMs: 0 } })).migrate()
})
afterEach(async () => {
  for (const p of platforms.splice(0)) await p.close()
  for (const schema of Object.values(schemas))
    await env.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await env.cleanup()
})

/** One vertical's service: its own schema, keys and Redis prefix, the relay, where the other one is. */
async function service(vertical: Service, options: Partial<PlatformOptions> = {}): Promise<Platform> {
  const platform = await createPlatform({
    config,
    vertical,
    pg: env.pool,
    redis: env.redis,
    schema: schemas[vertical],
    // Where each service really is: then the config places the other on another store.
    memberSchemas: schemas,
    keyPrefix: `${env.prefix}${vertical}:`,
    erasureRelay: relay,
    ...keys(vertical),
    ...options,
  })
  platforms.push(platform)
  return platform
}

/** The keys the relay holds under this test's prefix, without it. */
async function relayKeys(): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))
  return (page.Contents ?? []).map((o) => (o.Key ?? '').slice(prefix.length)).sort()
}

const rowsOf = async (vertical: Service, subjectId: string) =>
  (
    await env.pool.query<{ data_class: string }>(
      `SELECT data_class FROM "${schemas[vertical]}".personal_records WHERE subject_id = $1 ORDER BY data_class`,
      [subjectId],
    )
  ).rows.map((r) => r.data_class)

const erasureRecords = async (vertical: Service) =>
  (
    await env.pool.query<{ data: unknown }>(
      `SELECT data FROM "${schemas[vertical]}".audit_entries WHERE type = 'dsr.erasure.performed' ORDER BY seq`,
    )
  ).rows.map((r) => r.data)

describe('platform-wide erasure across PostgreSQL stores, through the erasure relay', () => {
  it('the config puts each on the other one’s other store', () => {
    expect(erasureOtherStores(config, 'psychology')).toEqual(['barber'])
    expect(erasureOtherStores(config, 'barber')).toEqual(['psychology'])
  })

  it(
    "erases a psychology patient's barber records, cache keys and consent through barber's own service",
    async () => {
      const warnings: string[] = []
      const psychology = await service('psychology', {
        coTenantErasure: { waitMs: TEST_MS, pollMs: 0 },
        logger: { warn: (_, message) => warnings.push(message), error: () => {} },
      })
      const barber = await service('barber', { coTenantErasure: { pollMs: 20 }, consentCacheTtl: 600 })
      await psychology.records.insert({
        dataClass: 'user-profiles',
        subjectId: PATIENT,
        data: { name: 'Eva' },
      })
      await barber.records.insert({ dataClass: 'user-profiles', subjectId: PATIENT, data: { name: 'Eva' } })
      await barber.records.insert({ dataClass: 'bookings', subjectId: PATIENT, data: { provider: 'p1' } })
      await barber.records.insert({ dataClass: 'bookings', subjectId: 'other', data: { provider: 'p1' } })
      await barber.consent.grant({ subjectId: PATIENT, purpose: 'marketing', evidence })
      expect(await barber.consent.check(PATIENT, 'marketing')).toMatchObject({ allowed: true })
      await barber.cache.wrap('user-profiles', PATIENT, async () => ({ name: 'Eva' }), { subjectId: PATIENT })
      const barberKeys = async () =>
        (await env.keys()).filter((k) => k.startsWith(`${env.prefix}barber:`) && k.includes(PATIENT))
      expect(await barberKeys()).not.toEqual([])

      const request = await psychology.dsr.open({
        subjectId: PATIENT,
        kind: 'erasure',
        verification: VERIFIED,
      })
      const fulfilment = await psychology.dsr.fulfil(request.id, { actor: 'privacy-officer' })
      expect(fulfilment.request.status).toBe('fulfilled')
      expect(fulfilment.erased?.personalRecords.deleted).toBe(1)
      expect(warnings).toEqual([])
      // The report barber's own service wrote back, kept in the closed request too.
      expect(Object.keys(fulfilment.alsoErased ?? {})).toEqual(['barber'])
      const there = fulfilment.alsoErased?.barber as ErasureReport
      expect(there).toMatchObject({
        personalRecords: { deleted: 2, dataClasses: ['bookings', 'user-profiles'], keptUnderDuty: [] },
        consent: { events: 1, states: 1 },
      })
      expect(there.cacheKeys).toBeGreaterThan(0)
      const stored = fulfilment.request.result as { alsoErased: Record<string, ErasureReport> }
      expect(stored.alsoErased.barber?.personalRecords.deleted).toBe(2)

      // In barber: the patient's records, cached values and consent decision are gone; others stay.
      expect(await rowsOf('barber', PATIENT)).toEqual([])
      expect(await rowsOf('barber', 'other')).toEqual(['bookings'])
      expect(await barberKeys()).toEqual([])
      expect(await barber.consent.check(PATIENT, 'marketing')).toMatchObject({ allowed: false })
      // Barber's erasure record is in barber's own chain, keyed with its keys, and both chains verify.
      expect(await erasureRecords('barber')).toEqual([{ requestId: request.id, requestedIn: 'psychology' }])
      for (const p of [psychology, barber]) expect(await p.audit.verify()).toMatchObject({ ok: true })
      // The request object, the only place the relay held the subject id, is gone; the answer names none.
      expect(await relayKeys()).toEqual([`answers/psychology/barber/${request.id}.json`])
      const answer = await client.send(
        new GetObjectCommand({
          Bucket: s3.bucket,
          Key: `${prefix}answers/psychology/barber/${request.id}.json`,
        }),
      )
      expect(await answer.Body?.transformToString('utf8')).not.toContain(PATIENT)
    },
    TEST_MS,
  )

  it(
    'keeps the request open when barber has not answered in time; a retry collects its report and erases once',
    async () => {
      const psychology = await service('psychology', { coTenantErasure: { waitMs: 0, pollMs: 0 } })
      const barber = await service('barber', { coTenantErasure: { pollMs: 0 } })
      await barber.records.insert({ dataClass: 'bookings', subjectId: PATIENT, data: { provider: 'p1' } })
      const request = await psychology.dsr.open({
        subjectId: PATIENT,
        kind: 'erasure',
        verification: VERIFIED,
      })
      const asked = `requests/barber/psychology-${request.id}.json`
      for (let attempt = 0; attempt < 2; attempt++) {
        await expect(psychology.dsr.fulfil(request.id)).rejects.toMatchObject({
          code: 'DEPENDENCY_UNAVAILABLE',
          message: expect.stringContaining('barber (another PostgreSQL store, through the erasure relay)'),
        })
        // Asked again by the retry: still the one request object.
        expect(await relayKeys()).toEqual([asked])
      }
      expect((await psychology.dsr.get(request.id)).status).toBe('open')
      expect(await rowsOf('barber', PATIENT)).toEqual(['bookings'])

      expect(await barber.dsr.answerErasureRequests()).toBe(1)
      expect(await rowsOf('barber', PATIENT)).toEqual([])
      expect(await relayKeys()).toEqual([`answers/psychology/barber/${request.id}.json`])
      const { request: closed, alsoErased } = await psychology.dsr.fulfil(request.id)
      expect(closed.status).toBe('fulfilled')
      expect(alsoErased?.barber).toMatchObject({ personalRecords: { deleted: 1 } })
      // The answered request was not asked again, and one written again anyway is removed, not carried out.
      expect(await relayKeys()).toEqual([`answers/psychology/barber/${request.id}.json`])
      await relay.ask('barber', {
        from: 'psychology',
        requestId: request.id,
        actor: 'dsr',
        subjectId: PATIENT,
      })
      expect(await barber.dsr.answerErasureRequests()).toBe(0)
      expect(await relayKeys()).toEqual([`answers/psychology/barber/${request.id}.json`])
      expect(await erasureRecords('barber')).toEqual([{ requestId: request.id, requestedIn: 'psychology' }])
      for (const p of [psychology, barber]) expect(await p.audit.verify()).toMatchObject({ ok: true })
    },
    TEST_MS,
  )

  it(
    'reports a legal hold in barber as skipped, keeping barber’s records',
    async () => {
      const psychology = await service('psychology', { coTenantErasure: { waitMs: TEST_MS, pollMs: 0 } })
      const barber = await service('barber', { coTenantErasure: { pollMs: 20 } })
      await barber.records.insert({ dataClass: 'bookings', subjectId: PATIENT, data: { provider: 'p1' } })
      await barber.holds.place({ subjectId: PATIENT }, 'pending litigation')
      const request = await psychology.dsr.open({
        subjectId: PATIENT,
        kind: 'erasure',
        verification: VERIFIED,
      })
      const { request: closed, alsoErased } = await psychology.dsr.fulfil(request.id)
      expect(closed.status).toBe('fulfilled')
      expect(alsoErased).toEqual({ barber: { skipped: 'legal-hold' } })
      expect(await rowsOf('barber', PATIENT)).toEqual(['bookings'])
      expect(await erasureRecords('barber')).toEqual([])
      expect(await relayKeys()).toEqual([`answers/psychology/barber/${request.id}.json`])
    },
    TEST_MS,
  )

  it(
    'without a relay, reports barber as not reached and says so',
    async () => {
      const warnings: string[] = []
      const psychology = await service('psychology', {
        erasureRelay: undefined,
        logger: { warn: (_, message) => warnings.push(message), error: () => {} },
      })
      const request = await psychology.dsr.open({
        subjectId: PATIENT,
        kind: 'erasure',
        verification: VERIFIED,
      })
      const { alsoErased } = await psychology.dsr.fulfil(request.id)
      expect(alsoErased).toEqual({ barber: { skipped: 'other-store' } })
      expect(warnings).toEqual([
        `erasure request ${request.id} did not reach barber (their data is in another PostgreSQL store): open the same request in their services, or give the platforms an erasure relay`,
      ])
      expect(await relayKeys()).toEqual([])
    },
    TEST_MS,
  )
})
