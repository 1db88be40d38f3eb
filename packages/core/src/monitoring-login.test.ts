import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { monitoringLogin, scramVerifier } from './monitoring-login'

// RFC 7677's SCRAM-SHA-256 exchange (user "user", password "pencil"): a verifier built from its salt
// must reproduce the server's signature and accept the client's proof.
const SALT = 'W22ZaJ0SNY7soEsUEjb6gQ=='
const NONCE = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0'
const AUTH_MESSAGE = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${NONCE},s=${SALT},i=4096,c=biws,r=${NONCE}`

describe('scramVerifier', () => {
  it('writes PostgreSQL’s format, and its keys answer RFC 7677’s exchange', () => {
    const verifier = scramVerifier('pencil', Buffer.from(SALT, 'base64'))
    const match = /^SCRAM-SHA-256\$4096:([^$]+)\$([^:]+):(.+)$/.exec(verifier)
    expect(match?.[1]).toBe(SALT)
    const storedKey = Buffer.from(match?.[2] ?? '', 'base64')
    const serverKey = Buffer.from(match?.[3] ?? '', 'base64')
    expect(createHmac('sha256', serverKey).update(AUTH_MESSAGE).digest('base64')).toBe(
      '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
    )
    const signature = createHmac('sha256', storedKey).update(AUTH_MESSAGE).digest()
    const proof = Buffer.from('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=', 'base64')
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ (signature[i] ?? 0)))
    expect(createHash('sha256').update(clientKey).digest()).toEqual(storedKey)
  })

  it('salts every verifier anew', () => {
    expect(scramVerifier('pencil')).not.toBe(scramVerifier('pencil'))
  })
})

describe('monitoringLogin', () => {
  it('reads the role and the password of the exporter’s URL', () => {
    expect(
      monitoringLogin('postgresql://verticals_monitor:p%40ss@db:5432/postgres?sslmode=verify-full'),
    ).toEqual({ role: 'verticals_monitor', password: 'p@ss' })
  })

  it.each([
    ['not a URL', 'verticals_monitor:secret'],
    ['no password', 'postgresql://verticals_monitor@db/postgres'],
    ['a quoted role', 'postgresql://%22Admin%22:x@db/postgres'],
  ])('refuses %s', (_what, url) => {
    expect(() => monitoringLogin(url)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})
