import { describe, expect, it } from 'vitest'
import type { Artifact } from '../artifact'
import { validateTerraform, validateTerraformModules } from './terraform'

// A small root module that passes, and one fault injected at a time: each must be reported.
const CACHE = `resource "aws_kms_key" "cache" {
  description = "cache"
}

resource "aws_elasticache_replication_group" "cache" {
  count                = var.enabled ? 1 : 0
  description          = "cache"
  replication_group_id = "cache"
  kms_key_id           = aws_kms_key.cache.arn
  tags                 = { Name = "cache" }

  log_delivery_configuration {
    destination      = "group"
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }
}
`
const MODULE = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}

variable "enabled" {
  type = bool
}

output "endpoint" {
  value = aws_elasticache_replication_group.cache[0].primary_endpoint_address
}
`
const file = (path: string, content: string): Artifact => ({
  path,
  kind: 'terraform',
  vertical: 'x',
  content,
})

async function problems(cache: string, module = MODULE): Promise<string[]> {
  const files = [file('x/terraform/cache.tf', cache), file('x/terraform/main.tf', module)]
  const own = await Promise.all(files.map(validateTerraform))
  const references = await validateTerraformModules(files)
  return [...own.flat(), ...references.map((p) => p.message)]
}

describe('the AWS provider schema check', () => {
  it('accepts the module as written', async () => {
    expect(await problems(CACHE)).toEqual([])
  })

  it('reports an unknown argument, in a resource and in a nested block', async () => {
    expect(await problems(CACHE.replace('description          = "cache"', 'descripton = "cache"'))).toEqual([
      'resource "aws_elasticache_replication_group" "cache": unsupported argument or block "descripton"',
      'resource "aws_elasticache_replication_group" "cache": missing required argument "description"',
    ])
    expect(await problems(CACHE.replace('log_type ', 'log_kind = "x"\n    log_type '))).toEqual([
      'resource "aws_elasticache_replication_group" "cache" log_delivery_configuration[0]: unsupported argument or block "log_kind"',
    ])
  })

  it('reports a missing required argument inside a nested block', async () => {
    expect(await problems(CACHE.replace('log_format       = "json"', ''))).toEqual([
      'resource "aws_elasticache_replication_group" "cache" log_delivery_configuration[0]: missing required argument "log_format"',
    ])
  })

  it('reports a wrong nested block: unknown, written as an argument, or an argument written as a block', async () => {
    expect(
      await problems(
        CACHE.replace(
          '  log_delivery_configuration {',
          '  parameter {\n  }\n\n  log_delivery_configuration {',
        ),
      ),
    ).toEqual([
      'resource "aws_elasticache_replication_group" "cache": unsupported argument or block "parameter"',
    ])
    expect(
      await problems(
        CACHE.replace('tags                 = { Name = "cache" }', 'tags {\n    Name = "cache"\n  }'),
      ),
    ).toEqual([
      'resource "aws_elasticache_replication_group" "cache": "tags" is an argument, not a block: write tags = ...',
    ])
    expect(await problems(`${CACHE}\nresource "aws_kms_key" "other" {\n  timeouts = {}\n}\n`)).toEqual([
      'resource "aws_kms_key" "other": "timeouts" is a block, not an argument: write timeouts { ... }',
    ])
    const waf =
      'resource "aws_wafv2_web_acl" "edge" {\n  scope = "REGIONAL"\n  default_action {\n    allow {}\n  }\n  visibility_config = {}\n}\n'
    expect(await problems(`${CACHE}\n${waf}`)).toEqual([
      'resource "aws_wafv2_web_acl" "edge": "visibility_config" is a block, not an argument: write visibility_config { ... }',
    ])
  })

  it('reports a missing required block and a dynamic block the type does not have', async () => {
    const waf =
      'resource "aws_wafv2_web_acl" "edge" {\n  scope = "REGIONAL"\n  default_action {\n    allow {}\n  }\n  dynamic "rules" {\n    for_each = []\n    content {}\n  }\n}\n'
    expect(await problems(`${CACHE}\n${waf}`)).toEqual([
      'resource "aws_wafv2_web_acl" "edge": dynamic "rules" generates a block the schema does not have',
      'resource "aws_wafv2_web_acl" "edge": missing required block "visibility_config"',
    ])
  })

  it('reports resource types and data sources the provider does not have', async () => {
    expect(
      await problems(`${CACHE}\nresource "aws_kms_keys" "k" {}\ndata "aws_kms_key_alias" "a" {}\n`),
    ).toEqual([
      'resource "aws_kms_keys" "k": the provider has no resource type "aws_kms_keys"',
      'data "aws_kms_key_alias" "a": the provider has no data source "aws_kms_key_alias"',
    ])
  })

  it('reports dangling references: undeclared names, attributes the type lacks, wrong instance access', async () => {
    expect(await problems(CACHE.replace('aws_kms_key.cache.arn', 'aws_kms_key.cash.arn'))).toEqual([
      'aws_kms_key.cash: no such resource is declared',
    ])
    expect(await problems(CACHE.replace('aws_kms_key.cache.arn', 'aws_kms_key.cache.key_arn'))).toEqual([
      'aws_kms_key.cache: "aws_kms_key" has no attribute "key_arn"',
    ])
    expect(await problems(CACHE.replace('var.enabled', 'var.enable'))).toEqual([
      'var.enable: no variable "enable" is declared',
    ])
    expect(await problems(CACHE, MODULE.replace('cache[0].primary', 'cache.primary'))).toEqual([
      'aws_elasticache_replication_group.cache: has count or for_each, so "primary_endpoint_address" must be read from one instance (aws_elasticache_replication_group.cache[...].primary_endpoint_address)',
    ])
    expect(await problems(CACHE.replace('aws_kms_key.cache.arn', 'aws_kms_key.cache[0].arn'))).toEqual([
      'aws_kms_key.cache: has neither count nor for_each, so it cannot be indexed',
    ])
    expect(await problems(`${CACHE}\nresource "aws_kms_key" "dr" {\n  provider = aws.backup\n}\n`)).toEqual([
      'aws.backup: no provider "aws" has alias "backup"',
    ])
  })

  it('leaves the old addresses of moved and removed blocks alone', async () => {
    const moved = 'moved {\n  from = aws_kms_key.old\n  to   = aws_kms_key.cache\n}\n'
    const removed = 'removed {\n  from = aws_kms_key.gone\n}\n'
    expect(await problems(`${CACHE}\n${moved}\n${removed}`)).toEqual([])
  })

  it('reports a module that requires a provider release the schema does not describe', async () => {
    const [problem] = await problems(CACHE, MODULE.replace('~> 5.80', '~> 6.0'))
    expect(problem).toMatch(
      /^terraform: the aws provider constraint "~> 6.0" excludes 5\.99\.1, the release the schema describes \(@cdktf\/provider-aws@19\.65\.1/,
    )
  })

  it('reports unknown top-level blocks and unknown variable and output arguments', async () => {
    expect(
      await problems(
        `${CACHE}\nresources "aws_kms_key" "k" {}\n`,
        MODULE.replace('type = bool', 'type = bool\n  defualt = true'),
      ),
    ).toEqual([
      'unsupported block type "resources"',
      'variable "enabled": unsupported argument or block "defualt"',
    ])
  })
})
