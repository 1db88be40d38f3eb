import { randomBytes } from 'node:crypto'
import { tenancyOf } from '@verticals/config-schema'
import { MONITORING_ROLE, redisExporterAcl } from '@verticals/observability'
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../src/migrations/migrate'
import { DEFAULT_ROLES } from '../src/migrations/roles'
import { MIGRATIONS } from '../src/migrations/sql.generated'
import { createEnv, dropRoles, type Env, PG_URL, REDIS_URL } from './harness'

// The exporters' least-privilege identities against the real servers: the PostgreSQL role migration
// 0010 creates reads the statistics and settings pg_monitor covers and no application table; the Redis
// ACL user of the contract runs what redis_exporter runs and nothing that reads or writes a key.
// Roles and ACL users are server-wide, so each test names its own and removes it afterwards.

const code = (error: unknown) => (error as { code?: string }).code

describe('the monitoring PostgreSQL role', () => {
  let env: Env
  let roles: { owner: string; app: string; monitor: string; provision: 'create' }
  let monitor: pg.Client | undefined
  beforeEach(async () => {
    env = await createEnv()
    const suffix = randomBytes(4).toString('hex')
    roles = {
      owner: `vx_owner_${suffix}`,
      app: `vx_app_${suffix}`,
      monitor: `vx_monitor_${suffix}`,
      provision: 'create',
    }
  })
  afterEach(async () => {
    await monitor?.end()
    monitor = undefined
    await env.cleanup()
    // barber is a member of a shared store in the example: its platform migrates with the member's
    // own roles (tenancyOf), named after this test's, and dropped with them.
    const named = { owner: roles.owner, app: roles.app, provision: 'create' as const }
    const postgres = { ...env.config.dataStores.postgres, roles: named }
    const member = tenancyOf(
      { ...env.config, dataStores: { ...env.config.dataStores, postgres } },
      'barber',
    ).roles
    await dropRoles([roles.monitor, member.app, member.owner, roles.app, roles.owner])
  })

  it('is the contract’s role by default', () => {
    expect(DEFAULT_ROLES.monitor).toBe(MONITORING_ROLE)
  })

  it('reads pg_stat_* and the settings pg_monitor covers, but no application table', async () => {
    await migrate(env.pool, env.schema, MIGRATIONS, roles)
    const url = new URL(PG_URL)
    url.username = roles.monitor
    monitor = new pg.Client({ connectionString: url.toString() })
    await monitor.connect()
    const other = await env.pool.connect()
    try {
      const pid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid
      // Another role's session, query text included: only pg_read_all_stats (in pg_monitor) shows it.
      const { rows } = await monitor.query<{ query: string }>(
        'SELECT query FROM pg_stat_activity WHERE pid = $1',
        [pid],
      )
      expect(rows[0]?.query).toBe('SELECT pg_backend_pid() AS pid')
    } finally {
      other.release()
    }
    const stats = await monitor.query('SELECT datname, xact_commit FROM pg_stat_database')
    expect(stats.rowCount).toBeGreaterThan(0)
    await monitor.query('SELECT * FROM pg_stat_bgwriter')
    // A superuser-only setting: pg_read_all_settings (in pg_monitor) reveals it.
    const dir = await monitor.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir")
    expect(dir.rows[0]?.dir).not.toBe('')

    for (const table of ['consent_state', 'audit_entries', 'personal_records']) {
      const error = await monitor.query(`SELECT * FROM "${env.schema}".${table}`).catch((e: unknown) => e)
      expect({ table, code: code(error) }).toEqual({ table, code: '42501' })
    }
    const membership = await env.pool.query<{ rolname: string }>(
      `SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
       JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1`,
      [roles.monitor],
    )
    expect(membership.rows.map((r) => r.rolname)).toEqual(['pg_monitor'])
  })

  it('gets its password from the exporter’s URL when the service migrates, and never an administrator’s', async () => {
    // The config names the owner and application roles; the monitoring role comes from the URL.
    const { monitor: _monitor, ...named } = roles
    const postgres = { ...env.config.dataStores.postgres, roles: named }
    const config = { ...env.config, dataStores: { ...env.config.dataStores, postgres } }
    const password = randomBytes(12).toString('hex')
    await env.platform('barber', {
      config,
      monitoringDatabaseUrl: `postgresql://${roles.monitor}:${password}@db.invalid:5432/postgres`,
    })
    const stored = await env.pool.query<{ rolpassword: string; rolcanlogin: boolean }>(
      'SELECT rolpassword, rolcanlogin FROM pg_authid WHERE rolname = $1',
      [roles.monitor],
    )
    expect(stored.rows[0]?.rolcanlogin).toBe(true)
    expect(stored.rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/)
    expect(stored.rows[0]?.rolpassword).not.toContain(password)
    // A URL that names the connection's own role (a superuser here) changes nothing and fails.
    const own = new URL(PG_URL).username || 'postgres'
    const error = await env
      .platform('barber', { config, monitoringDatabaseUrl: `postgresql://${own}:x@db.invalid/postgres` })
      .catch((e: unknown) => e)
    expect(String(error)).toContain('may do more than monitor')
  })

  it('must exist when roles are expected, and the hint says how to create it', async () => {
    await migrate(env.pool, env.schema, MIGRATIONS, roles)
    const other = { ...roles, monitor: `${roles.monitor}_x`, provision: 'expect' as const }
    const second = await createEnv()
    try {
      const error = await migrate(second.pool, second.schema, MIGRATIONS, other).catch((e: unknown) => e)
      expect(String(error)).toContain(`role ${other.monitor} does not exist`)
      expect((error as { hint?: string }).hint).toContain('GRANT pg_monitor')
    } finally {
      await second.cleanup()
    }
  })
})

describe('the monitoring Redis ACL user', () => {
  const user = `vx-monitor-${randomBytes(4).toString('hex')}`
  const password = randomBytes(16).toString('hex')
  let admin: Redis
  let monitor: Redis | undefined
  beforeEach(async () => {
    admin = new Redis(REDIS_URL)
    await admin.call('ACL', 'SETUSER', user, ...redisExporterAcl().split(' '), `>${password}`)
  })
  afterEach(async () => {
    monitor?.disconnect()
    monitor = undefined
    await admin.call('ACL', 'DELUSER', user)
    admin.disconnect()
  })

  it('runs what redis_exporter runs, and cannot read or write a key', async () => {
    const url = new URL(REDIS_URL)
    monitor = new Redis({
      host: url.hostname,
      port: Number(url.port || 6379),
      username: user,
      password,
      maxRetriesPerRequest: 1,
    })
    expect(await monitor.ping()).toBe('PONG')
    expect(await monitor.info()).toContain('redis_version:')
    expect(await monitor.call('CONFIG', 'GET', 'maxmemory')).toHaveLength(2)
    await monitor.call('SLOWLOG', 'GET', '10')
    await monitor.call('LATENCY', 'LATEST')
    await monitor.call('CLIENT', 'SETNAME', 'redis_exporter')
    const key = `vx-monitor-test:${user}`
    for (const command of [
      ['GET', key],
      ['SET', key, '1'],
      ['DEL', key],
      ['KEYS', '*'],
      ['FLUSHALL'],
      ['CONFIG', 'SET', 'maxmemory', '0'],
      ['CLIENT', 'KILL', 'ID', '1'],
    ]) {
      const error = await monitor.call(...(command as [string, ...string[]])).catch((e: unknown) => e)
      expect({ command, error: String(error) }).toEqual({
        command,
        error: expect.stringContaining('NOPERM'),
      })
    }
    expect(await admin.exists(key)).toBe(0)
  })
})
