/**
 * What a published tarball may contain. Everything else (sources, tests, configs, fixtures)
 * stays in the repository: users get the build, the docs, the licence and the data files the
 * code reads at run time.
 */

/** Files every public package must ship. */
export const requiredFiles = ['package.json', 'README.md', 'LICENSE'] as const

/** Paths every package may ship (`dir/**` means anything below dir). */
export const commonAllowed = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/**'] as const

/** Per-package data a user needs at run time; if the path exists in the package, it must ship. */
export const extrasByPackage: Readonly<Record<string, readonly string[]>> = {
  '@verticals/config-schema': ['schema.json'],
  '@verticals/core': ['migrations/**'],
  '@verticals/templates': ['templates/**', 'schemas/**', 'prices/**'],
  'create-vertical': ['bin/**', 'template/**'],
  '@verticals/generator': ['bin/**'],
}

/** Build leftovers that must never ship even under dist/. */
export const forbiddenInDist = [
  /\.test\.[cm]?[jt]s$/,
  /\.bench\.[cm]?[jt]s$/,
  /\.tsbuildinfo$/,
  /__fixtures__/,
]

/** Whether `file` (a tarball path) matches a policy pattern such as `dist/**` or `LICENSE`. */
export function matchesPolicy(pattern: string, file: string): boolean {
  if (pattern.endsWith('/**')) return file.startsWith(pattern.slice(0, -2))
  return pattern === file
}

/** The patterns allowed for one package: the common set plus its extras. */
export function allowedFor(name: string): string[] {
  return [...commonAllowed, ...(extrasByPackage[name] ?? [])]
}

/**
 * Tarball paths that no allowed pattern covers, or that are build leftovers under dist/. (Outside
 * dist only the allowed data ships; create-vertical's template legitimately carries its own tests.)
 */
export function unexpectedFiles(name: string, files: readonly string[]): string[] {
  const allowed = allowedFor(name)
  return files.filter(
    (file) =>
      !allowed.some((pattern) => matchesPolicy(pattern, file)) ||
      (file.startsWith('dist/') && forbiddenInDist.some((pattern) => pattern.test(file))),
  )
}
