import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { binFiles, matchesTarget, referencedFiles } from './manifest-files.ts'
import { supportedNode } from './node-versions.ts'
import { packedFiles } from './pack.ts'
import { extrasByPackage, matchesPolicy, requiredFiles, unexpectedFiles } from './pack-policy.ts'
import { listPackages, listPublicPackages } from './workspace.ts'

const packages = listPublicPackages()
const versions = new Map(listPackages().map((pkg) => [pkg.manifest.name, pkg.manifest]))

it('finds the public packages under packages/*', () => {
  const names = packages.map((pkg) => pkg.manifest.name)
  expect(names).toEqual(expect.arrayContaining(['@verticals/config-schema', '@verticals/generator']))
  for (const name of names) expect(name).toMatch(/^(@verticals\/[a-z-]+|create-vertical)$/)
})

describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))('%s', (name, pkg) => {
  const { manifest } = pkg
  let files: string[] = []

  beforeAll(() => {
    files = packedFiles(pkg.dir)
  })

  it('packs only the build, docs, licence and the data files a user needs', () => {
    expect(files.filter((file) => file.startsWith('dist/')).length).toBeGreaterThan(0)
    expect(unexpectedFiles(name, files)).toEqual([])
  })

  it('packs package.json, README.md and LICENSE', () => {
    const missing = requiredFiles.filter((file) => !files.includes(file))
    expect(missing, `${pkg.folder} does not ship ${missing.join(', ')}`).toEqual([])
  })

  it('packs the run-time data files that exist in the package', () => {
    for (const pattern of extrasByPackage[name] ?? []) {
      const path = pattern.replace(/\/\*\*$/, '')
      if (!existsSync(join(pkg.dir, path))) continue
      const shipped = files.filter((file) => matchesPolicy(pattern, file))
      const onDisk = pattern.endsWith('/**') ? listTree(join(pkg.dir, path), path) : [path]
      expect(shipped, `${pattern} in ${pkg.folder}`).toEqual(onDisk)
    }
  })

  it('packs every file that main, module, types, bin and exports point to', () => {
    const dangling = referencedFiles(manifest).filter(
      (target) => target !== 'package.json' && !files.some((file) => matchesTarget(target, file)),
    )
    expect(dangling).toEqual([])
  })

  it('ships executables that start with a node shebang', () => {
    for (const bin of binFiles(manifest)) {
      const firstLine = readFileSync(join(pkg.dir, bin), 'utf8').split('\n', 1)[0]
      expect(firstLine, bin).toBe('#!/usr/bin/env node')
    }
  })

  it('declares the oldest supported Node (.ci/node-versions), a licence, no side effects and public access', () => {
    expect(manifest.engines?.node).toBe(`>=${supportedNode()[0]!.major}`)
    expect(manifest.license).toMatch(/\S/)
    expect(manifest.sideEffects).toBe(false)
    expect(manifest.publishConfig?.access).toBe('public')
  })

  it('pins sibling @verticals packages to their exact current versions', () => {
    const sections = [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies]
    for (const section of sections) {
      for (const [dep, range] of Object.entries(section ?? {})) {
        if (!dep.startsWith('@verticals/')) continue
        const sibling = versions.get(dep)
        expect(sibling, `${dep} is not a package of this repository`).toBeDefined()
        expect(sibling?.private, `${dep} is private, so users could not install it`).not.toBe(true)
        expect(range, `${name} -> ${dep}`).toBe(sibling?.version)
      }
    }
  })
})

/** Every file below `dir`, as sorted tarball paths starting with `prefix`. */
function listTree(dir: string, prefix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .map((relative) => `${prefix}/${relative}`)
    .sort()
}
