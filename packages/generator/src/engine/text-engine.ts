import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import { assertTemplateSafe, createTextEngine, type TextEngine } from '@verticals/templates'

function overrideFiles(dir: string): string[] {
  const files: string[] = []
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.hbs')) files.push(full)
    }
  }
  walk(dir)
  return files.sort()
}

let builtin: TextEngine | undefined

const invalid = (message: string, hint: string, cause?: unknown) =>
  new PlatformError('INVALID_ARGUMENT', message, { hint, ...(cause === undefined ? {} : { cause }) })

/**
 * The text engine, with a user's override directory checked up front: it must exist, every file
 * must replace a built-in template, and none may print config values without an escaping helper.
 * Mistakes there are the user's to fix, so they become PlatformErrors rather than crashes mid-render.
 */
export function textEngine(templatesDir: string | undefined): TextEngine {
  if (templatesDir === undefined) {
    // The built-in templates ship with the package and never change under a running process, so
    // their compiled form is shared by every generate() call; override directories are re-read.
    builtin ??= createTextEngine()
    return builtin
  }
  if (!(existsSync(templatesDir) && statSync(templatesDir).isDirectory())) {
    throw invalid(
      `The templates directory ${templatesDir} does not exist.`,
      'Pass --templates a directory of *.hbs files named like the built-in templates.',
    )
  }
  let engine: TextEngine
  try {
    engine = createTextEngine({ overrideDir: templatesDir })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw invalid(message, 'Name each override after the built-in template it replaces.', error)
  }
  for (const file of overrideFiles(templatesDir)) {
    const name = relative(templatesDir, file)
      .split('\\')
      .join('/')
      .replace(/\.hbs$/, '')
    try {
      assertTemplateSafe(name, readFileSync(file, 'utf8'))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      throw invalid(
        message,
        'Print config values through a helper that escapes for the format: {{hcl x}}, {{md x}}, {{sql x}}.',
        error,
      )
    }
  }
  return engine
}
