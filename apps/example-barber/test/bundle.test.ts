import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const cli = fileURLToPath(new URL('../../../packages/generator/bin/verticals.js', import.meta.url))

describe('the committed bundle', () => {
  it('is exactly what `verticals check` generates from platform.yaml (no drift)', () => {
    // nx builds the generator first (@verticals/generator is a devDependency; test dependsOn ^build).
    expect(existsSync(cli), `${cli} is missing: run npx nx run @verticals/generator:build`).toBe(true)
    const run = spawnSync(process.execPath, [cli, 'check', 'platform.yaml', '--out', 'bundle'], {
      cwd: appDir,
      encoding: 'utf8',
    })
    expect(run.stdout + run.stderr).toContain('bundle is up to date with platform.yaml')
    expect(run.status).toBe(0)
  })
})
