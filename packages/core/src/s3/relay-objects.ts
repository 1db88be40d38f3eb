import type {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { PlatformError } from '@verticals/config-schema'
import type { RelayObjects } from '../dsr/erasure-relay'

/**
 * The SDK's command classes the relay sends: passed in, so that this module imports only the SDK's types
 * and a service that builds its relay from the environment loads the SDK only then (from-env.ts).
 */
export interface S3RelayCommands {
  DeleteObjectCommand: typeof DeleteObjectCommand
  GetObjectCommand: typeof GetObjectCommand
  ListObjectsV2Command: typeof ListObjectsV2Command
  PutObjectCommand: typeof PutObjectCommand
}

/** The relay's objects in an S3 bucket (see s3ErasureRelay), sent through the given commands. */
export function s3RelayObjects(
  commands: S3RelayCommands,
  options: { client: S3Client; bucket: string; prefix?: string },
): RelayObjects {
  const { client, bucket } = options
  const prefix = options.prefix ?? ''
  const failed = (what: string, error: unknown) =>
    new PlatformError('STORAGE_UNAVAILABLE', `could not ${what} in the erasure relay (bucket ${bucket})`, {
      cause: error,
      hint: 'Check the bucket name, its region, and the service role’s rights on it: s3:PutObject on requests/*/<vertical>-* and answers/*/<vertical>/*, s3:GetObject and s3:DeleteObject on requests/<vertical>/*, s3:GetObject on answers/<vertical>/* and answers/*/<vertical>/*, s3:ListBucket under requests/<vertical>/, answers/<vertical>/ and answers/*/<vertical>/. The request stays open: retry dsr.fulfil.',
    })
  return {
    async create(key, body) {
      try {
        await client.send(
          new commands.PutObjectCommand({
            Bucket: bucket,
            Key: `${prefix}${key}`,
            Body: body,
            ContentType: 'application/json',
            IfNoneMatch: '*',
          }),
        )
      } catch (error) {
        // 412: the object is there already (the same request, or its answer); 409: being written now.
        if (!statusIn(error, [409, 412])) throw failed(`write ${prefix}${key}`, error)
      }
    },
    async get(key) {
      try {
        // Listed first: a role allowed to list only its own prefixes gets 403, not 404, for a missing key.
        const found = await client.send(
          new commands.ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${key}`, MaxKeys: 1 }),
        )
        if (found.Contents?.[0]?.Key !== `${prefix}${key}`) return undefined
        const object = await client.send(
          new commands.GetObjectCommand({ Bucket: bucket, Key: `${prefix}${key}` }),
        )
        return (await object.Body?.transformToString('utf8')) ?? ''
      } catch (error) {
        // Removed since it was listed (answered by another replica).
        if (statusIn(error, [404])) return undefined
        throw failed(`read ${prefix}${key}`, error)
      }
    },
    async list(keyPrefix, limit) {
      try {
        // One page (up to 1000 keys), oldest first: requests left beyond it are listed once these are answered.
        const page = await client.send(
          new commands.ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${keyPrefix}` }),
        )
        return (page.Contents ?? [])
          .flatMap((o) => (o.Key === undefined ? [] : [{ key: o.Key, at: o.LastModified?.getTime() ?? 0 }]))
          .sort((a, b) => a.at - b.at || a.key.localeCompare(b.key))
          .slice(0, limit)
          .map((o) => o.key.slice(prefix.length))
      } catch (error) {
        throw failed(`list ${prefix}${keyPrefix}`, error)
      }
    },
    async remove(key) {
      try {
        await client.send(new commands.DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}${key}` }))
      } catch (error) {
        throw failed(`delete ${prefix}${key}`, error)
      }
    },
  }
}

function statusIn(error: unknown, statuses: number[]): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  return status !== undefined && statuses.includes(status)
}
