#!/usr/bin/env node
import { isPlatformError } from '@verticals/config-schema'
import { createVertical } from './create-vertical'
import { parseOptions, USAGE } from './options'
import { noPrompts, terminalPrompts } from './prompts'
import { ownManifest } from './versions'

// Exit codes as for `verticals`: 0 done, 1 refused (non-empty directory, invalid config),
// 2 usage errors and unexpected failures.
async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv)
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (options.version) {
    process.stdout.write(`${ownManifest().version}\n`)
    return 0
  }
  // Questions only on a terminal, and never with --yes; CI never waits for input.
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true && !options.yes
  await createVertical(options, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    prompter: interactive ? await terminalPrompts() : noPrompts,
    interactive,
  })
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (isPlatformError(error)) {
      process.stderr.write(`create-vertical: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`)
      process.exitCode = error.code === 'INVALID_ARGUMENT' ? 2 : 1
      return
    }
    const message =
      error instanceof Error ? (process.env.VERTICALS_DEBUG ? error.stack : error.message) : String(error)
    process.stderr.write(
      `create-vertical: unexpected error: ${message}\nThis is a bug; please report it with the command you ran (VERTICALS_DEBUG=1 adds the stack trace).\n`,
    )
    process.exitCode = 2
  },
)
