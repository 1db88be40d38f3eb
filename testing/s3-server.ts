/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

// Test support: s3rver, a real S3-compatible server, on loopback with one bucket. It checks signatures
// against the credentials S3RVER/S3RVER, which the tests give through the standard chain's variables.
// It predates the SDK's default CRC checksums, so clients send them only when required.

/** A running s3rver: its endpoint, its one bucket, a client for it, and how to stop and remove it. */
export interface S3Server {
  readonly endpoint: string
  readonly bucket: string
  /** A path-style client of the server (the caller may also make its own from `endpoint`). */
  readonly client: S3Client
  /** Keys the server has stored, in the order it finished storing them. */
  readonly created: string[]
  stop(): Promise<void>
}

/** Starts s3rver on 127.0.0.1 and a free port with one bucket, `bucket` or else `<name>-<random>`. */
export async function startS3Server(name: string, bucketName?: string): Promise<S3Server> {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER'
  const directory = await mkdtemp(join(tmpdir(), `verticals-${name}-`))
  const bucket = bucketName ?? `${name}-${Math.random().toString(36).slice(2, 10)}`
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const created: string[] = []
  server.on('event', (event) => {
    for (const record of event.Records)
      if (record.eventName.startsWith('ObjectCreated')) created.push(record.s3.object.key)
  })
  const { port } = await server.run().catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true })
    throw error
  })
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  })
  return {
    endpoint,
    bucket,
    client,
    created,
    async stop() {
      client.destroy()
      await server.close().catch(() => undefined)
      await rm(directory, { recursive: true, force: true })
    },
  }
}
