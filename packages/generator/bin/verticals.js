#!/usr/bin/env node
// The command's entry. It lives outside dist/ so npm can link it in a fresh clone before the first
// build; the published package runs the same file. It only requires the CommonJS launcher: an ES
// module importing more of Node (node:fs, say) would load Node's streams before the first command.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const launcher = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url))

try {
  require(launcher)
} catch (error) {
  if (error?.code === 'MODULE_NOT_FOUND' && String(error.message).includes(launcher)) {
    console.error('verticals is not built yet: run `npm run build` at the repository root.')
    process.exit(2)
  }
  throw error
}
