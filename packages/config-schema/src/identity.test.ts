import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from './testing/example'

const PATH = ['security', 'identity', 'oidcProvider']

describe('security.identity.oidcProvider', () => {
  it('carries the ARN of the cluster’s IAM OIDC provider through to the resolved platform', () => {
    expect(resolveText(argentinaText()).security.identity?.oidcProvider).toBe(
      'arn:aws:iam::123456789012:oidc-provider/oidc.eks.sa-east-1.amazonaws.com/id/5C8A2E0F3B7D4A1E9F6C0B2D8E4A7F13',
    )
  })

  it('is optional: without it the bundle has no IAM roles, and the config is still valid', () => {
    expect(errorsAfter([['security', 'identity'], undefined])).toEqual([])
  })

  it.each([
    'oidc.eks.sa-east-1.amazonaws.com/id/ABC', // the issuer, not the provider ARN
    'arn:aws:iam::12345:oidc-provider/oidc.eks.sa-east-1.amazonaws.com/id/ABC', // no 12-digit account
    'arn:aws:iam::123456789012:role/oidc.eks.sa-east-1.amazonaws.com/id/ABC', // a role, not a provider
    'arn:aws:iam::123456789012:oidc-provider/oidc.eks.sa-east-1.amazonaws.com', // no issuer path
  ])('refuses %s, at its path, with what to write instead', (value) => {
    const [first] = diagnosticsOf(edit(argentinaText(), [PATH, value]))
    expect(first).toMatchObject({ path: 'security.identity.oidcProvider', severity: 'error' })
    expect(first?.message).toContain('arn:aws:iam::<12-digit account>:oidc-provider/')
  })

  it('refuses a key it does not know', () => {
    expect(errorsAfter([['security', 'identity', 'oidcIssuer'], 'x'])).toEqual([
      expect.stringMatching(/ security\.identity\.oidcIssuer$/),
    ])
  })
})

describe('dataStores.redis.encryptionInTransit', () => {
  it('must be true: the AUTH token never crosses the network in clear', () => {
    const [first] = diagnosticsOf(
      edit(argentinaText(), [['dataStores', 'redis', 'encryptionInTransit'], false]),
    )
    expect(first).toMatchObject({ path: 'dataStores.redis.encryptionInTransit', severity: 'error' })
    expect(first?.message).toContain('expected true')
  })
})
