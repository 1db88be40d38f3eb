import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { migrate } from '../src/migrations/migrate'
import { psqlMigration } from '../src/migrations/psql'
import { DEFAULT_ROLES } from '../src/migrations/roles'
import { MIGRATIONS } from '../src/migrations/sql.generated'
import { createEnv, type Env, PG_URL } from './harness'

// The compliance bundle's migrations as a DBA applies them, with the real psql: twice, then the
// service's migrate(); and migrate() first, then the bundle twice. Every order ends in the same schema.

let env: Env
let dir: string
beforeEach(async () => {
  env = await createEnv()
  dir = mkdtempSync(join(tmpdir(), 'vx-psql-'))
  for (const [i, m] of MIGRATIONS.entries())
    writeFileSync(join(dir, `${String(i + 1).padStart(3, '0')}.sql`), psqlMigration(m, DEFAULT_ROLES))
})
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true })
  await env.cleanup()
})

// Applies every file in name order, as the bundle's header says (psql exits non-zero on an error).
function applyBundle(): void {
  for (const [i] of MIGRATIONS.entries()) {
    const file = join(dir, `${String(i + 1).padStart(3, '0')}.sql`)
    execFileSync('psql', [PG_URL, '-X', '-q', '-v', `schema=${env.schema}`, '-f', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  }
}

const recorded = async () =>
  (await env.pool.query(`SELECT name, checksum FROM "${env.schema}".schema_migrations ORDER BY name`)).rows

// Each test applies the bundle with psql up to twice, then runs migrate(), creates a platform and
// appends and verifies an entry (about ten transactions more).
const PSQL_TEST_TIMEOUT = timeoutFor({ psqlBundle: 2, psql: 10 })

describe('the bundle SQL applied with psql', { timeout: PSQL_TEST_TIMEOUT }, () => {
  it('twice, then migrate(): every migration applied once, with the checksums migrate() records', async () => {
    applyBundle()
    const first = await recorded()
    expect(first.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name))
    applyBundle()
    expect(await recorded()).toEqual(first)
    expect(await migrate(env.pool, env.schema)).toEqual({
      applied: [],
      unchanged: MIGRATIONS.map((m) => m.name),
    })
    const platform = await env.platform('barber')
    await platform.audit.append({ type: 'deploy', actor: 'ci' })
    expect(await platform.audit.verify()).toMatchObject({ ok: true, checked: 1 })
  })

  it('after migrate(), twice: nothing applied again', async () => {
    await migrate(env.pool, env.schema)
    const before = await recorded()
    applyBundle()
    applyBundle()
    expect(await recorded()).toEqual(before)
  })

  it('fails, changing nothing, when a recorded checksum differs', async () => {
    await migrate(env.pool, env.schema)
    await env.pool.query(`UPDATE "${env.schema}".schema_migrations SET checksum = 'x' WHERE name = $1`, [
      MIGRATIONS[0]?.name,
    ])
    expect(() => applyBundle()).toThrow(/was changed after it was applied/)
  })
})
