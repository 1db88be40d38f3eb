import { randomBytes } from 'node:crypto'
import { type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlatform, type Platform } from '../src/platform'
import { createEnv, dropRoles, type Env, PG_URL } from './harness'

// Two verticals on one shared PostgreSQL and one shared Redis (the example's `marketplace` store):
// each has its own schema and its own roles, and its service connects as its own application role.
// Roles are cluster-wide, so this file names its own (suffixed) and drops them afterwards.

let env: Env
let config: ResolvedPlatform
const suffix = randomBytes(4).toString('hex')
const schemaOf = (vertical: string) => `vx_test_${suffix}_${vertical}`
const pools: Record<string, pg.Pool> = {}
const platforms: Record<string, Platform> = {}
const MEMBERS = ['barber', 'beauty'] as const

beforeAll(async () => {
  env = await createEnv()
  const roles = { owner: `vx_o_${suffix}`, app: `vx_a_${suffix}`, provision: 'create' as const }
  config = {
    ...env.config,
    dataStores: { ...env.config.dataStores, postgres: { ...env.config.dataStores.postgres, roles } },
  }
  for (const vertical of MEMBERS) {
    // The owner's connection (a superuser here) migrates each member's schema with its own roles.
    const owner = await createPlatform({
      config,
      vertical,
      pg: env.pool,
      redis: env.redis,
      schema: schemaOf(vertical),
      keyPrefix: env.prefix,
    })
    await owner.migrate()
    await owner.close()
    const { app } = tenancyOf(config, vertical).roles
    await env.pool.query(`ALTER ROLE ${app} LOGIN`)
    const url = new URL(PG_URL)
    url.username = app
    pools[vertical] = new pg.Pool({ connectionString: url.toString(), max: 2 })
    platforms[vertical] = await createPlatform({
      config,
      vertical,
      pg: pools[vertical],
      redis: env.redis,
      schema: schemaOf(vertical),
      keyPrefix: env.prefix,
    })
  }
})

afterAll(async () => {
  for (const p of Object.values(platforms)) await p.close()
  for (const p of Object.values(pools)) await p.end()
  const roles = MEMBERS.flatMap((vertical) => {
    const { owner, app } = tenancyOf(config, vertical).roles
    return [app, owner]
  })
  await dropRoles(roles, async (admin) => {
    for (const vertical of MEMBERS) await admin.query(`DROP SCHEMA IF EXISTS "${schemaOf(vertical)}" CASCADE`)
  })
  await env.cleanup()
})

describe('core on a shared PostgreSQL and a shared Redis', () => {
  it('gives each member its own roles, named after the vertical', () => {
    expect(tenancyOf(config, 'barber').roles.app).toBe(`vx_a_${suffix}_barber`)
    expect(tenancyOf(config, 'beauty').roles.owner).toBe(`vx_o_${suffix}_beauty`)
    expect(tenancyOf(config, 'barber').schema).toBe('verticals_barber')
  })

  it('runs each member as its own role in its own schema', async () => {
    const barber = platforms.barber as Platform
    const beauty = platforms.beauty as Platform
    await barber.records.insert({ dataClass: 'user-profiles', subjectId: 'ana', data: { name: 'Ana' } })
    await beauty.records.insert({ dataClass: 'user-profiles', subjectId: 'ana', data: { name: 'Ana B' } })
    const evidence = { collectedBy: 'web', method: 'checkbox' }
    await barber.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence })
    expect(await barber.consent.check('ana', 'marketing')).toMatchObject({ allowed: true })
    // The grant is barber's alone: beauty's schema holds no consent for ana.
    expect(await beauty.consent.check('ana', 'marketing')).toMatchObject({ allowed: false })
    expect(await barber.audit.verify()).toMatchObject({ ok: true })
    const count = await env.pool.query(
      `SELECT count(*)::int AS n FROM "${schemaOf('beauty')}".personal_records`,
    )
    expect(count.rows[0]).toEqual({ n: 1 })
  })

  it("refuses one member's role every table of the other's schema", async () => {
    for (const [reader, owner] of [
      ['barber', 'beauty'],
      ['beauty', 'barber'],
    ] as const) {
      for (const table of ['personal_records', 'consent_events', 'audit_entries', 'dsr_requests']) {
        await expect(
          (pools[reader] as pg.Pool).query(`SELECT * FROM "${schemaOf(owner)}".${table}`),
        ).rejects.toMatchObject({ code: '42501' }) // insufficient_privilege
      }
    }
  })

  it('keeps each member under its own Redis key prefix', async () => {
    const barber = platforms.barber as Platform
    const beauty = platforms.beauty as Platform
    await barber.cache.wrap('user-profiles', 'ana', async () => ({ name: 'Ana' }), { subjectId: 'ana' })
    await beauty.cache.wrap('user-profiles', 'ana', async () => ({ name: 'Ana B' }), { subjectId: 'ana' })
    const keys = await env.keys()
    const name = config.metadata.name
    expect(keys).toContain(`${env.prefix}${name}:barber:user-profiles:ana`)
    expect(keys).toContain(`${env.prefix}${name}:beauty:user-profiles:ana`)
    // Each value is read back by its own vertical only.
    expect(
      await beauty.cache.wrap('user-profiles', 'ana', async () => ({ name: 'miss' }), { subjectId: 'ana' }),
    ).toEqual({
      name: 'Ana B',
    })
  })
})
