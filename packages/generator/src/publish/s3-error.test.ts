import { describe, expect, it } from 'vitest'
import { isS3RequestError, S3RequestError, s3ErrorHint } from './s3-error'

const sdk = (name: string, status?: number) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
  })

describe('S3RequestError', () => {
  it('says which request on which object failed, and keeps the SDK error as its cause', () => {
    const cause = sdk('AccessDenied', 403)
    const error = new S3RequestError('PUT', 's3://b/k', cause)
    expect(error.message).toBe('PUT s3://b/k failed: AccessDenied: AccessDenied happened')
    expect(error).toMatchObject({ code: 'AccessDenied', status: 403, cause })
    expect(isS3RequestError(error)).toBe(true)
    expect(isS3RequestError(cause)).toBe(false)
  })

  it('points at the likely fix', () => {
    const hint = (name: string, status?: number) =>
      s3ErrorHint(new S3RequestError('GET', 's3://b/k', sdk(name, status)))
    expect(hint('AccessDenied', 403)).toMatch(/credentials/)
    expect(hint('CredentialsProviderError')).toMatch(/standard chain/)
    expect(hint('NoSuchBucket', 404)).toMatch(/--bucket/)
    expect(hint('PermanentRedirect', 301)).toMatch(/--region/)
    expect(hint('ECONNREFUSED')).toMatch(/--endpoint/)
    expect(hint('InternalError', 500)).toMatch(/retrying later/)
    expect(s3ErrorHint(new S3RequestError('GET', 's3://b/k', new Error('Region is missing')))).toMatch(
      /--region/,
    )
    const refused = new S3RequestError(
      'GET',
      's3://b/k',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    )
    expect(refused.code).toBe('ECONNREFUSED')
    expect(s3ErrorHint(refused)).toMatch(/--endpoint/)
  })
})
