import { createHash } from 'node:crypto'
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { PlatformError } from '@verticals/config-schema'
import type { AnchorSink } from '../audit/anchor-document'

/** Where anchors go: a bucket with Object Lock enabled (the infrastructure bundle's audit-anchors.tf). */
export interface S3AnchorSinkOptions {
  /** A client the caller owns (credentials from the standard AWS chain). */
  client: S3Client
  bucket: string
  /** Prepended to every key, e.g. `production/`. */
  prefix?: string
  /**
   * Keys listed to find the newest anchor (default 1: keys sort newest first). s3rver fails on any
   * truncated listing, so its tests list a whole page.
   */
  listPageSize?: number
}

/**
 * An anchor sink on S3 with Object Lock: every anchor is written once, in compliance mode until its
 * retain-until date, so neither the service nor an administrator of the account can delete or replace
 * it before then. Writes are conditional (If-None-Match: *), and a key that exists is refused even by a
 * server that ignores that header.
 */
export function s3AnchorSink(options: S3AnchorSinkOptions): AnchorSink {
  const { client, bucket } = options
  const prefix = options.prefix ?? ''
  return {
    async put(key, body, retainUntil) {
      const Key = `${prefix}${key}`
      if (await exists(client, bucket, Key)) throw refused(Key)
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key,
            Body: body,
            ContentType: 'application/json',
            IfNoneMatch: '*',
            ObjectLockMode: 'COMPLIANCE',
            ObjectLockRetainUntilDate: retainUntil,
            // Object Lock writes must carry a checksum.
            ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
          }),
        )
      } catch (error) {
        if (status(error) === 412) throw refused(Key)
        throw unavailable(`could not write anchor ${Key} to bucket ${bucket}`, error)
      }
    },
    async latest(keyPrefix) {
      try {
        const listed = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: `${prefix}${keyPrefix}`,
            MaxKeys: options.listPageSize ?? 1,
          }),
        )
        const Key = listed.Contents?.[0]?.Key
        if (Key === undefined) return undefined
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }))
        const body = (await object.Body?.transformToString('utf8')) ?? ''
        return { key: Key.slice(prefix.length), body }
      } catch (error) {
        throw unavailable(`could not read the latest anchor from bucket ${bucket}`, error)
      }
    },
  }
}

async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    return true
  } catch (error) {
    if (status(error) === 404) return false
    throw unavailable(`could not check anchor ${key} in bucket ${bucket}`, error)
  }
}

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
}

function refused(key: string): PlatformError {
  return new PlatformError('INTEGRITY', `anchor ${key} exists and may not be replaced`, {
    hint: 'Anchors are written once; a second write under the same key is an attempt to rewrite one.',
  })
}

function unavailable(message: string, cause: unknown): PlatformError {
  return new PlatformError('STORAGE_UNAVAILABLE', message, {
    cause,
    hint: 'Check the bucket name, its region and the service role’s s3:PutObject, s3:GetObject and s3:ListBucket rights.',
  })
}
