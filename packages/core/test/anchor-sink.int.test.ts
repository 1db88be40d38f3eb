import type { S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type S3Server, startS3Server } from '../../../testing/s3-server'
import { type AnchorSink, anchorKey, anchorPrefix, memoryAnchorSink } from '../src/audit/anchor-document'
import { s3AnchorSink } from '../src/s3/anchor-sink'
import { createEnv } from './harness'

// The anchor sink contract, run against every sink: write once, never replace, newest first. The S3
// sink runs against s3rver (a real S3-compatible server on loopback). s3rver 3.7 implements neither
// Object Lock nor conditional PUTs, so the refused overwrite below comes from the sink's own check;
// the Object Lock request itself (compliance mode, retain-until) is checked as the sink sends it.
// s3rver also fails every truncated listing (its continuation token), so these sinks list whole pages.

let s3: S3Server
let client: S3Client
let bucket: string
const puts: Record<string, unknown>[] = []

beforeAll(async () => {
  s3 = await startS3Server('anchors')
  ;({ client, bucket } = s3)
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutObjectCommand') puts.push(args.input as Record<string, unknown>)
      return next(args)
    },
    { step: 'initialize', name: 'recordPuts' },
  )
})
afterAll(async () => {
  await s3?.stop()
})

const scope = { platform: 'turnos', schema: 'verticals', vertical: 'barber' }
const retain = new Date('2036-01-01T00:00:00Z')

describe.each([
  ['memory', () => memoryAnchorSink()],
  [
    'S3 (s3rver)',
    () =>
      s3AnchorSink({
        client,
        bucket,
        prefix: `run-${Math.random().toString(36).slice(2)}/`,
        listPageSize: 1000,
      }),
  ],
])('anchor sink contract: %s', (_name, make: () => AnchorSink) => {
  it('has no latest anchor before the first', async () => {
    expect(await make().latest(anchorPrefix(scope))).toBeUndefined()
  })

  it('returns the newest anchor of a scope, whatever order they were written in', async () => {
    const sink = make()
    const older = anchorKey(scope, new Date('2026-01-01T00:00:00Z'), 'a')
    const newer = anchorKey(scope, new Date('2026-01-01T01:00:00Z'), 'b')
    const elsewhere = anchorKey({ ...scope, vertical: 'beauty' }, new Date('2027-01-01T00:00:00Z'), 'c')
    await sink.put(newer, 'new', retain)
    await sink.put(older, 'old', retain)
    await sink.put(elsewhere, 'other vertical', retain)
    expect(await sink.latest(anchorPrefix(scope))).toEqual({ key: newer, body: 'new' })
  })

  it('refuses to replace an anchor and keeps the first body', async () => {
    const sink = make()
    const key = anchorKey(scope, new Date('2026-02-01T00:00:00Z'), 'd')
    await sink.put(key, 'original', retain)
    await expect(sink.put(key, 'forged', retain)).rejects.toThrow(/may not be replaced/)
    expect(await sink.latest(anchorPrefix(scope))).toEqual({ key, body: 'original' })
  })
})

describe('the S3 anchor sink', () => {
  it('asks for Object Lock in compliance mode until the retain-until date, with a conditional write', async () => {
    const sink = s3AnchorSink({ client, bucket, prefix: 'lock/' })
    await sink.put(anchorKey(scope, new Date('2026-03-01T00:00:00Z'), 'e'), '{}', retain)
    expect(puts.at(-1)).toMatchObject({
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: retain,
      IfNoneMatch: '*',
      ChecksumSHA256: expect.any(String),
    })
  })

  it('carries the anchors that verify() checks a platform against', async () => {
    const env = await createEnv()
    try {
      const sink = s3AnchorSink({ client, bucket, prefix: `${env.schema}/`, listPageSize: 1000 })
      const platform = await env.platform('barber', { anchorSink: sink })
      for (let i = 0; i < 5; i += 1)
        await platform.audit.append({ type: 'system.tick', actor: 'cron', data: { i } })
      const { key, document } = await platform.audit.anchor()
      expect(document.heads).toEqual([
        { recordClass: 'system', seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ])
      expect(await platform.audit.verify()).toEqual({ ok: true, checked: 5, anchor: key })
      await env.pool.query(`DELETE FROM "${env.schema}".audit_entries WHERE seq = 5`)
      await env.pool.query(
        `UPDATE "${env.schema}".audit_chains SET last_seq = 4, last_hash = (SELECT hash FROM "${env.schema}".audit_entries WHERE seq = 4)`,
      )
      expect((await platform.audit.verify()).brokenAt).toEqual({
        recordClass: 'system',
        seq: 5,
        reason: 'anchor',
      })
    } finally {
      await env.cleanup()
    }
  })
})
