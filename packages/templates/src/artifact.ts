import type { ResolvedPlatform } from '@verticals/config-schema'
import type { TextEngine } from './text/engine'

/** Manifest kinds: a contract that users' CI scripts rely on. */
export const ARTIFACT_KINDS = [
  'kubernetes',
  'terraform',
  'prometheus-rules',
  'prometheus-rule-tests',
  'prometheus-scrape-config',
  'alertmanager-config',
  'grafana-dashboard',
  'compliance-policy',
  'compliance-document',
  'sql-migration',
  'runbook',
  'cost-report',
] as const

export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

/**
 * The directory (and manifest `vertical`) of the platform-wide files, beside the verticals' own:
 * `platform/monitoring/alertmanager/alertmanager.yaml`. No vertical may take this name.
 */
export const PLATFORM_DIR = 'platform'

/** One generated file, relative to the bundle root (e.g. `barber/infrastructure/kubernetes/namespace.yaml`). */
export interface Artifact {
  readonly path: string
  readonly kind: ArtifactKind
  readonly vertical: string
  readonly content: string
}

/** A SQL migration shipped by @verticals/core; the generator passes them in so templates never import core. */
export interface SqlMigration {
  readonly name: string
  readonly sql: string
}

/** The platform.yaml the platform was resolved from, exactly as read (builders of your own may quote it). */
export interface ConfigSource {
  /** The file's name without directories, e.g. `platform.yaml`. */
  readonly file: string
  /** The file's exact text: the bytes that were validated, decoded as UTF-8. */
  readonly text: string
}

/** Everything a builder may read. Builders are pure: same context, same bytes. */
export interface BundleContext {
  readonly platform: ResolvedPlatform
  /**
   * The config text `platform` was parsed from. Built-in builders never read it: a bundle depends on what
   * each vertical resolves, not on comments or layout.
   */
  readonly source: ConfigSource
  readonly vertical: ResolvedPlatform['verticals'][string]
  readonly text: TextEngine
  readonly migrations: readonly SqlMigration[]
}

/** Builds the artifacts of one bundle (or one part of it) for one vertical. */
export type ArtifactBuilder = (context: BundleContext) => Artifact[]
