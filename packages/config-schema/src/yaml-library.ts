import { createRequire } from 'node:module'

// The yaml library is loaded on first use rather than imported: a config in plain YAML
// (plain-yaml.ts) never needs it, and loading it was a tenth of a cold `verticals
// validate`. The CLI's bundle leaves it out too and loads the installed package the same way.
const load = createRequire(import.meta.url)
let library: typeof import('yaml') | undefined

/** The yaml library, loaded on the first call. */
export function yamlLibrary(): typeof import('yaml') {
  library ??= load('yaml') as typeof import('yaml')
  return library
}
