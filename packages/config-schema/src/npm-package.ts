import validate from 'validate-npm-package-name'

/** The default pattern of a bundle package's name inside its scope. */
export const DEFAULT_NPM_NAME = '{vertical}-bundle'
/** What `metadata.npm.scope` accepts: `@` and a lowercase, URL-safe npm user or organization name. */
export const NPM_SCOPE_PATTERN = /^@[a-z0-9][a-z0-9._-]*$/
/** The placeholders a name pattern may use. */
export const NPM_NAME_PLACEHOLDERS = ['vertical', 'platform'] as const

/** The npm naming of a platform's bundle packages, with every default applied. */
export interface NpmNaming {
  readonly scope: string
  readonly name: string
}

/** The placeholders of a pattern that are not {vertical} or {platform}. */
export function unknownPlaceholders(pattern: string): string[] {
  const names = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string)
  return names.filter((n) => !(NPM_NAME_PLACEHOLDERS as readonly string[]).includes(n))
}

/** The full npm name of one vertical's bundle package, e.g. `@turnos/psychology-bundle`. */
export function bundlePackageName(
  metadata: { readonly name: string; readonly npm: NpmNaming },
  vertical: string,
): string {
  const name = metadata.npm.name.replaceAll('{vertical}', vertical).replaceAll('{platform}', metadata.name)
  return `${metadata.npm.scope}/${name}`
}

/** Why npm would refuse a name for a new package, or undefined when it accepts it. */
export function npmNameProblem(name: string): string | undefined {
  const result = validate(name)
  if (result.validForNewPackages) return undefined
  return [...(result.errors ?? []), ...(result.warnings ?? [])].join('; ')
}
