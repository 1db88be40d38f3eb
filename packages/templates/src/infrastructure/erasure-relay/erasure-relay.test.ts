import { erasureOtherStores, parse, type ResolvedPlatform } from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, parseDocument } from 'yaml'
import { renderPlatform } from '../../render'
import { ERASURE_RELAY_DIR, erasureRelayBucket, erasureRelayMembers } from '../erasure-relay'
import type { Doc } from '../kubernetes/testing'
import { workloadDeployments } from '../kubernetes/testing'
import { type Block, moduleOf, one, oneData, platformModuleOf, ref } from '../terraform/testing'
import { buildAll, examplePlatform, exampleSource } from '../testing'

// The erasure relay as the bundle creates it: one platform bucket (unversioned, SSE-KMS, TLS only,
// expiring), the bucket named in each member's Deployment, and each member's role reaching only its part.

const platform = examplePlatform()
const bucket = erasureRelayBucket(platform)

function edited(path: (string | number)[], value: unknown): ResolvedPlatform {
  const doc = parseDocument(exampleSource().text)
  doc.setIn(path, value)
  const result = parse(doc.toString({ lineWidth: 0 }), 'platform.yaml')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.platform
}

const envOf = (from: ResolvedPlatform, vertical: string) =>
  workloadDeployments(
    buildAll(from)
      .filter((a) => a.kind === 'kubernetes' && a.vertical === vertical)
      .flatMap((a) => parseAllDocuments(a.content).map((d) => d.toJS() as Doc)),
  ).map((d) => d.spec?.template.spec.containers[0].env as { name: string; value?: string }[])

// The statements of a workload role's policy, as hcl2json gives them.
async function workloadStatements(vertical: string): Promise<Block[]> {
  const m = await moduleOf(platform, vertical)
  return (m.data.aws_iam_policy_document?.workload?.[0]?.statement ?? []) as Block[]
}

describe('the erasure relay module', () => {
  it('has as members every vertical erasing platform-wide with one on another PostgreSQL store', () => {
    const members = Object.keys(platform.verticals).filter((v) => erasureOtherStores(platform, v).length > 0)
    expect(members.length).toBeGreaterThan(1)
    expect(erasureRelayMembers(platform)).toEqual(members)
  })

  it('creates an unversioned bucket under its own key, reachable over TLS only, whose objects expire', async () => {
    const m = await platformModuleOf(platform, ERASURE_RELAY_DIR)
    expect(one(m, 'aws_s3_bucket', 'erasure_relay')).toMatchObject({ bucket, force_destroy: false })
    expect(one(m, 'aws_s3_bucket_versioning', 'erasure_relay')).toMatchObject({
      versioning_configuration: [{ status: 'Disabled' }],
    })
    expect(one(m, 'aws_s3_bucket_server_side_encryption_configuration', 'erasure_relay')).toMatchObject({
      rule: [
        {
          bucket_key_enabled: true,
          apply_server_side_encryption_by_default: [
            { sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.erasure_relay.arn') },
          ],
        },
      ],
    })
    expect(one(m, 'aws_kms_alias', 'erasure_relay')).toMatchObject({ name: `alias/${bucket}` })
    expect(one(m, 'aws_s3_bucket_public_access_block', 'erasure_relay')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    })
    const tls = oneData(m, 'aws_iam_policy_document', 'erasure_relay_tls_only')
    expect(tls.statement).toMatchObject([
      {
        effect: 'Deny',
        actions: ['s3:*'],
        condition: [{ variable: 'aws:SecureTransport', values: ['false'] }],
      },
    ])
    // The longest legal erasure deadline of the example's jurisdictions (AR 5 business days, BR 15 days).
    const longest = Math.max(...platform.jurisdictions.map((j) => j.deadlines.erasure.days))
    expect(longest).toBe(15)
    expect(one(m, 'aws_s3_bucket_lifecycle_configuration', 'erasure_relay')).toMatchObject({
      rule: [{ status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: longest }] }],
    })
  })

  it("names the bucket in each member's Deployment", () => {
    for (const vertical of erasureRelayMembers(platform)) {
      for (const env of envOf(platform, vertical))
        expect(env).toContainEqual({ name: DEPLOYMENT_ENV.erasureRelayBucket, value: bucket })
    }
  })

  it("grants each member's workloads its own part of the bucket only", async () => {
    const arn = `arn:aws:s3:::${bucket}`
    for (const vertical of erasureRelayMembers(platform)) {
      const statements = await workloadStatements(vertical)
      const onRelay = statements.filter(
        (s) =>
          JSON.stringify(s.resources).includes(arn) || JSON.stringify(s.resources).includes('erasure_relay'),
      )
      expect(
        onRelay.map((s) => ({ actions: s.actions, resources: s.resources, condition: s.condition })),
      ).toEqual([
        { actions: ['s3:GetObject', 's3:DeleteObject'], resources: [`${arn}/requests/${vertical}/*`] },
        { actions: ['s3:PutObject'], resources: [`${arn}/requests/*/${vertical}-*`] },
        {
          actions: ['s3:GetObject'],
          resources: [`${arn}/answers/${vertical}/*`, `${arn}/answers/*/${vertical}/*`],
        },
        { actions: ['s3:PutObject'], resources: [`${arn}/answers/*/${vertical}/*`] },
        {
          actions: ['s3:ListBucket'],
          resources: [arn],
          condition: [
            {
              test: 'StringLike',
              variable: 's3:prefix',
              values: [`requests/${vertical}/*`, `answers/${vertical}/*`, `answers/*/${vertical}/*`],
            },
          ],
        },
        {
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [ref('data.aws_kms_alias.erasure_relay.target_key_arn')],
        },
      ])
      const m = await moduleOf(platform, vertical)
      expect(oneData(m, 'aws_kms_alias', 'erasure_relay')).toMatchObject({ name: `alias/${bucket}` })
    }
  })

  it('is not created, named or granted where no vertical erases platform-wide across stores', async () => {
    const none = edited(['verticals', 'psychology', 'platformWideErasure'], false)
    const alone = edited(['verticals', 'fitness', 'platformWideErasure'], false)
    // Psychology and fitness out: barber and beauty share one store, so nothing crosses stores.
    const neither: ResolvedPlatform = {
      ...none,
      verticals: {
        ...none.verticals,
        fitness: alone.verticals.fitness as ResolvedPlatform['verticals'][string],
      },
    }
    expect(erasureRelayMembers(neither)).toEqual([])
    expect(renderPlatform(neither).filter((a) => a.path.startsWith(`${ERASURE_RELAY_DIR}/`))).toEqual([])
    for (const env of envOf(neither, 'barber'))
      expect(env.map((e) => e.name)).not.toContain(DEPLOYMENT_ENV.erasureRelayBucket)
    const m = await moduleOf(neither, 'barber')
    expect(m.data.aws_kms_alias).toBeUndefined()
    expect(JSON.stringify(m.data.aws_iam_policy_document)).not.toContain(bucket)
  })
})
