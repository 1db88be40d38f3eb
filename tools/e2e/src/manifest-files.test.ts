import { describe, expect, it } from 'vitest'
import { binFiles, matchesTarget, referencedFiles } from './manifest-files.ts'
import { unexpectedFiles } from './pack-policy.ts'

describe('referencedFiles', () => {
  it('collects main, module, types, bin and nested export conditions without ./', () => {
    const files = referencedFiles({
      name: '@verticals/x',
      version: '1.0.0',
      main: './dist/index.cjs',
      module: './dist/index.js',
      types: './dist/index.d.cts',
      bin: { x: './dist/cli.js' },
      exports: {
        '.': {
          import: { types: './dist/index.d.ts', default: './dist/index.js' },
          require: './dist/index.cjs',
        },
        './package.json': './package.json',
      },
    })
    expect(files).toEqual([
      'dist/cli.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ])
  })

  it('reads a string bin', () => {
    expect(binFiles({ name: 'x', version: '1.0.0', bin: './dist/cli.js' })).toEqual(['dist/cli.js'])
  })
})

describe('matchesTarget', () => {
  it('matches exact paths and export patterns with *', () => {
    expect(matchesTarget('dist/index.js', 'dist/index.js')).toBe(true)
    expect(matchesTarget('dist/*.js', 'dist/a/b.js')).toBe(true)
    expect(matchesTarget('dist/*.js', 'dist/a.cjs')).toBe(false)
    expect(matchesTarget('dist/index.js', 'dist/index.jsx')).toBe(false)
  })
})

describe('unexpectedFiles', () => {
  it('accepts the common set and the package extras', () => {
    const files = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'templates/a.hbs']
    expect(unexpectedFiles('@verticals/templates', files)).toEqual([])
  })

  it('rejects sources, configs, another package’s extras and test files under dist', () => {
    const files = ['src/index.ts', 'tsconfig.json', 'migrations/001.sql', 'dist/a.test.js', 'dist/ok.js']
    expect(unexpectedFiles('@verticals/templates', files)).toEqual([
      'src/index.ts',
      'tsconfig.json',
      'migrations/001.sql',
      'dist/a.test.js',
    ])
  })
})
