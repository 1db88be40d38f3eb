import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startS3Server } from '../../../testing/s3-server'
import { createPlatformFromEnv } from '../src/from-env'
import { s3ErasureRelay } from '../src/s3/erasure-relay'
import { PG_URL, REDIS_URL, VERIFIED } from './harness'

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)
// Nothing is migrated: no table is created in this schema, so there is nothing to clean up in PostgreSQL.
// The cache does write under the key prefix: each prefix handed out is emptied after the test.
const prefixes: string[] = []
const isolated = () => {
  const suffix = randomBytes(5).toString('hex')
  prefixes.push(`vx-test-${suffix}:`)
  return { schema: `vx_test_${suffix}`, keyPrefix: `vx-test-${suffix}:` }
}

afterEach(async () => {
  vi.unstubAllEnvs()
  const redis = new Redis(REDIS_URL)
  try {
    for (const prefix of prefixes.splice(0)) {
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) await redis.del(...keys)
    }
  } finally {
    redis.disconnect()
  }
})

describe('createPlatformFromEnv', () => {
  it('runs as VERTICALS_VERTICAL with the config VERTICALS_CONFIG names', async () => {
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    vi.stubEnv('VERTICALS_VERTICAL', 'psychology')
    const platform = await createPlatformFromEnv({ pg: PG_URL, redis: REDIS_URL, ...isolated() })
    try {
      expect(platform.vertical).toBe('psychology')
      // The TTL-0 class of the example's psychology vertical: the loader runs, nothing is cached.
      let calls = 0
      const load = async () => ++calls
      expect(await platform.cache.wrap('session-notes', 'k', load, { subjectId: 'k' })).toBe(1)
      expect(await platform.cache.wrap('session-notes', 'k', load, { subjectId: 'k' })).toBe(2)
    } finally {
      await platform.close()
    }
  })

  it('lets explicit options win over the environment', async () => {
    vi.stubEnv('VERTICALS_CONFIG', '/nonexistent/platform.yaml')
    vi.stubEnv('VERTICALS_VERTICAL', 'psychology')
    const platform = await createPlatformFromEnv({
      configPath: EXAMPLE,
      vertical: 'barber',
      pg: PG_URL,
      redis: REDIS_URL,
      ...isolated(),
    })
    expect(platform.vertical).toBe('barber')
    await platform.close()
  })

  it('refuses to start without a vertical, naming VERTICALS_VERTICAL, before connecting', async () => {
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    vi.stubEnv('VERTICALS_VERTICAL', '')
    await expect(createPlatformFromEnv({ pg: PG_URL, redis: REDIS_URL })).rejects.toMatchObject({
      code: 'DEPLOYMENT_ENV_MISSING',
      message: expect.stringContaining('VERTICALS_VERTICAL'),
    })
  })

  it('passes on the config errors of loadPlatformConfig and the vertical errors of createPlatform', async () => {
    vi.stubEnv('VERTICALS_CONFIG', '')
    vi.stubEnv('VERTICALS_VERTICAL', 'barber')
    await expect(createPlatformFromEnv({ pg: PG_URL, redis: REDIS_URL })).rejects.toMatchObject({
      code: 'CONFIG_UNREADABLE',
      message: expect.stringContaining('VERTICALS_CONFIG'),
    })
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    vi.stubEnv('VERTICALS_VERTICAL', 'barbr')
    await expect(createPlatformFromEnv({ pg: PG_URL, redis: REDIS_URL })).rejects.toMatchObject({
      code: 'VERTICAL_UNKNOWN',
    })
  })

  it('refuses production without VERTICALS_AUDIT_ANCHORS_BUCKET; connects to VERTICALS_DATABASE_URL and VERTICALS_REDIS_URL and keys the audit log with VERTICALS_AUDIT_KEY and digests with VERTICALS_SUBJECT_KEY', async () => {
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    vi.stubEnv('VERTICALS_VERTICAL', 'barber')
    vi.stubEnv('VERTICALS_DATABASE_URL', PG_URL)
    vi.stubEnv('VERTICALS_REDIS_URL', REDIS_URL)
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('VERTICALS_AUDIT_ANCHORS_BUCKET', '')
    vi.stubEnv('VERTICALS_AUDIT_KEY', randomBytes(32).toString('hex'))
    vi.stubEnv('VERTICALS_SUBJECT_KEY', randomBytes(32).toString('hex'))
    await expect(createPlatformFromEnv(isolated())).rejects.toMatchObject({
      code: 'DEPLOYMENT_ENV_MISSING',
      message: expect.stringContaining('VERTICALS_AUDIT_ANCHORS_BUCKET'),
    })
    // The bucket is only named here: the platform anchors every audit.anchor.every (1 h), after the test.
    vi.stubEnv('VERTICALS_AUDIT_ANCHORS_BUCKET', 'turnos-barber-audit-anchors')
    vi.stubEnv('AWS_REGION', 'sa-east-1')
    vi.stubEnv('VERTICALS_AUDIT_KEY', '')
    await expect(createPlatformFromEnv(isolated())).rejects.toMatchObject({ code: 'AUDIT_KEY_MISSING' })
    vi.stubEnv('VERTICALS_AUDIT_KEY', randomBytes(32).toString('hex'))
    vi.stubEnv('VERTICALS_SUBJECT_KEY', '')
    await expect(createPlatformFromEnv(isolated())).rejects.toMatchObject({ code: 'SUBJECT_KEY_MISSING' })
    vi.stubEnv('VERTICALS_SUBJECT_KEY', randomBytes(32).toString('hex'))
    const platform = await createPlatformFromEnv(isolated())
    try {
      let calls = 0
      const load = async () => ++calls
      // api-responses is cached: the second call is served by the Redis VERTICALS_REDIS_URL names.
      await platform.cache.wrap('api-responses', 'k', load, { subjectId: null })
      expect(await platform.cache.wrap('api-responses', 'k', load, { subjectId: null })).toBe(1)
    } finally {
      await platform.close()
    }
  })

  it('names the variable of a connection it was not given', async () => {
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    vi.stubEnv('VERTICALS_VERTICAL', 'barber')
    vi.stubEnv('VERTICALS_DATABASE_URL', '')
    await expect(createPlatformFromEnv({ redis: REDIS_URL })).rejects.toMatchObject({
      code: 'DEPLOYMENT_ENV_MISSING',
      message: expect.stringContaining('VERTICALS_DATABASE_URL'),
    })
  })

  it('anchors the audit chain and journals erasures in the bucket VERTICALS_AUDIT_ANCHORS_BUCKET names', async () => {
    const s3 = await startS3Server('anchors')
    const { schema, keyPrefix } = isolated()
    // As IRSA and the Deployment give them: the bucket, its region, and the standard AWS chain, here
    // pointed at s3rver (the SDK's own endpoint variable; s3rver wants checksums only when required).
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    vi.stubEnv('VERTICALS_VERTICAL', 'barber')
    vi.stubEnv('VERTICALS_AUDIT_ANCHORS_BUCKET', s3.bucket)
    vi.stubEnv('AWS_REGION', 'sa-east-1')
    vi.stubEnv('AWS_ENDPOINT_URL_S3', s3.endpoint)
    vi.stubEnv('AWS_REQUEST_CHECKSUM_CALCULATION', 'WHEN_REQUIRED')
    vi.stubEnv('AWS_RESPONSE_CHECKSUM_VALIDATION', 'WHEN_REQUIRED')
    const platform = await createPlatformFromEnv({ pg: PG_URL, redis: REDIS_URL, schema, keyPrefix })
    const pool = new pg.Pool({ connectionString: PG_URL, max: 1 })
    try {
      await platform.migrate()
      await platform.records.insert({ dataClass: 'user-profiles', subjectId: 'dni-1', data: { name: 'Ana' } })
      const request = await platform.dsr.open({ subjectId: 'dni-1', kind: 'erasure', verification: VERIFIED })
      await platform.dsr.fulfil(request.id, { actor: 'privacy-officer' })
      const { key } = await platform.audit.anchor()
      expect(s3.created).toContain(key)
      expect(s3.created.filter((k) => k.startsWith(`erasure-journal/turnos/${schema}/barber/`))).toHaveLength(
        1,
      )
    } finally {
      await platform.close()
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await pool.end()
      await s3.stop()
    }
  })

  it('answers erasure requests through the S3 relay on VERTICALS_ERASURE_RELAY_BUCKET', async () => {
    const s3 = await startS3Server('relay-from-env')
    const client = s3.client
    const admin = new pg.Pool({ connectionString: PG_URL, max: 1 })
    const where = isolated()
    try {
      vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
      vi.stubEnv('VERTICALS_VERTICAL', 'psychology')
      vi.stubEnv('VERTICALS_ERASURE_RELAY_BUCKET', s3.bucket)
      // The SDK's own variables: the endpoint (s3rver) and the region, as a pod's environment gives them.
      vi.stubEnv('AWS_ENDPOINT_URL_S3', s3.endpoint)
      vi.stubEnv('AWS_REGION', 'us-east-1')
      vi.stubEnv('AWS_REQUEST_CHECKSUM_CALCULATION', 'WHEN_REQUIRED')
      vi.stubEnv('AWS_RESPONSE_CHECKSUM_VALIDATION', 'WHEN_REQUIRED')
      // Barber (another PostgreSQL store) asks psychology, as its own service would.
      const barber = s3ErasureRelay({ client, bucket: s3.bucket })
      await barber.ask('psychology', { from: 'barber', requestId: 'r-1', actor: 'dsr', subjectId: 'p-1' })
      const platform = await createPlatformFromEnv({
        pg: PG_URL,
        redis: REDIS_URL,
        ...where,
        coTenantErasure: { pollMs: 0 },
      })
      try {
        await platform.migrate()
        await platform.records.insert({ dataClass: 'user-profiles', subjectId: 'p-1', data: { name: 'Eva' } })
        expect(await platform.dsr.answerErasureRequests()).toBe(1)
        expect(await barber.answer('barber', 'psychology', 'r-1')).toMatchObject({
          personalRecords: { deleted: 1 },
        })
        const left = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'requests/' }))
        expect(left.Contents ?? []).toEqual([])
      } finally {
        await platform.close()
      }
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${where.schema}" CASCADE`)
      await admin.end()
      await s3.stop()
    }
  })
})
