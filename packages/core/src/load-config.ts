import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { formatDiagnostic, PlatformError, parse, type ResolvedPlatform } from '@verticals/config-schema'

/**
 * Reads, validates and resolves a platform.yaml. Throws CONFIG_UNREADABLE when the file cannot be
 * read and CONFIG_INVALID, carrying every diagnostic, when it is not a valid config.
 */
export async function loadPlatformConfig(path: string): Promise<ResolvedPlatform> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new PlatformError('CONFIG_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const result = parse(text, path)
  if (result.ok) return result.platform
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  throw new PlatformError(
    'CONFIG_INVALID',
    `${basename(path)} has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`,
    {
      diagnostics: result.diagnostics,
      hint: `Run \`verticals validate ${path}\` to see each problem with its position.`,
    },
  )
}
