#!/usr/bin/env node
import { runCli } from './cli/run'
import { routeWarnings } from './cli/warnings'

// The bin entry: everything lives in runCli so tests can call it in process; exitCode (not exit())
// lets piped stdout drain before the process ends.
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
