import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { documentation, tsSnippets } from './doc-snippets.ts'
import { repoRoot } from './workspace.ts'

// What a snippet takes as given (the reader's own values), by snippet: anything else it uses must be
// imported in the snippet itself, so a copied snippet never lacks an import.
const GIVEN: Readonly<Record<string, string>> = {
  'README.md#0': 'declare const id: string, subjectId: string, load: () => Promise<string>',
  'packages/core/README.md#0':
    'declare const userId: string, staffId: string, db: { profile(id: string): Promise<object> }',
  'packages/core/README.md#1':
    "declare const logger: NonNullable<Parameters<typeof import('@verticals/core').openConnections>[0]['logger']>",
  'packages/core/README.md#4':
    "declare const config: import('@verticals/config-schema').ResolvedPlatform, pg: string, redis: string",
  'packages/observability/README.md#0':
    'declare const text: string, pool: { query(sql: string): Promise<unknown> }, redis: { ping(): Promise<unknown> }',
  'packages/templates/README.md#0': 'declare const text: string',
  'packages/generator/docs/publishing.md#0':
    "declare const platform: import('@verticals/config-schema').ResolvedPlatform",
}

const snippets = tsSnippets(documentation())
const dir = mkdtempSync(join(repoRoot, 'tools', 'e2e', '.snippets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The file name a snippet is checked under. */
const fileOf = (id: string) => `${id.replace(/[^A-Za-z0-9]+/g, '-')}.ts`

describe('TypeScript in the READMEs and docs', () => {
  it('has snippets to check, and no given values for snippets that are gone', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10)
    const ids = new Set(snippets.map((s) => s.id))
    expect(Object.keys(GIVEN).filter((id) => !ids.has(id))).toEqual([])
  })

  // One tsc run over every snippet (each a module of its own), against the packages' source.
  it('type-checks every snippet as written, with its imports', () => {
    for (const { id, code } of snippets) {
      writeFileSync(join(dir, fileOf(id)), `${GIVEN[id] ?? ''}\n${code}\nexport {}\n`)
    }
    const config = { extends: '../../../tsconfig.base.json', include: ['*.ts'] }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config))
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
    const run = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { encoding: 'utf8' })
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
  }, 300_000)
})
