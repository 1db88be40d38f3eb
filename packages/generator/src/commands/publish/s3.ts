import { PlatformError } from '@verticals/config-schema'
import type { ChecksumMode, S3ClientOptions } from '../../publish/s3-client'
import { isS3RequestError, s3ErrorHint } from '../../publish/s3-error'
import { type CommandIo, printJson, println } from '../io'

/** The S3 connection flags that `publish` and `fetch` share. Credentials are never flags. */
export interface S3CommandOptions {
  endpoint?: string
  region?: string
  /** `--path-style`: force path-style addressing (default with --endpoint). */
  pathStyle?: boolean
  /** `--request-checksums`: WHEN_SUPPORTED or WHEN_REQUIRED; default the SDK's (and AWS_REQUEST_CHECKSUM_CALCULATION). */
  requestChecksums?: string
  /** `--response-checksums`: WHEN_SUPPORTED or WHEN_REQUIRED; default the SDK's (and AWS_RESPONSE_CHECKSUM_VALIDATION). */
  responseChecksums?: string
}

function checksumMode(value: string | undefined, flag: string): ChecksumMode | undefined {
  if (value === undefined) return undefined
  const mode = value.toUpperCase()
  if (mode === 'WHEN_SUPPORTED' || mode === 'WHEN_REQUIRED') return mode
  throw new PlatformError(
    'INVALID_ARGUMENT',
    `${flag} must be WHEN_SUPPORTED or WHEN_REQUIRED, not "${value}".`,
    {
      hint: 'WHEN_REQUIRED suits S3-compatible servers that predate flexible checksums (s3rver, older MinIO).',
    },
  )
}

/** Client options from the flags; unset flags leave the AWS chain and SDK defaults in charge. */
export function s3ClientOptions(options: S3CommandOptions): S3ClientOptions {
  const request = checksumMode(options.requestChecksums, '--request-checksums')
  const response = checksumMode(options.responseChecksums, '--response-checksums')
  return {
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.pathStyle === undefined ? {} : { forcePathStyle: options.pathStyle }),
    ...(request === undefined ? {} : { requestChecksumCalculation: request }),
    ...(response === undefined ? {} : { responseChecksumValidation: response }),
  }
}

/**
 * Runs an S3 command; a request that failed for good (credentials, bucket, network) is reported
 * with its hint and exit 2, not as a bug. PlatformErrors go on to the CLI's handler (exit 1).
 */
export async function reportS3Failures(
  io: Required<CommandIo>,
  json: boolean,
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run()
  } catch (error) {
    if (!isS3RequestError(error)) throw error
    const hint = s3ErrorHint(error)
    println(io.stderr, `verticals: ${error.message}`)
    println(io.stderr, `hint: ${hint}`)
    if (json)
      printJson(io.stdout, {
        error: { code: 'STORAGE_UNAVAILABLE', s3Code: error.code, message: error.message, hint },
      })
    return 2
  }
}
