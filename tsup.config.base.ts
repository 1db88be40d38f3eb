import type { Options } from 'tsup'

/** Build settings every package spreads: ESM + CJS + declarations for Node 20. */
export const baseTsup: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  splitting: false,
  treeshake: true,
  shims: true,
}
