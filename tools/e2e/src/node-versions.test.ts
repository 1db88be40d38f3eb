import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { supportedNode } from './node-versions.ts'
import { repoRoot } from './workspace.ts'

const releases = supportedNode()
const floor = releases[0]!.major
const manifests = [
  'package.json',
  ...['packages', 'apps', 'tools'].flatMap((root) =>
    readdirSync(join(repoRoot, root)).map((name) => `${root}/${name}/package.json`),
  ),
  'packages/create-vertical/template/package.json',
]

describe('the supported Node.js majors (.ci/node-versions)', () => {
  it('pins one release per major, oldest first, each with the integrity of its binary package', () => {
    expect(releases.length).toBeGreaterThanOrEqual(2)
    for (const release of releases) {
      expect(release.version).toMatch(/^\d+\.\d+\.\d+$/)
      expect(release.integrity).toMatch(/^sha512-[A-Za-z0-9+/]+={0,2}$/)
    }
    const majors = releases.map((r) => r.major)
    expect(majors).toEqual([...new Set(majors)].sort((a, b) => a - b))
  })

  it.each(manifests)('%s declares engines.node >=<the oldest supported major>', (file) => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as { engines?: { node?: string } }
    expect(manifest.engines?.node).toBe(`>=${floor}`)
  })

  it('is what the README states, what the build targets and what the scaffold CI runs', () => {
    const majors = releases.map((r) => r.major).join(' and ')
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(`## Set up (Node.js ${majors})`)
    expect(readFileSync(join(repoRoot, 'tsup.config.base.ts'), 'utf8')).toContain(`target: 'node${floor}'`)
    const workflow = readFileSync(
      join(repoRoot, 'packages/create-vertical/template/_github/workflows/platform.yml'),
      'utf8',
    )
    expect(workflow).toContain(`node-version: ${floor}\n`)
  })
})
