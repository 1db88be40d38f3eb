import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { EXAMPLE_CONFIG, PACKAGE_DIR } from './testing/fixtures'
import { loadedPackages, traceNode } from './testing/loaded-modules'
import { tempDir } from './testing/temp-dir'

// The built entry points (the CLI is built by globalSetup; nx builds the rest before `test`). Rendering
// a bundle must not load the database clients or the AWS SDK: they are slow to load and have no use there.
const HEAVY = ['pg', 'ioredis', '@aws-sdk/client-s3']
const S3_API = ['createS3Client', 'fetchBundle', 'publishBundle', 'publishVersion', 'readBundleDir']
const NPM_API = ['packBundle', 'verifyBundleDir', 'publishToRegistry', 'fetchFromRegistry']
const cli = join(PACKAGE_DIR, 'bin', 'verticals.js')
// Prints the entry's export names and, for CommonJS, every file in the require cache.
const esm = (entry: string) =>
  `import('${entry}').then((m) => console.log(JSON.stringify({ names: Object.keys(m), cjs: Object.keys(require.cache) })))`
const cjs = (entry: string) =>
  `const m = require('${entry}'); console.log(JSON.stringify({ names: Object.keys(m), cjs: Object.keys(require.cache) }))`

/** The entry's export names and which of `packages` (by default the heavy ones) loading it loaded. */
async function load(code: string, packages = HEAVY): Promise<{ names: string[]; packages: string[] }> {
  const run = await traceNode(['-e', code])
  expect(run.stderr).toBe('')
  const { names, cjs: required } = JSON.parse(run.stdout) as { names: string[]; cjs: string[] }
  return { names, packages: loadedPackages([...run.modules, ...required], packages) }
}

describe('lean entry points', { timeout: timeoutFor({ cli: 2 }) }, () => {
  it(
    '`verticals generate` and `verticals check` load neither pg, ioredis nor the AWS SDK',
    async () => {
      const out = join(tempDir(), 'bundle')
      // Every validator loads for one vertical as for four; one keeps the promtool runs short.
      const barber = ['--vertical', 'barber']
      const generate = await traceNode([cli, 'generate', EXAMPLE_CONFIG, '--out', out, '--verify', ...barber])
      expect(generate.code, generate.stderr).toBe(0)
      expect(generate.modules.some((m) => m.includes('/core/dist/migrations.'))).toBe(true)
      expect(generate.modules.some((m) => m.includes('/templates/dist/monitoring-'))).toBe(true)
      expect(loadedPackages(generate.modules, HEAVY)).toEqual([])
      const check = await traceNode([cli, 'check', EXAMPLE_CONFIG, '--out', out, ...barber])
      expect(check.code, check.stderr).toBe(0)
      expect(loadedPackages(check.modules, HEAVY)).toEqual([])
    },
    timeoutFor({ verify: 1, generate: 1 }),
  )

  it('`verticals validate` loads only the parser and the estimator: no renderers, handlebars or node:crypto', async () => {
    // Its cold start is a benchmark (< 3x `node -e 0`): the estimator is bundled into the CLI, and the
    // file is read by engine/read-config, not by load-config, whose checksum needs node:crypto.
    const run = await traceNode([cli, 'validate', EXAMPLE_CONFIG])
    expect(run.code, run.stderr).toBe(0)
    expect(run.modules.length).toBeGreaterThan(0)
    expect(run.modules).not.toContain('node:crypto')
    expect(run.modules.filter((m) => m.includes('/templates/dist/'))).toEqual([])
    expect(loadedPackages(run.modules, [...HEAVY, 'handlebars', 'yaml', 'zod'])).toEqual([])
  })

  it(
    '`verticals pack` and `verticals verify` load neither pg, ioredis nor the AWS SDK',
    async () => {
      const out = tempDir()
      const pack = await traceNode([cli, 'pack', EXAMPLE_CONFIG, '--out', out, '--vertical', 'barber'])
      expect(pack.code, pack.stderr).toBe(0)
      expect(loadedPackages(pack.modules, [...HEAVY, 'tar'])).toEqual(['tar'])
      const verify = await traceNode([cli, 'verify', out])
      expect(verify.stderr).toContain('no manifest.json')
      expect(loadedPackages(verify.modules, HEAVY)).toEqual([])
    },
    timeoutFor({ generate: 1, cli: 1 }),
  )

  it.each([
    ['ESM', esm],
    ['CJS', cjs],
  ])('the main entry (%s) renders bundles without loading them', async (_format, code) => {
    const { names, packages } = await load(code('@verticals/generator'))
    expect(names).toEqual(expect.arrayContaining(['generate', 'writeBundle', 'checkBundle', 'loadConfig']))
    expect(names.filter((n) => S3_API.includes(n) || NPM_API.includes(n))).toEqual([])
    expect(packages).toEqual([])
  })

  it.each([
    ['ESM', esm],
    ['CJS', cjs],
  ])('@verticals/generator/npm (%s) exports pack and verify without loading them', async (_format, code) => {
    const { names, packages } = await load(code('@verticals/generator/npm'))
    expect(names).toEqual(expect.arrayContaining(NPM_API))
    expect(names).not.toContain('generate')
    expect(packages).toEqual([])
  })

  it.each([
    ['ESM', esm],
    ['CJS', cjs],
  ])(
    '@verticals/generator/s3 (%s) exports the publish and fetch library, and only it loads the AWS SDK',
    async (_format, code) => {
      const { names, packages } = await load(code('@verticals/generator/s3'))
      expect(names).toEqual(expect.arrayContaining(S3_API))
      expect(names).not.toContain('generate')
      // The control: the tracer does see the SDK when an entry loads it.
      expect(packages).toEqual(['@aws-sdk/client-s3'])
    },
  )

  it.each([
    ['ESM', esm],
    ['CJS', cjs],
  ])(
    '@verticals/config-schema/diagnostics (%s), which the CLI reports with, loads no zod',
    async (_format, code) => {
      const lean = await load(code('@verticals/config-schema/diagnostics'), ['zod'])
      expect(lean.names).toEqual(
        expect.arrayContaining(['PlatformError', 'isPlatformError', 'formatDiagnostic', 'didYouMean']),
      )
      expect(lean.packages).toEqual([])
      // The control: the main entry does load it, and the tracer sees it.
      expect((await load(code('@verticals/config-schema'), ['zod'])).packages).toEqual(['zod'])
    },
  )

  it("the CLI's bundled parser carries zod's English messages only, not its 40 locales", () => {
    // `import { z } from 'zod'` in any bundled module pulls in every locale (esbuild cannot shake
    // the re-exported namespace); `import * as z from 'zod'` does not. Spanish and German markers:
    const bundle = readFileSync(join(PACKAGE_DIR, 'dist', 'cli-bundle.cjs'), 'utf8')
    expect(bundle).toContain('Invalid input: expected')
    expect(bundle).not.toMatch(/se esperaba|Eingabe: erwartet/)
  })
})
