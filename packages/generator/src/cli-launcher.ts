import module from 'node:module'
import { fileURLToPath } from 'node:url'
import { runWithCodeCache } from './cli/code-cache'

// `verticals` (bin/verticals.js requires this file): the commands are one CommonJS file
// (cli-bundle.cjs, built from cli.ts) run from a V8 code cache of earlier runs (see
// cli/code-cache.ts), which lives in Node's compile-cache directory: Node's cache is turned on first
// (Node 22.1+; typed here since the package's types follow the oldest Node it builds with).
const { enableCompileCache } = module as { enableCompileCache?: () => unknown }
enableCompileCache?.()
runWithCodeCache(fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url)), process.argv[2])
