import { type SpawnSyncReturns, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './workspace.ts'

/** One ```ts block of a Markdown file. */
export interface Snippet {
  /** `<file>#<index>`: the file relative to the repository and the block's number in it. */
  readonly id: string
  readonly code: string
}

/** The Markdown files whose TypeScript a reader copies: READMEs and docs. */
export function documentation(root: string = repoRoot): string[] {
  const inDir = (dir: string, pick: (name: string) => boolean) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter(pick)
          .map((name) => `${dir}/${name}`)
      : []
  const packages = readdirSync(join(root, 'packages'))
  return [
    'README.md',
    ...inDir('docs', (name) => name.endsWith('.md')),
    ...packages.map((name) => `packages/${name}/README.md`).filter((file) => existsSync(join(root, file))),
    ...packages.flatMap((name) => inDir(`packages/${name}/docs`, (file) => file.endsWith('.md'))),
  ]
}

/** Every ```ts block of the given files, in order. */
export function tsSnippets(files: readonly string[], root: string = repoRoot): Snippet[] {
  return files.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => ({
      id: `${file}#${i}`,
      code: match[1]!,
    })),
  )
}

// What a snippet takes as given (the reader's own values), by snippet: anything else it uses must be
// imported in the snippet itself, so a copied snippet never lacks an import.
export const GIVEN: Readonly<Record<string, string>> = {
  'packages/core/README.md#0':
    'declare const userId: string, staffId: string, db: { profile(id: string): Promise<object> }',
  'packages/core/README.md#1':
    "declare const logger: NonNullable<Parameters<typeof import('@verticals/core').openConnections>[0]['logger']>",
  'packages/core/README.md#3':
    "declare const config: import('@verticals/config-schema').ResolvedPlatform, pg: string, redis: string, auditKey: string",
  'packages/core/README.md#5':
    "declare const config: import('@verticals/config-schema').ResolvedPlatform, pg: string, redis: string",
  'packages/observability/README.md#0':
    'declare const text: string, pool: { query(sql: string): Promise<unknown> }, redis: { ping(): Promise<unknown> }',
  'packages/templates/README.md#0': 'declare const text: string',
  'packages/generator/docs/publishing.md#0':
    "declare const platform: import('@verticals/config-schema').ResolvedPlatform",
  'packages/generator/docs/publishing.md#1':
    "declare const platform: import('@verticals/config-schema').ResolvedPlatform",
}

/** The file name a snippet is checked under. */
export const fileOf = (id: string) => `${id.replace(/[^A-Za-z0-9]+/g, '-')}.ts`

/** Writes each snippet as a module of its own into `dir` (inside the repository) and runs one tsc over them. */
export function typeCheckSnippets(dir: string, snippets: readonly Snippet[]): SpawnSyncReturns<string> {
  for (const { id, code } of snippets) {
    writeFileSync(join(dir, fileOf(id)), `${GIVEN[id] ?? ''}\n${code}\nexport {}\n`)
  }
  const config = { extends: '../../../tsconfig.base.json', include: ['*.ts'] }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config))
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  return spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { encoding: 'utf8' })
}
