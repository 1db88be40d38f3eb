import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
