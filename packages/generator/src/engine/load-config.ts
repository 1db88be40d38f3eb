import { basename } from 'node:path'
import { type Diagnostic, PlatformError, parse, type ResolvedPlatform } from '@verticals/config-schema'
import type { ConfigSource } from '@verticals/templates'
import { sha256 } from './hash'
import { readConfigBytes } from './read-config'

/** A config file read from disk, validated and resolved. */
export interface LoadedConfig {
  /** The path as the caller gave it; diagnostics name the file this way. */
  readonly file: string
  readonly platform: ResolvedPlatform
  /** The file's name and exact text, for generate(): the bundle ships what was validated. */
  readonly source: ConfigSource
  /** SHA-256 of the file's bytes, recorded in the manifest. */
  readonly sha256: string
  readonly warnings: readonly Diagnostic[]
}

/**
 * Reads, parses, validates and resolves a platform.yaml; throws CONFIG_INVALID carrying every
 * diagnostic (each `file:line:col`) when the config has errors.
 */
export async function loadConfig(file: string, options: { cwd?: string } = {}): Promise<LoadedConfig> {
  const bytes = await readConfigBytes(file, options.cwd ?? process.cwd())
  const text = bytes.toString('utf8')
  const result = parse(text, file)
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length
    throw new PlatformError('CONFIG_INVALID', `${file} has ${errors} error(s).`, {
      diagnostics: result.diagnostics,
      hint: 'Fix each line above, then run the command again (`verticals validate` checks the file alone).',
    })
  }
  return {
    file,
    platform: result.platform,
    source: { file: basename(file), text },
    sha256: sha256(bytes),
    warnings: result.warnings,
  }
}
