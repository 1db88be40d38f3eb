import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

export default defineConfig([
  // `@verticals/generator/s3` and `/npm` are entries of their own, so the main one never loads the AWS SDK
  // or node-tar.
  { ...baseTsup, entry: { index: 'src/index.ts', s3: 'src/s3.ts', npm: 'src/npm.ts' } },
  // The CLI is ESM only: it is run, never imported. Splitting keeps each command in its own chunk,
  // so a dynamic import really defers loading templates, handlebars and the AWS SDK until needed.
  // The config parser (config-schema with zod) is bundled and minified into it: every command
  // needs it, and one file loads in half the time of the ~150 modules it is made of. The yaml
  // library is not: config-schema loads it with require() only for a config beyond plain YAML or
  // one with something to report (see config-schema's yaml-library.ts), so it is a dependency.
  {
    ...baseTsup,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    splitting: true,
    minify: true,
    // The cost estimator too: validate holds every config against its budgets, and an external
    // import would load a second copy of config-schema and zod (0.44 s instead of 0.29 s cold).
    noExternal: ['@verticals/config-schema', '@verticals/templates/cost', 'zod', 'validate-npm-package-name'],
    // Bundled CommonJS (validate-npm-package-name) calls require(): give every chunk one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  },
])
