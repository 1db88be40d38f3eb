import type { Manifest } from './workspace.ts'

/** Strips a leading `./` so manifest paths compare with `npm pack` paths. */
function normalize(path: string): string {
  return path.replace(/^\.\//, '')
}

/** Every string leaf of an `exports` map (conditions nest arbitrarily deep). */
function exportTargets(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (node === null || typeof node !== 'object') return []
  return Object.values(node).flatMap(exportTargets)
}

/** Files a consumer's resolver may load: main, module, types, bin and every `exports` target. */
export function referencedFiles(manifest: Manifest): string[] {
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {})
  const all = [
    manifest.main,
    manifest.module,
    manifest.types,
    manifest.typings,
    ...bins,
    ...exportTargets(manifest.exports),
  ].filter((path): path is string => typeof path === 'string')
  return [...new Set(all.map(normalize))].sort()
}

/** Executable paths from `bin`, normalized like `npm pack` paths. */
export function binFiles(manifest: Manifest): string[] {
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {})
  return bins.map(normalize)
}

/** Whether `file` is matched by `pattern`; `*` in an exports pattern matches any substring. */
export function matchesTarget(pattern: string, file: string): boolean {
  if (!pattern.includes('*')) return pattern === file
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+')
  return new RegExp(`^${source}$`).test(file)
}
