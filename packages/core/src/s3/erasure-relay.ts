import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { type ErasureRelay, objectErasureRelay } from '../dsr/erasure-relay'
import { s3RelayObjects } from './relay-objects'

/** Where the relay keeps its requests and answers: a platform-wide bucket every participating vertical reaches. */
export interface S3ErasureRelayOptions {
  /** A client the caller owns (credentials from the standard AWS chain). */
  client: S3Client
  /** Unversioned, with a lifecycle expiry: a removed request must leave no copy of its subject id behind. */
  bucket: string
  /** Prepended to every key, e.g. `production/`. */
  prefix?: string
}

/**
 * An erasure relay on S3: one object per request, `requests/<target>/<from>-<requestId>.json`, written
 * with If-None-Match (a retried fulfil finds it and writes nothing); the answer under
 * `answers/<from>/<target>/<requestId>.json`, after which the answering service deletes the request, so
 * the subject id does not outlive it. The bucket must not be versioned (a deleted version would keep the
 * id), and a lifecycle expiry removes whatever a service that stopped for good left behind.
 */
export function s3ErasureRelay(options: S3ErasureRelayOptions): ErasureRelay {
  const commands = { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand }
  return objectErasureRelay(s3RelayObjects(commands, options))
}
