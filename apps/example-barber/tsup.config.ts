import { defineConfig } from 'tsup'

// The image's entry point, dist/main.js: the service's own code bundled into one ES module; its
// dependencies (package.json) stay imports, installed in the image's node_modules.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  outDir: 'dist',
  clean: true,
  splitting: false,
  sourcemap: false,
})
