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
})
