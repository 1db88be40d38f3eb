import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { type Diagnostic, PlatformError, parse, type ResolvedPlatform } from '@verticals/config-schema'
import type { ConfigSource } from '@verticals/templates'
import { sha256 } from './hash'

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

// The usual reasons a path cannot be read, in words; anything else keeps the system's message.
const UNREADABLE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
}

/** Reads the raw bytes of a config file, as CONFIG_UNREADABLE when it cannot be read. */
export async function readConfigBytes(file: string, cwd: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = (code && UNREADABLE_REASONS[code]) ?? (error as Error).message
    throw new PlatformError('CONFIG_UNREADABLE', `Cannot read ${file}: ${reason}.`, {
      hint: 'Pass the path of your platform.yaml, relative to the current directory or absolute.',
      cause: error,
    })
  }
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
