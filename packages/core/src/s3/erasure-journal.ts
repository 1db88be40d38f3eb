import { createHash } from 'node:crypto'
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { PlatformError } from '@verticals/config-schema'
import type { ErasureJournal } from '../dsr/erasure-journal'

/** Where the journal goes: the audit-anchors bucket (Object Lock), beside the anchors. */
export interface S3ErasureJournalOptions {
  /** A client the caller owns (credentials from the standard AWS chain). */
  client: S3Client
  bucket: string
  /** Prepended to every key, e.g. `production/`. */
  prefix?: string
}

/**
 * An erasure journal on S3: one object per erasure (keyed digest, erasure record, time), written once
 * (If-None-Match: *) into the bucket whose default Object Lock retention keeps it past the backups it
 * must outlive, and listed in key (time) order by replayErasures.
 */
export function s3ErasureJournal(options: S3ErasureJournalOptions): ErasureJournal {
  const { client, bucket } = options
  const prefix = options.prefix ?? ''
  return {
    async append(key, body) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${prefix}${key}`,
            Body: body,
            ContentType: 'application/json',
            IfNoneMatch: '*',
            // Writes into an Object Lock bucket must carry a checksum.
            ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
          }),
        )
      } catch (error) {
        throw unavailable(`could not write journal entry ${prefix}${key} to bucket ${bucket}`, error)
      }
    },
    async list(keyPrefix, startAfter) {
      try {
        const keys: string[] = []
        let token: string | undefined
        do {
          const page = await client.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: `${prefix}${keyPrefix}`,
              StartAfter: `${prefix}${startAfter}`,
              ContinuationToken: token,
            }),
          )
          keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key])))
          token = page.IsTruncated ? page.NextContinuationToken : undefined
        } while (token !== undefined)
        const bodies: string[] = []
        for (const Key of keys.sort()) {
          const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }))
          bodies.push((await object.Body?.transformToString('utf8')) ?? '')
        }
        return bodies
      } catch (error) {
        throw unavailable(`could not list the erasure journal in bucket ${bucket}`, error)
      }
    },
  }
}

function unavailable(message: string, cause: unknown): PlatformError {
  return new PlatformError('STORAGE_UNAVAILABLE', message, {
    cause,
    hint: 'Check the bucket name, its region and the service role’s s3:PutObject, s3:GetObject and s3:ListBucket rights.',
  })
}
