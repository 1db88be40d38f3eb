import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  formatDiagnostic,
  PlatformError,
  parse,
  type ResolvedPlatform,
  readVerticalView,
} from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'

/**
 * Environment variable holding the path of the config: a platform.yaml, or the vertical's resolved
 * view that the generated Deployments mount from their runtime ConfigMap.
 */
export const CONFIG_ENV = DEPLOYMENT_ENV.config

// The path to read: the argument, else the environment variable; an empty value counts as unset.
function configPath(path: string | undefined): { path: string; from: string } {
  if (path) return { path, from: path }
  const fromEnv = process.env[CONFIG_ENV]
  if (fromEnv) return { path: fromEnv, from: `${fromEnv} (from ${CONFIG_ENV})` }
  throw new PlatformError('CONFIG_UNREADABLE', `no platform.yaml to read: ${CONFIG_ENV} is not set`, {
    hint: `Pass the path to loadPlatformConfig(path), or set ${CONFIG_ENV} (the generated Deployments set it to the mounted ConfigMap).`,
  })
}

/**
 * Reads, validates and resolves a platform.yaml: `path`, or the file `VERTICALS_CONFIG` names. A
 * vertical's resolved view (the runtime ConfigMap's `resolved.json`, already validated and resolved
 * by `verticals generate`) is returned as it is. Throws CONFIG_UNREADABLE when there is no path or the
 * file cannot be read, and CONFIG_INVALID, carrying every diagnostic, when it is not a valid config.
 */
export async function loadPlatformConfig(path?: string): Promise<ResolvedPlatform> {
  const file = configPath(path)
  let text: string
  try {
    text = await readFile(file.path, 'utf8')
  } catch (error) {
    throw new PlatformError('CONFIG_UNREADABLE', `cannot read ${file.from}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const view = readVerticalView(text)
  if (view?.ok) return view.view.platform
  if (view) {
    throw new PlatformError('CONFIG_INVALID', `${file.from} is not a usable resolved view: ${view.problem}`, {
      hint: 'Regenerate the bundle with `verticals generate` from the same release as @verticals/core.',
    })
  }
  const result = parse(text, file.path)
  if (result.ok) return result.platform
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  throw new PlatformError(
    'CONFIG_INVALID',
    `${basename(file.path)} has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`,
    {
      diagnostics: result.diagnostics,
      hint: `Run \`verticals validate ${file.path}\` to see each problem with its position.`,
    },
  )
}
