import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { repoRoot } from './workspace.ts'

// The preflight of `npm test`, run against this machine's real PostgreSQL with a database and a
// role that do not exist (random names, so nothing can collide), and a port where no Redis listens.
function preflight(env: Record<string, string>) {
  return spawnSync(process.execPath, ['scripts/check-services.mjs'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  })
}

// A preflight run starts node with pg and ioredis, connects to both and runs promtool and amtool:
// about three CLI runs' worth; the longest test makes two.
describe('scripts/check-services.mjs (the preflight of npm test)', {
  timeout: timeoutFor({ cli: 6 }),
}, () => {
  it('passes on a machine that has what the tests use', () => {
    const run = preflight({})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('names a missing database and a missing role with the command that creates them', () => {
    const name = `verticals_missing_${randomBytes(4).toString('hex')}`
    const database = preflight({ VERTICALS_TEST_PG: `postgres://postgres@127.0.0.1:5432/${name}` })
    expect(database.status).toBe(1)
    expect(database.stderr).toBe(
      `PostgreSQL: database "${name}" does not exist. The integration tests use it.\n` +
        `Create it: psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -c 'CREATE DATABASE "${name}"'\n` +
        'Then run `npm test` again.\n',
    )
    const role = preflight({ VERTICALS_TEST_PG: `postgres://${name}@127.0.0.1:5432/test` })
    expect(role.status).toBe(1)
    expect(role.stderr).toBe(
      `PostgreSQL: role "${name}" does not exist. The integration tests connect as it.\n` +
        `Create it as a superuser: psql -h 127.0.0.1 -p 5432 -U <superuser> -d postgres -c 'CREATE ROLE "${name}" LOGIN SUPERUSER'\n` +
        'Then run `npm test` again.\n',
    )
  })

  it('says where Redis is not answering and which variable points elsewhere', () => {
    const run = preflight({ VERTICALS_TEST_REDIS: 'redis://127.0.0.1:1' })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      'Redis is not answering at 127.0.0.1:1. The integration tests need it.\n' +
        'Start it (bash .ci/run does this on CI machines), or point VERTICALS_TEST_REDIS at yours.\n' +
        'Then run `npm test` again.\n',
    )
  })
})
