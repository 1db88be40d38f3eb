import { type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import { MIGRATIONS, psqlMigration } from '@verticals/core/migrations'
import {
  type Artifact,
  type ArtifactKind,
  type BundleContext,
  type ConfigSource,
  PLATFORM_DIR,
  renderPlatform,
  renderVertical,
  toJson,
  verticalConfigChecksum,
} from '@verticals/templates'
import { sha256 } from './hash'
import { buildManifest, type Manifest } from './manifest'
import { assertBundlePath, assertDistinctPaths } from './paths'
import { selectVerticals } from './select'
import { textEngine } from './text-engine'

/** One file of a generated bundle, held in memory. */
export interface GeneratedFile {
  /** Relative to the bundle root, `/`-separated, e.g. `barber/infrastructure/kubernetes/deployment.yaml`. */
  readonly path: string
  readonly kind: ArtifactKind
  readonly vertical: string
  readonly content: string
  readonly sha256: string
}

/** A bundle in memory: its files (sorted by path) and the manifest that lists them. */
export interface GenerateResult {
  readonly files: readonly GeneratedFile[]
  readonly manifest: Manifest
  /** The verticals this result covers. */
  readonly verticals: readonly string[]
  /** True when only some of the enabled verticals were generated (`--vertical`). */
  readonly partial: boolean
}

/** Options of {@link generate}. */
export interface GenerateOptions {
  /**
   * The platform.yaml `config` was parsed from: its name without directories and its exact text, for
   * builders of your own. Built-in builders read only `config`, so comments and layout change no file.
   */
  source: ConfigSource
  /**
   * The manifest's `configSha256` (default: SHA-256 of the canonical JSON of `config`, which comments
   * and layout do not change). Each vertical's own checksum in the manifest is always computed.
   */
  configSha256?: string
  /** Limit the run to these verticals (each must be declared and enabled); default: every enabled one. */
  verticals?: readonly string[]
  /** A directory whose `*.hbs` files replace built-in text templates of the same name. */
  templatesDir?: string
  /** Called after each vertical is rendered (the CLI prints a progress line). */
  onVertical?: (event: { vertical: string; files: number; ms: number }) => void
  /** Replaces the templates' renderVertical; for tests and for teams with their own builders. */
  render?: (context: BundleContext) => Artifact[]
}

/**
 * Renders the bundle of every enabled vertical (or the selected ones) in memory. Pure apart from
 * reading text templates: the same config, options and version always give the same bytes.
 */
export function generate(config: ResolvedPlatform, options: GenerateOptions): GenerateResult {
  const { names, partial } = selectVerticals(config, options.verticals)
  const text = textEngine(options.templatesDir)
  const render = options.render ?? renderVertical
  const files: GeneratedFile[] = []
  // Each migration as a file psql applies idempotently, recording itself as platform.migrate() does, in
  // the vertical's schema as its roles: on a shared PostgreSQL each member has its own (tenancyOf).
  // Verticals of the same schema and roles (every dedicated one) share one rendering; one that a single
  // vertical uses is not kept past it (its SQL, some 60 KB, would stay in memory for the whole run).
  const keyOf = ({ schema, roles }: ReturnType<typeof tenancyOf>) => JSON.stringify([schema, roles])
  const users = new Map<string, number>()
  for (const name of names) {
    const key = keyOf(tenancyOf(config, name))
    users.set(key, (users.get(key) ?? 0) + 1)
  }
  const rendered = new Map<string, { name: string; sql: string }[]>()
  const migrationsOf = (vertical: string) => {
    const { schema, roles } = tenancyOf(config, vertical)
    const key = keyOf({ schema, roles })
    let migrations = rendered.get(key)
    if (!migrations) {
      migrations = MIGRATIONS.map((m) => ({ name: m.name, sql: psqlMigration(m, { ...roles }, schema) }))
      if ((users.get(key) ?? 0) > 1) rendered.set(key, migrations)
    }
    return migrations
  }
  for (const name of names) {
    const started = performance.now()
    // BundleContext asks for a mutable ResolvedVertical; builders never mutate it, the platform is readonly.
    const vertical = config.verticals[name] as BundleContext['vertical']
    const artifacts = render({
      platform: config,
      vertical,
      source: options.source,
      text,
      migrations: migrationsOf(name),
    })
    for (const a of artifacts) {
      assertBundlePath(a.path, name)
      if (a.vertical !== name)
        throw new Error(`${a.path} is labelled ${a.vertical} but was built for ${name}`)
      files.push({
        path: a.path,
        kind: a.kind,
        vertical: a.vertical,
        content: a.content,
        sha256: sha256(a.content),
      })
    }
    options.onVertical?.({ vertical: name, files: artifacts.length, ms: performance.now() - started })
  }
  // The platform-wide files (the one Alertmanager config, the shared data stores' Terraform) come from
  // the whole config, whatever the selection: a `--vertical` run rewrites them too, so they always
  // route every enabled vertical and create every shared store its members read.
  const platformFiles = renderPlatform(config, text).map((a) => {
    assertBundlePath(a.path, PLATFORM_DIR)
    return { ...a, sha256: sha256(a.content) }
  })
  files.push(...platformFiles)
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  assertDistinctPaths(files)
  const configSha256 = options.configSha256 ?? sha256(toJson(config))
  const verticals = Object.fromEntries(
    names.map((name) => [name, { configSha256: verticalConfigChecksum(config, config.verticals[name]!) }]),
  )
  // The platform files read only a part of the config (receivers, severities, windows, vertical
  // names, shared stores): their own bytes stand for it, so an edit of one vertical does not make their published
  // version look changed.
  verticals[PLATFORM_DIR] = {
    configSha256: sha256(platformFiles.map((f) => `${f.path}\n${f.sha256}\n`).join('')),
  }
  return { files, manifest: buildManifest(configSha256, files, verticals), verticals: names, partial }
}
