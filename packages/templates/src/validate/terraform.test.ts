import { describe, expect, it } from 'vitest'
import { buildAll, examplePlatform } from '../infrastructure/testing'
import { parseTerraform, validateTerraform, validateTerraformModules } from './terraform'

const artifacts = buildAll(examplePlatform()).filter((a) => a.kind === 'terraform')

describe('validateTerraform on the example bundle', () => {
  it('covers all four verticals, each with its own root module', () => {
    for (const vertical of ['barber', 'psychology', 'beauty', 'fitness']) {
      const files = artifacts.filter((a) => a.vertical === vertical).map((a) => a.path.split('/').pop())
      expect(files).toEqual(
        expect.arrayContaining([
          'versions.tf',
          'providers.tf',
          'variables.tf',
          'outputs.tf',
          'database.tf',
          'cache.tf',
          'waf.tf',
        ]),
      )
    }
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
