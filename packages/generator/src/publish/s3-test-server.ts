// Test support, not shipped: the shared s3rver of testing/s3-server.ts, reached the way the publish
// module reaches a bucket (S3ClientOptions), and a client of it that records what that module sends.
import type { S3Client } from '@aws-sdk/client-s3'
import { startS3Server } from '../../../../testing/s3-server'
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
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const server = await startS3Server('bundles')
  return {
    bucket: server.bucket,
    created: server.created,
    // s3rver predates the SDK's default CRC checksums; it needs them only when required.
    clientOptions: {
      endpoint: server.endpoint,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    stop: () => server.stop(),
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
