import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { documentation, fileOf, GIVEN, tsSnippets, typeCheckSnippets } from './doc-snippets.ts'
import { repoRoot } from './workspace.ts'

const snippets = tsSnippets(documentation())
const dir = mkdtempSync(join(repoRoot, 'tools', 'e2e', '.snippets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('TypeScript in the READMEs and docs', () => {
  it('has snippets to check, and no given values for snippets that are gone', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10)
    const ids = new Set(snippets.map((s) => s.id))
    expect(Object.keys(GIVEN).filter((id) => !ids.has(id))).toEqual([])
  })

  // One tsc run over every snippet (each a module of its own), against the packages' source.
  it(
    'type-checks every snippet as written, with its imports',
    () => {
      const run = typeCheckSnippets(dir, snippets)
      const byFile = new Map(snippets.map((s) => [fileOf(s.id), s.id]))
      const errors = run.stdout
        .split('\n')
        .filter((line) => line.includes('error TS'))
        .map((line) => {
          const file = /([^/\\]+\.ts)\(/.exec(line)?.[1] ?? ''
          return byFile.has(file) ? `${byFile.get(file)}: ${line.slice(line.indexOf(': error') + 2)}` : line
        })
      expect(errors).toEqual([])
      expect(run.status).toBe(0)
    },
    timeoutFor({ typecheck: 1 }),
  )
})
