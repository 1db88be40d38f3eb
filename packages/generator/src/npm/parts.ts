/**
 * Where each part of a vertical's bundle lives inside its package (and inside a fetched version):
 * the bundle layout of ARCHITECTURE.md without the `<vertical>/` folder. The package's entry point
 * exports the absolute path of each part under these names.
 */
export const BUNDLE_PARTS = {
  kubernetes: 'infrastructure/kubernetes',
  terraform: 'infrastructure/terraform',
  // The platform bundle: a Terraform root module per shared data store, `<store>/`, and the erasure
  // relay's, when verticals erase platform-wide across PostgreSQL stores.
  sharedStores: 'infrastructure/shared',
  erasureRelay: 'infrastructure/erasure-relay',
  prometheus: 'monitoring/prometheus',
  alertmanager: 'monitoring/alertmanager',
  grafana: 'monitoring/grafana',
  compliance: 'compliance',
  migrations: 'compliance/migrations',
  runbooks: 'runbooks',
} as const

/** The name of one part of a bundle (`kubernetes`, `prometheus`...). */
export type BundlePart = keyof typeof BUNDLE_PARTS

/** The parts that hold at least one of `paths` (relative to the version), in table order. */
export function partsOf(paths: readonly string[]): BundlePart[] {
  return (Object.keys(BUNDLE_PARTS) as BundlePart[]).filter((part) =>
    paths.some((path) => path.startsWith(`${BUNDLE_PARTS[part]}/`)),
  )
}

/** Files a bundle package carries besides the bundle and manifest.json, each described by package.json. */
export const SUPPORT_FILES = ['README.md', 'index.d.ts', 'index.js'] as const
/** The package.json key that holds what `verticals verify` checks the package against. */
export const PACKAGE_JSON_KEY = 'verticals'
