#!/usr/bin/env node
// The command's entry. It lives outside dist/ so npm can link it in a fresh clone before the first
// build; the published package runs the same file.
const cli = new URL('../dist/cli.js', import.meta.url)

import(cli.href).catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(cli.pathname)) {
    console.error('verticals is not built yet: run `npm run build` at the repository root.')
    process.exit(2)
  }
  throw error
})
