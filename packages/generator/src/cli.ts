#!/usr/bin/env node
import { runCli } from './cli/run'

// The bin entry: everything lives in runCli so tests can call it in process; exitCode (not exit())
// lets piped stdout drain before the process ends.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
