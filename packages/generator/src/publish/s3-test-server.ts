// Test support, not shipped: a real S3-compatible server (s3rver) on loopback for the *.int.test.ts files.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { createS3Client, type S3ClientOptions } from './s3-client'

/** A running server, the options to reach it, and the order in which it stored objects. */
export interface TestS3Server {
  bucket: string
  clientOptions: S3ClientOptions
  /** Keys in the order the server finished storing them (its ObjectCreated events). */
  created: string[]
  stop: () => Promise<void>
}

/** Starts s3rver on 127.0.0.1, a free port and a temp directory, with one bucket; stop() removes it all. */
export async function startTestS3Server(): Promise<TestS3Server> {
  // Dummy credentials through the standard chain: s3rver checks signatures against S3RVER/S3RVER.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER'
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const directory = await mkdtemp(join(tmpdir(), 'verticals-s3-'))
  const bucket = `bundles-${Math.random().toString(36).slice(2, 10)}`
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const created: string[] = []
  server.on('event', (event) => {
    for (const record of event.Records) {
      if (record.eventName.startsWith('ObjectCreated')) created.push(record.s3.object.key)
    }
  })
  let port: number
  try {
    ;({ port } = await server.run())
  } catch (error) {
    await rm(directory, { recursive: true, force: true })
    throw error
  }
  return {
    bucket,
    created,
    // s3rver predates the SDK's default CRC checksums; it needs them only when required.
    clientOptions: {
      endpoint: `http://127.0.0.1:${port}`,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    stop: async () => {
      await server.close().catch(() => {})
      await rm(directory, { recursive: true, force: true })
    },
  }
}

/** One successful PutObject as the client sent it. */
export interface RecordedPut {
  key: string
  ifNoneMatch: boolean
  /** The base64 x-amz-checksum-sha256 sent, if any. */
  checksumSha256: string | undefined
}

/** A client on the server that records every PutObject once it has succeeded. */
export function recordingClient(server: TestS3Server): { client: S3Client; puts: RecordedPut[] } {
  const client = createS3Client(server.clientOptions)
  const puts: RecordedPut[] = []
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args)
      if (context.commandName === 'PutObjectCommand') {
        const input = args.input as { Key: string; IfNoneMatch?: string; ChecksumSHA256?: string }
        puts.push({
          key: input.Key,
          ifNoneMatch: input.IfNoneMatch === '*',
          checksumSha256: input.ChecksumSHA256,
        })
      }
      return result
    },
    { step: 'initialize', name: 'recordPuts' },
  )
  return { client, puts }
}
