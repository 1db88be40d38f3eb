import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))

describe('package-lock.json', () => {
  it('records every optional platform binary, so `npm ci` accepts it on a fresh clone', () => {
    const result = spawnSync(process.execPath, ['scripts/lock-foreign-platforms.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
