import { resolve } from 'node:path'
import { formatDiagnostic } from '@verticals/config-schema'
import type { GenerateResult } from '../engine/generate'
import { loadConfig } from '../engine/load-config'
import { type CommandIo, println } from './io'

/** Options shared by the commands that render a bundle (generate, check, diff). */
export interface RenderOptions {
  /** Path of the config as the user typed it. */
  config: string
  /** Limit the run to these verticals. */
  verticals?: readonly string[]
  /** Directory of text templates that replace built-in ones by name. */
  templates?: string
}

/** Loads the config, prints its warnings, and renders the bundle with a progress line per vertical. */
export async function renderFromConfig(
  options: RenderOptions,
  io: Required<CommandIo>,
): Promise<GenerateResult> {
  const loaded = await loadConfig(options.config, { cwd: io.cwd })
  for (const warning of loaded.warnings) println(io.stderr, formatDiagnostic(warning))
  // The engine (templates, handlebars, validators) loads only for the commands that render.
  const { generate } = await import('../engine/generate')
  return generate(loaded.platform, {
    source: loaded.source,
    ...(options.verticals?.length ? { verticals: options.verticals } : {}),
    ...(options.templates === undefined ? {} : { templatesDir: resolve(io.cwd, options.templates) }),
    onVertical: ({ vertical, files, ms }) =>
      println(io.stderr, `  ${vertical}: ${files} file(s) rendered in ${Math.round(ms)} ms`),
  })
}
