import { postgresOf, redisOf } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { buildAll, examplePlatform } from '../infrastructure/testing'
import { parseTerraform, validateTerraform, validateTerraformModules } from './terraform'

const artifacts = buildAll(examplePlatform()).filter((a) => a.kind === 'terraform')

describe('validateTerraform on the example bundle', () => {
  const platform = examplePlatform()
  const filesOf = (dir: string) =>
    artifacts.filter((a) => a.path.startsWith(dir)).map((a) => a.path.slice(dir.length))

  it('covers all four verticals, each with its own root module and its own stores only', () => {
    for (const vertical of ['barber', 'psychology', 'beauty', 'fitness']) {
      const files = filesOf(`${vertical}/infrastructure/terraform/`)
      expect(files).toEqual(
        expect.arrayContaining(['versions.tf', 'providers.tf', 'variables.tf', 'outputs.tf', 'waf.tf']),
      )
      const ownPostgres = postgresOf(platform, vertical).shared === null
      const ownRedis = redisOf(platform, vertical).shared === null
      expect(files.includes('database.tf'), `${vertical} database.tf`).toBe(ownPostgres)
      expect(files.includes('cache.tf'), `${vertical} cache.tf`).toBe(ownRedis)
      expect(files.includes('shared-stores.tf'), `${vertical} shared-stores.tf`).toBe(
        !ownPostgres || !ownRedis,
      )
    }
  })

  it('has one root module for the shared store, with both its stores', () => {
    expect(filesOf('platform/infrastructure/shared/marketplace/').sort()).toEqual([
      'alarms.tf',
      'cache-users.tf',
      'cache.tf',
      'database.tf',
      'notifications.tf',
      'outputs.tf',
      'providers.tf',
      'secrets.tf',
      'security-groups.tf',
      'variables.tf',
      'versions.tf',
    ])
  })

  it.each(artifacts.map((a) => [a.path, a] as const))(
    '%s parses with @cdktf/hcl2json and fits the AWS provider schema',
    async (_path, artifact) => {
      expect(await validateTerraform(artifact)).toEqual([])
      expect(Object.keys(await parseTerraform(artifact)).length).toBeGreaterThan(0)
    },
  )

  it("resolves every reference within each vertical's root module", async () => {
    expect(await validateTerraformModules(artifacts)).toEqual([])
  })
})

describe('the provider schema check engages on every block the example bundle emits', () => {
  // Each resource and data block, with an unknown argument added after its opening line.
  const blocks = artifacts.flatMap((a) =>
    [...a.content.matchAll(/^(resource|data|provider) "[^"]+"(?: "[^"]+")? \{$/gm)].map(
      (m) => [`${a.path}: ${m[0]}`, a, m.index + m[0].length] as const,
    ),
  )

  it('finds resource and provider blocks to inject into', () => {
    const keywords = new Set(blocks.map(([id]) => id.split(': ')[1]?.split(' ')[0]))
    expect(keywords.has('resource') && keywords.has('provider')).toBe(true)
  })

  it.each(blocks)('%s fails with an unknown argument injected', async (_id, artifact, at) => {
    const content = `${artifact.content.slice(0, at)}\n  zz_unknown = 1${artifact.content.slice(at)}`
    const problems = await validateTerraform({ ...artifact, content })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/: unsupported argument or block "zz_unknown"$/)
  })
})

describe('validateTerraform rejects broken HCL', () => {
  it('reports an unclosed block with its position', async () => {
    const problems = await validateTerraform({
      path: 'main.tf',
      kind: 'terraform',
      vertical: 'x',
      content: 'resource "a" "b" {\n',
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/main\.tf:1,.*Unclosed configuration block/)
  })

  it('reports a file that declares nothing', async () => {
    expect(
      await validateTerraform({
        path: 'empty.tf',
        kind: 'terraform',
        vertical: 'x',
        content: '# only a comment\n',
      }),
    ).toEqual(['the file declares nothing'])
  })
})
