import { randomBytes } from 'node:crypto'
import { type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import type { ErasureReport } from '../src/dsr/erase'
import { createPlatform, type Platform, type PlatformOptions } from '../src/platform'
import { createEnv, dropRoles, type Env, PG_URL, VERIFIED } from './harness'

// Platform-wide erasure between two members of one shared PostgreSQL store, each in its own schema,
// connecting as its own application role and keying its chains and digests with its own keys: a
// clinic and a psychology practice (both hold health data, so validation lets them share). Roles are
// cluster-wide, so this file names its own (suffixed) and drops them afterwards.

// Each test: an erasure in two schemas (a few dozen short statements in each, and the asked member's
// answer), and each member's chain verified.
const TEST_MS = timeoutFor({ psql: 40 })

const MEMBERS = ['clinic', 'psychology'] as const
type Member = (typeof MEMBERS)[number]
const PATIENT = 'person-5521'
const evidence = { collectedBy: 'web', method: 'checkbox' }
const suffix = randomBytes(4).toString('hex')
const schemaOf = (vertical: Member) => `vx_test_${suffix}_${vertical}`
const memberSchemas: Record<Member, string> = {
  clinic: schemaOf('clinic'),
  psychology: schemaOf('psychology'),
}
// Each member's own secrets, as each vertical's Secret holds them: neither can key the other's chain.
const keys = (vertical: Member) => ({
  auditKey: `${vertical}-audit-key-for-co-tenant-erasure-tests`,
  subjectKey: `${vertical}-subject-key-for-co-tenant-erasure-tests`,
})

let env: Env
let config: ResolvedPlatform
const pools: Partial<Record<Member, pg.Pool>> = {}
const platforms: Platform[] = []

/** The example with psychology and a second practice, clinic, on the shared store `marketplace`. */
function clinicsSharing(base: ResolvedPlatform): ResolvedPlatform {
  const roles = { owner: `vx_o_${suffix}`, app: `vx_a_${suffix}`, provision: 'create' as const }
  const psychology = base.verticals.psychology as ResolvedPlatform['verticals'][string]
  const onStore = { postgres: 'marketplace', redis: 'marketplace' }
  // The other verticals keep databases of their own here; only fitness erases platform-wide with these
  // two, and its database is one their services cannot reach.
  const apart = (name: string, platformWideErasure = false) => ({
    ...(base.verticals[name] as ResolvedPlatform['verticals'][string]),
    dataStores: { postgres: 'dedicated', redis: 'marketplace' },
    platformWideErasure,
  })
  return {
    ...base,
    dataStores: { ...base.dataStores, postgres: { ...base.dataStores.postgres, roles } },
    verticals: {
      barber: apart('barber'),
      beauty: apart('beauty'),
      fitness: apart('fitness', true),
      psychology: { ...psychology, dataStores: onStore },
      clinic: { ...psychology, name: 'clinic', displayName: 'Clinic', dataStores: onStore },
    },
  }
}

/** A member's platform on `pool`, in its own schema, knowing where the other member's schema is. */
async function member(vertical: Member, pool: pg.Pool, options: Partial<PlatformOptions> = {}) {
  const platform = await createPlatform({
    config,
    vertical,
    pg: pool,
    redis: env.redis,
    schema: memberSchemas[vertical],
    memberSchemas,
    keyPrefix: env.prefix,
    ...keys(vertical),
    ...options,
  })
  platforms.push(platform)
  return platform
}

const app = (vertical: Member) => tenancyOf(config, vertical).roles.app

beforeAll(async () => {
  env = await createEnv()
  config = clinicsSharing(env.config)
  for (const vertical of MEMBERS) {
    // The owner's connection (a superuser here) migrates each member and grants the other its request.
    const owner = await member(vertical, env.pool, { coTenantErasure: { pollMs: 0 } })
    await owner.migrate()
    await owner.close()
    await env.pool.query(`ALTER ROLE ${app(vertical)} LOGIN`)
    const url = new URL(PG_URL)
    url.username = app(vertical)
    pools[vertical] = new pg.Pool({ connectionString: url.toString(), max: 3 })
  }
})

afterAll(async () => {
  for (const p of platforms) await p.close()
  for (const p of Object.values(pools)) await p?.end()
  const roles = MEMBERS.flatMap((vertical) => {
    const { owner, app } = tenancyOf(config, vertical).roles
    return [app, owner]
  })
  await dropRoles(roles, async (admin) => {
    for (const vertical of MEMBERS) await admin.query(`DROP SCHEMA IF EXISTS "${schemaOf(vertical)}" CASCADE`)
  })
  await env.cleanup()
})

const rowsOf = async (vertical: Member, subjectId: string) =>
  (
    await env.pool.query<{ id: string; data_class: string }>(
      `SELECT id::text, data_class FROM "${schemaOf(vertical)}".personal_records WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    )
  ).rows

describe('platform-wide erasure between members of a shared PostgreSQL store', () => {
  it(
    "erases the subject in the other member through that member's own service, keeping its clinical record under the duty",
    async () => {
      const warnings: string[] = []
      const clinic = await member('clinic', pools.clinic as pg.Pool, {
        coTenantErasure: { waitMs: TEST_MS },
        logger: { warn: (_, message) => warnings.push(message), error: () => {} },
      })
      const psychology = await member('psychology', pools.psychology as pg.Pool, {
        coTenantErasure: { pollMs: 20 },
      })
      const note = await psychology.records.insert({
        dataClass: 'session-notes',
        subjectId: PATIENT,
        data: { sessionNotes: 'intake' },
      })
      await psychology.records.insert({
        dataClass: 'user-profiles',
        subjectId: PATIENT,
        data: { name: 'Eva' },
      })
      await psychology.consent.grant({ subjectId: PATIENT, purpose: 'health-care', evidence, explicit: true })
      expect(await psychology.consent.check(PATIENT, 'health-care')).toMatchObject({ allowed: true })
      await psychology.cache.wrap('user-profiles', PATIENT, async () => ({ name: 'Eva' }), {
        subjectId: PATIENT,
      })
      expect((await env.keys()).some((k) => k.includes(':psychology:') && k.includes(PATIENT))).toBe(true)
      await clinic.records.insert({ dataClass: 'user-profiles', subjectId: PATIENT, data: { name: 'Eva' } })

      const request = await clinic.dsr.open({ subjectId: PATIENT, kind: 'erasure', verification: VERIFIED })
      const fulfilment = await clinic.dsr.fulfil(request.id, { actor: 'privacy-officer' })
      expect(fulfilment.request.status).toBe('fulfilled')
      expect(fulfilment.erased?.personalRecords.deleted).toBe(1)
      expect(Object.keys(fulfilment.alsoErased ?? {}).sort()).toEqual(['fitness', 'psychology'])
      // Fitness keeps its data in a database of its own: reported as not reached, never as erased.
      expect(fulfilment.alsoErased?.fitness).toEqual({ skipped: 'other-store' })
      expect(warnings).toEqual([
        `erasure request ${request.id} did not reach fitness (their data is in another PostgreSQL store): open the same request in their services, or give the platforms an erasure relay`,
      ])
      // The report psychology's service wrote back: what went, and what its retention duty keeps until when.
      const there = fulfilment.alsoErased?.psychology as ErasureReport
      expect(there).toMatchObject({
        personalRecords: { deleted: 1, dataClasses: ['user-profiles'], keptUnderHold: [] },
        consent: { events: 1, states: 1 },
      })
      expect(there.cacheKeys).toBeGreaterThan(0)
      const duty = config.retention.recordClasses.clinical?.duty
      expect(there.personalRecords.keptUnderDuty).toEqual([
        {
          recordClass: 'clinical',
          dataClasses: ['session-notes'],
          records: [note.id],
          minimumSeconds: duty?.minimum,
          countedFrom: 'last-entry',
          source: duty?.source,
          until: new Date(note.createdAt.getTime() + (duty?.minimum ?? 0) * 1000),
        },
      ])
      // The closed request keeps the same report.
      const stored = fulfilment.request.result as { alsoErased: Record<string, { consent: unknown }> }
      expect(stored.alsoErased.psychology?.consent).toEqual({ events: 1, states: 1 })

      // In psychology: only the clinical record is left; no consent, no cached value or decision.
      expect(await rowsOf('psychology', PATIENT)).toEqual([{ id: note.id, data_class: 'session-notes' }])
      expect(await rowsOf('clinic', PATIENT)).toEqual([])
      expect(await psychology.consent.check(PATIENT, 'health-care')).toMatchObject({ allowed: false })
      expect((await env.keys()).filter((k) => k.includes(PATIENT))).toEqual([])
      // Psychology's chain holds its own erasure record, keyed with its own keys, and still verifies.
      for (const p of [clinic, psychology]) expect(await p.audit.verify()).toMatchObject({ ok: true })
      const records = await env.pool.query(
        `SELECT data FROM "${schemaOf('psychology')}".audit_entries WHERE type = 'dsr.erasure.performed'`,
      )
      expect(records.rows.map((r) => r.data)).toEqual([{ requestId: request.id, requestedIn: 'clinic' }])
      // The request it was asked keeps who asked, and no longer the subject.
      const asked = await env.pool.query(
        `SELECT requested_in, requested_by, subject_id, done_at IS NOT NULL AS done FROM "${schemaOf('psychology')}".erasure_requests`,
      )
      expect(asked.rows).toEqual([
        { requested_in: 'clinic', requested_by: app('clinic'), subject_id: null, done: true },
      ])
    },
    TEST_MS,
  )

  it("still refuses each member's role the other's tables and erasure function", async () => {
    for (const [reader, owner] of [
      ['clinic', 'psychology'],
      ['psychology', 'clinic'],
    ] as const) {
      const s = `"${schemaOf(owner)}"`
      for (const sql of [
        `SELECT * FROM ${s}.personal_records`,
        `DELETE FROM ${s}.personal_records`,
        `SELECT * FROM ${s}.consent_state`,
        `DELETE FROM ${s}.consent_state`,
        `SELECT * FROM ${s}.audit_entries`,
        `SELECT * FROM ${s}.erasure_requests`,
        `UPDATE ${s}.erasure_requests SET actor = 'x'`,
        `SELECT ${s}.erase_subject('${owner}', 'x', ARRAY[repeat('0', 64)], 'data-access:1', '{}', now())`,
        // Nor may it let anyone else ask: only the owner grants.
        `SELECT ${s}.grant_erasure_requests(ARRAY['${app(reader)}'], 'create')`,
      ]) {
        const error = await (pools[reader] as pg.Pool).query(sql).catch((e: unknown) => e)
        expect({ sql, code: (error as { code?: string }).code }).toEqual({ sql, code: '42501' })
      }
    }
  })

  it(
    'keeps the request open when the other member has not answered in time, and a retry collects its report',
    async () => {
      for (const p of platforms) await p.close() // no member answers on its own from here on
      const clinic = await member('clinic', pools.clinic as pg.Pool, {
        coTenantErasure: { waitMs: 0, pollMs: 0 },
      })
      const psychology = await member('psychology', pools.psychology as pg.Pool, {
        coTenantErasure: { pollMs: 0 },
      })
      const subject = 'person-7730'
      await psychology.records.insert({
        dataClass: 'user-profiles',
        subjectId: subject,
        data: { name: 'Ivo' },
      })
      const request = await clinic.dsr.open({ subjectId: subject, kind: 'erasure', verification: VERIFIED })
      await expect(clinic.dsr.fulfil(request.id)).rejects.toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        message: expect.stringContaining('psychology'),
      })
      expect((await clinic.dsr.get(request.id)).status).toBe('open')
      expect(await rowsOf('psychology', subject)).toHaveLength(1)

      expect(await psychology.dsr.answerErasureRequests()).toBe(1)
      expect(await rowsOf('psychology', subject)).toEqual([])
      const { request: closed, alsoErased } = await clinic.dsr.fulfil(request.id)
      expect(closed.status).toBe('fulfilled')
      expect(alsoErased?.psychology).toMatchObject({ personalRecords: { deleted: 1, keptUnderDuty: [] } })
      // Asked once: the retry found the same request and its answer.
      const asked = await env.pool.query(
        `SELECT count(*)::int AS n FROM "${schemaOf('psychology')}".erasure_requests WHERE request_id = $1`,
        [request.id],
      )
      expect(asked.rows[0]).toEqual({ n: 1 })
      for (const p of [clinic, psychology]) expect(await p.audit.verify()).toMatchObject({ ok: true })
    },
    TEST_MS,
  )
})
