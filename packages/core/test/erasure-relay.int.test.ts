import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type S3Server, startS3Server } from '../../../testing/s3-server'
import { type ErasureRelay, memoryErasureRelay } from '../src/dsr/erasure-relay'
import { s3ErasureRelay } from '../src/s3/erasure-relay'

// The erasure relay contract, run against every relay: a request asked twice is one request, listed
// for its target oldest first; answering removes it and leaves the answer for the asker. The S3 relay runs against
// s3rver (a real S3-compatible server on loopback) with the real @aws-sdk/client-s3.

let s3: S3Server
let client: S3Client
beforeAll(async () => {
  s3 = await startS3Server('relay-contract')
  client = s3.client
})
afterAll(async () => {
  await s3?.stop()
})

const run = () => `run-${Math.random().toString(36).slice(2)}/`
const ask = (requestId: string, subjectId = 'dni-30111222') => ({
  from: 'psychology',
  requestId,
  actor: 'privacy-officer',
  subjectId,
})

describe.each([
  ['memory', () => memoryErasureRelay()],
  ['S3 (s3rver)', () => s3ErasureRelay({ client, bucket: s3.bucket, prefix: run() })],
] as const)('%s erasure relay', (_, make: () => ErasureRelay) => {
  it('keeps one request per asking request, for its target only, oldest first', async () => {
    const relay = make()
    await relay.ask('barber', ask('r-1'))
    await relay.ask('barber', ask('r-1'))
    // Timestamps of S3 objects have a granularity: the second request is written a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await relay.ask('barber', ask('r-2', 'dni-40111222'))
    await relay.ask('beauty', ask('r-1'))
    expect(await relay.pending('barber', 10)).toEqual([ask('r-1'), ask('r-2', 'dni-40111222')])
    expect(await relay.pending('barber', 1)).toEqual([ask('r-1')])
    expect(await relay.pending('fitness', 10)).toEqual([])
  })

  it('removes a request once answered, and gives the answer to the asker', async () => {
    const relay = make()
    await relay.ask('barber', ask('r-1'))
    expect(await relay.answer('psychology', 'barber', 'r-1')).toBeUndefined()
    await relay.respond('barber', { from: 'psychology', requestId: 'r-1' }, { skipped: 'legal-hold' })
    expect(await relay.pending('barber', 10)).toEqual([])
    expect(await relay.answer('psychology', 'barber', 'r-1')).toEqual({ skipped: 'legal-hold' })
    // Another vertical's answer to the same request id is its own.
    expect(await relay.answer('psychology', 'beauty', 'r-1')).toBeUndefined()
  })
})

describe('S3 erasure relay', () => {
  it('carries out no request stored under a key its own names do not give, nor anything unreadable', async () => {
    const prefix = run()
    const relay = s3ErasureRelay({ client, bucket: s3.bucket, prefix })
    // Written where barber's requests are, but naming beauty as the asker: not beauty's to write there.
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `${prefix}requests/barber/psychology-r-9.json`,
        Body: JSON.stringify({ ...ask('r-9'), from: 'beauty' }),
      }),
    )
    // Nor one that is not a request at all; the requests beside them are still carried out.
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `${prefix}requests/barber/junk.json`,
        Body: '{"from":',
      }),
    )
    await relay.ask('barber', ask('r-10'))
    expect(await relay.pending('barber', 10)).toEqual([ask('r-10')])
  })
})
