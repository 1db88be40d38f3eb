import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AWS_PROVIDER } from '../infrastructure/toolchain'
import { awsProviderSchema } from './aws-provider-schema'
import { admits } from './version-constraint'

const script = readFileSync(
  fileURLToPath(new URL('../../scripts/make-aws-provider-schema.mjs', import.meta.url)),
  'utf8',
)

describe('schemas/aws-provider.schema.json', () => {
  it('is what the script writes from the package it pins (regenerate after changing PACKAGE)', async () => {
    const name = /name: '([^']+)'/.exec(script)?.[1]
    const version = /version: '([^']+)'/.exec(script)?.[1]
    const integrity = /'(sha512-[^']+)'/.exec(script)?.[1]
    expect((await awsProviderSchema()).from).toBe(`${name}@${version} (${integrity})`)
  })

  it('describes a provider release the generated modules admit', async () => {
    const { provider } = await awsProviderSchema()
    expect(provider.source).toBe(`registry.terraform.io/${AWS_PROVIDER.source}`)
    expect(admits(AWS_PROVIDER.version, provider.version)).toBe(true)
  })

  it('covers the whole provider and is read once per process', async () => {
    const schema = await awsProviderSchema()
    expect(Object.keys(schema.resources).length).toBeGreaterThan(1500)
    expect(Object.keys(schema.dataSources).length).toBeGreaterThan(600)
    for (const type of [
      'aws_cloudfront_distribution',
      'aws_wafv2_web_acl',
      'aws_s3_bucket_object_lock_configuration',
    ])
      expect(schema.resources[type]).toBeDefined()
    expect(await awsProviderSchema()).toBe(schema)
  })
})
