import { randomBytes } from 'node:crypto'
import { type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../src/migrations/migrate'
import { MIGRATIONS } from '../src/migrations/sql.generated'
import { createEnv, dropRoles, type Env, PG_URL, VERIFIED } from './harness'

// The application role against the ledgers: it appends, grants, erases and purges through the audited
// paths, and PostgreSQL itself refuses its UPDATE, DELETE and TRUNCATE of audit entries, checkpoints
// and consent events. Roles are cluster-wide, so each test names its own and drops them afterwards.

let env: Env
let roles: { owner: string; app: string; provision: 'create' | 'expect' }
let config: ResolvedPlatform
let app: pg.Pool

beforeEach(async () => {
  env = await createEnv()
  const suffix = randomBytes(4).toString('hex')
  roles = { owner: `vx_owner_${suffix}`, app: `vx_app_${suffix}`, provision: 'create' }
  const postgres = { ...env.config.dataStores.postgres, roles }
  config = { ...env.config, dataStores: { ...env.config.dataStores, postgres } }
  // The owner's connection (a superuser here) migrates; the service then connects as the app role.
  await migrate(env.pool, env.schema, MIGRATIONS, roles)
  await env.pool.query(`ALTER ROLE ${roles.app} LOGIN`)
  const url = new URL(PG_URL)
  url.username = roles.app
  app = new pg.Pool({ connectionString: url.toString(), max: 4 })
})
afterEach(async () => {
  await app.end()
  await env.cleanup()
  // barber is a member of a shared store in the example, so its platform migrates with the member's own
  // roles (<owner>_barber, <app>_barber): this test's too, dropped with them.
  const member = tenancyOf(config, 'barber').roles
  await dropRoles([member.app, member.owner, roles.app, roles.owner])
})

const ledgers = ['audit_entries', 'audit_checkpoints', 'consent_events']

describe('the application role', () => {
  it('cannot UPDATE, DELETE or TRUNCATE any ledger, but runs every audited path', async () => {
    const platform = await env.platform('barber', { pg: app, config })
    expect(await platform.migrate()).toEqual({ applied: [], unchanged: MIGRATIONS.map((m) => m.name) })
    const evidence = { collectedBy: 'web', method: 'checkbox' }
    // Six years ago: authentication (5 y) and consent (5 y) are due, bookings (2 y) get anonymized.
    const past = new Date(Date.now() - 6 * 365 * 86_400_000)
    const old = await env.platform('barber', { pg: app, config, clock: () => past })
    for (let i = 0; i < 3; i += 1)
      await old.audit.append({ type: 'authentication.login', actor: `u${i}`, data: {} })
    await old.audit.append({ type: 'bookings.created', actor: 'web', subjectId: 'cy', data: { at: 'x' } })
    await old.consent.grant({ subjectId: 'bo', purpose: 'marketing', evidence })
    await platform.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence })
    await platform.audit.append({ type: 'data-access.read', actor: 'op', subjectId: 'ana', data: { n: 1 } })
    const request = await platform.dsr.open({ subjectId: 'ana', kind: 'erasure', verification: VERIFIED })
    await platform.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    const report = await platform.retention.run()
    const purged = Object.fromEntries(report.classes.map((c) => [c.recordClass, c.purged]))
    expect(purged).toMatchObject({ authentication: 3, bookings: 1, consent: 3 })
    expect(await platform.audit.verify()).toMatchObject({ ok: true })

    const s = `"${env.schema}"`
    for (const table of ledgers) {
      for (const sql of [
        `UPDATE ${s}.${table} SET vertical = vertical`,
        `DELETE FROM ${s}.${table}`,
        `TRUNCATE ${s}.${table}`,
      ]) {
        const error = await app.query(sql).catch((e: unknown) => e)
        expect({ sql, code: (error as { code?: string }).code }).toEqual({ sql, code: '42501' })
      }
    }
    // Nor can it drop them or change their constraints, and granting itself more grants nothing.
    for (const sql of [
      `DROP TABLE ${s}.audit_entries`,
      `ALTER TABLE ${s}.consent_events DROP CONSTRAINT consent_events_evidence`,
    ]) {
      const error = await app.query(sql).catch((e: unknown) => e)
      expect({ sql, code: (error as { code?: string }).code }).toEqual({ sql, code: '42501' })
    }
    await app.query(`GRANT UPDATE ON ${s}.audit_entries TO ${roles.app}`)
    const { rows } = await app.query(`SELECT has_table_privilege($1, $2, 'UPDATE') AS can`, [
      roles.app,
      `${s}.audit_entries`,
    ])
    expect(rows[0].can).toBe(false)
    // The erasure function refuses an erasure without a record of it.
    const erase = await app
      .query(
        `SELECT ${s}.erase_subject('barber', 'bo', ARRAY[repeat('0', 64)], 'data-access:1', '{}', now())`,
      )
      .catch((e: unknown) => e)
    expect(erase).toMatchObject({ message: expect.stringContaining('no erasure record') })
  })

  it('may not apply a pending migration: MIGRATION_PENDING says how to apply it', async () => {
    const extra = [...MIGRATIONS, { name: '9999_later', sql: 'CREATE TABLE later (id int);' }]
    await expect(migrate(app, env.schema, extra, roles)).rejects.toMatchObject({
      code: 'MIGRATION_PENDING',
      hint: expect.stringContaining(roles.owner),
    })
  })

  it('owns nothing: the owner role owns the schema, its tables and its functions', async () => {
    const { rows } = await env.pool.query<{ owner: string; n: number }>(
      `SELECT pg_get_userbyid(relowner) AS owner, count(*)::int AS n FROM pg_class
       WHERE relnamespace = $1::regnamespace AND relkind = 'r' GROUP BY 1
       UNION ALL SELECT pg_get_userbyid(proowner), count(*)::int FROM pg_proc WHERE pronamespace = $1::regnamespace GROUP BY 1
       UNION ALL SELECT pg_get_userbyid(nspowner), 1 FROM pg_namespace WHERE nspname = $2`,
      [env.schema, env.schema],
    )
    expect(new Set(rows.map((r) => r.owner))).toEqual(new Set([roles.owner]))
  })
})

describe('provision: expect', () => {
  it('refuses to migrate when a role is missing, and says how to create it', async () => {
    const other = `vx_missing_${randomBytes(4).toString('hex')}`
    const schema = `${env.schema}_x`
    try {
      await expect(
        migrate(env.pool, schema, MIGRATIONS, { owner: other, app: roles.app, provision: 'expect' }),
      ).rejects.toMatchObject({
        message: `role ${other} does not exist`,
        hint: expect.stringContaining('CREATE ROLE'),
      })
    } finally {
      await env.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    }
  })
})
