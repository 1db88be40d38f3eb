#!/usr/bin/env node
// The command's entry. It lives outside dist/ so npm can link it in a fresh clone before the first
// build; the published package runs the same file.
import module from 'node:module'

// Node 22.1+ keeps compiled code on disk between runs (TypeScript's tsc does the same); a cold start
// then skips compiling the CLI. Node 20 has no such API and starts as before.
module.enableCompileCache?.()

const cli = new URL('../dist/cli.js', import.meta.url)

import(cli.href).catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(cli.pathname)) {
    console.error('verticals is not built yet: run `npm run build` at the repository root.')
    process.exit(2)
  }
  throw error
})
