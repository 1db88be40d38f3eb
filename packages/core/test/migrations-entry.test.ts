import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../src/index'

// `@verticals/core/migrations` as a user resolves it (package exports -> dist; nx builds before `test`):
// the SQL alone, so tools such as the generator never load the PostgreSQL and Redis clients.
const cwd = fileURLToPath(new URL('..', import.meta.url))
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' })
// CommonJS packages (pg, ioredis) land in the require cache even when imported from ESM.
const report = 'JSON.stringify({ m: m.MIGRATIONS, keys: Object.keys(m), loaded: Object.keys(require.cache) })'
const clients = /node_modules[\\/](pg|ioredis|pg-pool|pg-protocol)[\\/]/

describe('@verticals/core/migrations', () => {
  it.each([
    ['ESM', `import('@verticals/core/migrations').then((m) => console.log(${report}))`],
    ['CJS', `const m = require('@verticals/core/migrations'); console.log(${report})`],
  ])(
    'exports the SQL and its psql form from the %s build, without loading pg or ioredis',
    (_format, code) => {
      const { m, keys, loaded } = JSON.parse(run(['-e', code]))
      expect(m).toEqual(MIGRATIONS)
      expect(keys.filter((k: string) => k !== 'default' && k !== 'module.exports').sort()).toEqual([
        'DEFAULT_ROLES',
        'DEFAULT_SCHEMA',
        'MIGRATIONS',
        'checksum',
        'psqlMigration',
      ])
      expect(loaded.filter((file: string) => clients.test(file))).toEqual([])
    },
  )

  it('is the control: the main entry does load pg and ioredis', () => {
    const code = `const m = require('@verticals/core'); console.log(${report.replace('m.MIGRATIONS', 'null')})`
    const { loaded } = JSON.parse(run(['-e', code]))
    expect(loaded.some((file: string) => /node_modules[\\/]pg[\\/]/.test(file))).toBe(true)
    expect(loaded.some((file: string) => /node_modules[\\/]ioredis[\\/]/.test(file))).toBe(true)
  })
})
