import { COMMANDS } from './cli/commands'
import { runCli } from './cli/run'
import { routeWarnings } from './cli/warnings'

// The CLI's code, built into dist/cli-bundle.cjs and run by dist/cli.cjs (cli-launcher.ts) through a code
// cache; `node dist/cli-bundle.cjs` runs it without one. Everything lives in runCli so tests can call it in
// process; exitCode (not exit()) lets piped stdout drain before the process ends.

/** The commands, for the launcher's code cache: a run of one of these is worth caching. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS)

// A closed pipe (`verticals schema | head`) is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

// Warnings, ours or a dependency's, as one line of ours rather than Node's two-line notice.
routeWarnings(process.stderr, process.env)

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
