import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

export default defineConfig([
  // `@verticals/generator/s3` and `/npm` are entries of their own, so the main one never loads the AWS SDK
  // or node-tar.
  { ...baseTsup, entry: { index: 'src/index.ts', s3: 'src/s3.ts', npm: 'src/npm.ts' } },
  // The CLI's code is one minified CommonJS file (dist/cli-bundle.cjs), run by a small launcher
  // (dist/cli.cjs, which bin/verticals.js requires) through a V8 code cache written after a
  // command's first run (see src/cli/code-cache.ts): Node's own compile cache keeps only what V8
  // compiles before a module runs, and a cold command spends a fifth of its time compiling the
  // functions it calls. Commands still load lazily: esbuild turns each
  // `import('./commands/...')` into a module initialised on first use, and the packages the CLI does
  // not bundle (templates, core's migrations, the AWS SDK, node-tar) are required when a command
  // needs them. The config parser (config-schema with zod) is bundled: every command needs it, and
  // one file loads in half the time of the ~150 modules it is made of. The yaml library is not:
  // config-schema loads it with require() only for a config beyond plain YAML or one with
  // something to report (see config-schema's yaml-library.ts), so it is a dependency.
  {
    ...baseTsup,
    entry: { 'cli-bundle': 'src/cli.ts' },
    format: ['cjs'],
    // Rollup's tree shaking (tsup's treeshake) would hoist every require() to the top of the file.
    treeshake: false,
    dts: false,
    clean: false,
    minify: true,
    // The cost estimator too: validate holds every config against its budgets, and an external
    // import would load a second copy of config-schema and zod (0.44 s instead of 0.29 s cold).
    noExternal: ['@verticals/config-schema', '@verticals/templates/cost', 'zod', 'validate-npm-package-name'],
  },
  // CommonJS too: an ES module importing node:fs or node:zlib builds their facades, whose getters load
  // Node's streams (5 ms of a 60 ms start).
  {
    ...baseTsup,
    entry: { cli: 'src/cli-launcher.ts' },
    format: ['cjs'],
    dts: false,
    clean: false,
    minify: true,
  },
])
