import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dependencyClosure, resolveInstalled } from './dependency-closure.ts'
import { compareVersions } from './mirror.ts'

let root = ''

/** Writes node_modules/<path>/package.json under the temp root. */
function install(path: string, manifest: Record<string, unknown>): void {
  const dir = join(root, path)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest))
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'closure-'))
  install('node_modules/a', {
    name: 'a',
    version: '1.0.0',
    dependencies: { b: '^2', '@verticals/core': '0.1.0' },
  })
  install('node_modules/b', { name: 'b', version: '2.1.0', optionalDependencies: { 'b-win32': '2' } })
  install('node_modules/a/node_modules/c', {
    name: 'c',
    version: '3.0.0',
    peerDependencies: { b: '*', d: '*' },
    peerDependenciesMeta: { d: { optional: true } },
  })
  install('node_modules/c', { name: 'c', version: '1.0.0' })
  mkdirSync(join(root, 'packages', 'app'), { recursive: true })
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

describe('dependencyClosure', () => {
  it('walks runtime, optional and peer edges the way Node resolves them, skipping our packages', () => {
    install('node_modules/a', {
      name: 'a',
      version: '1.0.0',
      dependencies: { b: '^2', c: '3', '@verticals/core': '0.1.0' },
    })
    const { packages, missing } = dependencyClosure(
      [{ name: 'a', fromDir: join(root, 'packages', 'app') }],
      root,
      (name) => name.startsWith('@verticals/'),
    )
    expect(packages.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual(['a@1.0.0', 'c@3.0.0', 'b@2.1.0'])
    expect(missing).toEqual([])
  })

  it('reports a required dependency that is not installed, but not a missing optional one', () => {
    install('node_modules/b', {
      name: 'b',
      version: '2.1.0',
      dependencies: { gone: '1' },
      optionalDependencies: { 'b-win32': '2' },
    })
    const { missing } = dependencyClosure([{ name: 'b', fromDir: root }], root, () => false)
    expect(missing).toEqual([`gone (needed from ${join(root, 'node_modules', 'b')})`])
  })

  it('does not look above the workspace root', () => {
    expect(resolveInstalled('a', join(root, 'packages', 'app'), root)).toBe(join(root, 'node_modules', 'a'))
    expect(resolveInstalled('a', join(root, 'packages'), join(root, 'packages'))).toBeUndefined()
  })
})

describe('compareVersions', () => {
  it('orders by numbers, a prerelease before its release', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9'].sort(compareVersions)
    expect(sorted).toEqual(['0.9.9', '1.2.0-rc.1', '1.2.0', '1.10.0'])
  })
})
