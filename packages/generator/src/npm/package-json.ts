import { PACKAGE_JSON_KEY, type SUPPORT_FILES } from './parts'

/** What package.json records for `verticals verify`: the vertical and the sha256 of every other file's root. */
export interface PackageStamp {
  vertical: string
  /** sha256 of manifest.json, which holds the sha256 of every bundle file. */
  manifestSha256: string
  /** sha256 of README.md, index.js and index.d.ts. */
  files: Record<(typeof SUPPORT_FILES)[number], string>
}

/** package.json of a bundle package: ESM entry with types, every file importable by path. */
export function packageJson(options: {
  name: string
  version: string
  description: string
  stamp: PackageStamp
}): string {
  // Written in this key order, not sorted: the `types` condition must come before `default`.
  const value = {
    name: options.name,
    version: options.version,
    description: options.description,
    keywords: ['verticals-bundle', options.stamp.vertical],
    type: 'module',
    sideEffects: false,
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './*': './*',
    },
    [PACKAGE_JSON_KEY]: options.stamp,
  }
  return `${JSON.stringify(value, null, 2)}\n`
}
