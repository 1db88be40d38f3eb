import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const biome = (args: string[]) =>
  spawnSync(process.execPath, [`${root}node_modules/@biomejs/biome/bin/biome`, ...args], {
    cwd: root,
    encoding: 'utf8',
  })

describe('npm run format', () => {
  it('has nothing to change in a clean tree (package lints check packages; this checks the root too)', () => {
    const result = biome(['format', '.'])
    expect(result.stdout + result.stderr).not.toContain('Formatter would have printed')
    expect(result.status).toBe(0)
  })

  it('never touches changesets: Biome reads their front matter as Markdown and would mangle it', () => {
    const result = biome(['format', '.changeset'])
    expect(result.stdout + result.stderr).toMatch(/No files were processed|ignored/i)
    expect(result.stdout + result.stderr).not.toContain('Formatter would have printed')
  })
})
