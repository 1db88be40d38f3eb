/** An S3 request that failed for good (after retries): which request, on which object, and why. */
export class S3RequestError extends Error {
  override readonly name = 'S3RequestError'
  /** The S3 error code (AccessDenied, NoSuchBucket...) or the network error's code (ECONNREFUSED). */
  readonly code: string
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined

  constructor(operation: 'GET' | 'PUT', url: string, cause: unknown) {
    const shape = (cause ?? {}) as {
      name?: string
      code?: string
      message?: string
      $metadata?: { httpStatusCode?: number }
    }
    // Network errors carry their errno code (ECONNREFUSED) on a plain Error.
    const code = (shape.name === 'Error' || !shape.name ? shape.code : shape.name) ?? shape.name ?? 'Error'
    super(`${operation} ${url} failed: ${code}${shape.message ? `: ${shape.message}` : ''}`, { cause })
    this.code = code
    this.status = shape.$metadata?.httpStatusCode
  }
}

/** Whether a thrown value is an S3RequestError (also across duplicated package copies). */
export function isS3RequestError(value: unknown): value is S3RequestError {
  return value instanceof Error && value.name === 'S3RequestError' && 'code' in value
}

const CREDENTIALS = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'CredentialsProviderError',
])

/** What the user can do about a failed S3 request. */
export function s3ErrorHint(error: S3RequestError): string {
  if (CREDENTIALS.has(error.code) || error.status === 403) {
    return 'Check the AWS credentials (the standard chain: AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO, roles) and the bucket policy.'
  }
  if (/region is missing/i.test(error.message))
    return 'No AWS region is configured: pass --region or set AWS_REGION.'
  if (error.code === 'NoSuchBucket') return 'The bucket does not exist; check --bucket (and --endpoint).'
  if (error.code === 'PermanentRedirect' || error.code === 'AuthorizationHeaderMalformed') {
    return 'The bucket lives in another region; pass --region.'
  }
  if (error.status === undefined)
    return 'The endpoint did not answer; check --endpoint, --region and the network.'
  return 'S3 rejected the request; retrying later may help if the service was unavailable.'
}
