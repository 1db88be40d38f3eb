import { parse, sharedStores } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { parseTerraform } from '../../validate/terraform'
import { gibibytes } from '../quantity'
import { sharedStoreDir, sharedStorePrefix } from '../shared-stores'
import { buildAll, examplePlatform, exampleSource } from '../testing'
import { noncurrentVersionDays } from './storage'
import { type Block, one, moduleOf as parsedModule, postgresModules, ref, sharedModuleOf } from './testing'

// What `terraform apply` would trip on, and the choices that let a module be replaced or destroyed.

const platform = examplePlatform()
const moduleOf = (vertical: string) => parsedModule(platform, vertical)
const names = Object.keys(platform.verticals)

// The example after an edit of its YAML text.
function edited(path: (string | number)[], value: unknown) {
  const doc = parseDocument(exampleSource().text)
  if (value === undefined) doc.deleteIn(path)
  else doc.setIn(path, value)
  const result = parse(doc.toString({ lineWidth: 0 }), 'platform.yaml')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.platform
}

// Every root module: each vertical's, then each shared store's (platform/infrastructure/shared/<store>/).
const modules = [
  ...names.map((name) => ({
    label: name,
    prefix: `${platform.metadata.name}-${name}`,
    stateKey: `turnos/${name}/terraform.tfstate`,
    module: () => moduleOf(name),
  })),
  ...sharedStores(platform).map((store) => ({
    label: `shared ${store.name}`,
    prefix: sharedStorePrefix(platform, store.name),
    stateKey: `turnos/platform/shared/${store.name}/terraform.tfstate`,
    module: () => sharedModuleOf(platform, store.name),
  })),
]

describe.each(modules)('the $label Terraform module', ({ prefix, module }) => {
  it('notifies each alarm to the SNS topic of its own region (CloudWatch accepts no other)', async () => {
    const m = await module()
    const alarms = Object.entries(m.resource.aws_cloudwatch_metric_alarm ?? {})
    for (const [alarm, [body]] of alarms) {
      const topic =
        body?.provider === ref('aws.dr') ? 'aws_sns_topic.dr_alarms.arn' : 'aws_sns_topic.alarms.arn'
      expect(body?.alarm_actions, alarm).toEqual([ref(topic)])
      expect(body?.ok_actions, alarm).toEqual([ref(topic)])
    }
    expect(one(m, 'aws_sns_topic', 'alarms')).toMatchObject({
      name: `${prefix}-alarms`,
      kms_master_key_id: ref('aws_kms_key.alarms.arn'),
    })
    expect(one(m, 'aws_sns_topic', 'dr_alarms')).toMatchObject({
      provider: ref('aws.dr'),
      name: `${prefix}-alarms-${platform.drRegion?.name}`,
    })
    expect(one(m, 'aws_kms_key', 'dr_alarms').provider).toBe(ref('aws.dr'))
    expect(m.variable.alarm_actions).toBeUndefined()
    expect(m.variable.alarm_subscriptions?.[0]).toMatchObject({ default: [] })
  })
})

describe.each(modules)('the $label Terraform state', ({ label, stateKey }) => {
  it('is kept in its own key of the S3 backend, with a lock file', async () => {
    const dir = label.startsWith('shared ')
      ? `${sharedStoreDir(label.slice('shared '.length))}/`
      : `${label}/infrastructure/terraform/`
    const versions = buildAll(platform).find((a) => a.path === `${dir}versions.tf`)
    const parsed = (await parseTerraform(versions!)) as { terraform: { backend: { s3: Block[] } }[] }
    expect(parsed.terraform[0]?.backend.s3[0]).toEqual({
      bucket: 'turnos-terraform-state',
      key: stateKey,
      region: platform.primaryRegion.name,
      encrypt: true,
      use_lockfile: true,
    })
  })
})

describe.each(postgresModules(platform))(
  'the PostgreSQL of $label',
  ({ members, settings: postgres, module }) => {
    it("alarms on CPU, connections, free storage, freeable memory, and the DR replica's lag", async () => {
      const m = await module()
      const alarms = Object.keys(m.resource.aws_cloudwatch_metric_alarm ?? {})
      expect(alarms).toEqual(
        expect.arrayContaining([
          'database_cpu',
          'database_connections',
          'database_free_storage',
          'database_freeable_memory',
          'replica_lag',
        ]),
      )
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'replica_lag').provider).toBe(ref('aws.dr'))
      // The store's own connection limit (a shared store may raise it), at the pools' alarm ratio.
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'database_connections')).toMatchObject({
        threshold: Math.floor((postgres.maxConnections * postgres.pool.alarmAt) / postgres.pool.max),
      })
    })

    it('lets RDS storage grow to maxStorage, and alarms on free storage and freeable memory', async () => {
      const m = await module()
      expect(one(m, 'aws_db_instance', 'primary')).toMatchObject({
        allocated_storage: gibibytes(postgres.storage),
        max_allocated_storage: gibibytes(postgres.maxStorage ?? 0),
      })
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'database_free_storage')).toMatchObject({
        metric_name: 'FreeStorageSpace',
        comparison_operator: 'LessThanThreshold',
        threshold: Math.floor((postgres.storage * postgres.freeStorageAlarm) / 100),
        tags: { severity: platform.alerts.databaseCpu.severity },
      })
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'database_freeable_memory')).toMatchObject({
        metric_name: 'FreeableMemory',
        comparison_operator: 'LessThanThreshold',
        threshold: postgres.freeMemoryAlarm,
      })
    })

    it('has a DR replica that can be destroyed or replaced: no deletion protection, no final snapshot', async () => {
      const m = await module()
      const replica = one(m, 'aws_db_instance', 'dr_replica')
      expect(replica).toMatchObject({ deletion_protection: false, skip_final_snapshot: true })
      expect(replica.final_snapshot_identifier).toBeUndefined()
      expect(one(m, 'aws_db_instance', 'primary')).toMatchObject({
        deletion_protection: true,
        skip_final_snapshot: false,
      })
    })

    it('logs no bound values of statements where a vertical in it holds special categories', async () => {
      const parameters = one(await module(), 'aws_db_parameter_group', 'primary').parameter as Block[]
      const special = members.some((v) => platform.verticals[v]!.specialCategories.length > 0)
      const names = parameters.map((p) => p.name)
      expect(names.includes('log_parameter_max_length')).toBe(special)
      expect(names.includes('log_parameter_max_length_on_error')).toBe(special)
      if (special)
        expect(
          parameters.filter((p) => String(p.name).startsWith('log_parameter')).map((p) => p.value),
        ).toEqual(['0', '0'])
    })
  },
)

describe('the example', () => {
  it('makes psychology and fitness the special-category verticals', () => {
    const special = names.filter((n) => platform.verticals[n]!.specialCategories.length > 0).sort()
    expect(special).toEqual(['fitness', 'psychology'])
  })
})

describe('previous versions of objects', () => {
  it('stay restorable for the database backup window, never less than the file-storage RPO', () => {
    expect(noncurrentVersionDays(platform)).toBe(30)
    expect(noncurrentVersionDays(edited(['disasterRecovery', 'rpo', 'fileStorage'], '45d'))).toBe(45)
    expect(noncurrentVersionDays(edited(['dataStores', 'postgres', 'backupRetention'], '7d'))).toBe(7)
  })
})

describe('without maxStorage', () => {
  it('keeps the storage fixed: no max_allocated_storage', async () => {
    const fixed = edited(['dataStores', 'postgres', 'maxStorage'], undefined)
    const m = await parsedModule(fixed, 'psychology')
    expect(one(m, 'aws_db_instance', 'primary').max_allocated_storage).toBeUndefined()
  })
})
