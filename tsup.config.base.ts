import type { Options } from 'tsup'

/** Build settings every package spreads: ESM + CJS + declarations for Node 20. */
export const baseTsup: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // Declarations resolve sibling packages through node_modules (their built types), never through
  // the source paths that typecheck uses, so no package's d.ts inlines another's.
  dts: { compilerOptions: { paths: {}, baseUrl: '.' } },
  clean: true,
  sourcemap: false,
  target: 'node22',
  platform: 'node',
  splitting: false,
  treeshake: true,
  shims: true,
}
