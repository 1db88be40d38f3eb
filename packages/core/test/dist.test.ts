import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../src/index'

// The published entry points (nx builds dist before `test`): both formats must carry the migrations.
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const run = (args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8' })

describe('built package', () => {
  it('exports MIGRATIONS and createPlatform from the ESM build', () => {
    const code = `import('${dist}index.js').then((m) => console.log(JSON.stringify([typeof m.createPlatform, m.MIGRATIONS])))`
    const [kind, migrations] = JSON.parse(run(['-e', code]))
    expect(kind).toBe('function')
    expect(migrations).toEqual(MIGRATIONS)
  })

  it('exports MIGRATIONS and createPlatform from the CJS build', () => {
    const code = `const m = require('${dist}index.cjs'); console.log(JSON.stringify([typeof m.createPlatform, m.MIGRATIONS]))`
    const [kind, migrations] = JSON.parse(run(['-e', code]))
    expect(kind).toBe('function')
    expect(migrations).toEqual(MIGRATIONS)
  })

  // The AWS SDK is an optional peer: only a configured bucket (openAuditStorage, the relay) loads it.
  it('loads no AWS SDK from the main entry, in either format', () => {
    const cjs = `require('${dist}index.cjs'); console.log(JSON.stringify(Object.keys(require.cache).some((k) => k.includes('@aws-sdk'))))`
    expect(JSON.parse(run(['-e', cjs]))).toBe(false)
    // Every specifier the ESM build resolves, recorded by a module resolution hook.
    const esm = `const seen = []; require('node:module').registerHooks({ resolve: (s, c, next) => (seen.push(s), next(s, c)) }); import('${dist}index.js').then(() => console.log(JSON.stringify(seen.some((s) => s.includes('@aws-sdk')))))`
    expect(JSON.parse(run(['-e', esm]))).toBe(false)
  })
})
