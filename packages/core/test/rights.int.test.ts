import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PORTABILITY_FORMAT } from '../src/index'
import { createEnv, type Env, VERIFIED } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const SUBJECT = 'client-5521'
const evidence = { collectedBy: 'web', method: 'checkbox' }

describe('identity verification of data-subject requests', () => {
  it('refuses a request without a verification record, or with an incomplete one, with a clear error', async () => {
    const platform = await env.platform('barber')
    const open = (verification: unknown) =>
      platform.dsr.open({ subjectId: SUBJECT, kind: 'erasure', verification } as never)
    await expect(open(undefined)).rejects.toMatchObject({
      code: 'IDENTITY_NOT_VERIFIED',
      message: "an erasure request needs a record of how the requester's identity was verified",
      hint: expect.stringMatching(/verification: \{ method, verifier, evidenceRef \}/),
    })
    await expect(open({ method: 'session', verifier: ' ' })).rejects.toMatchObject({
      code: 'IDENTITY_NOT_VERIFIED',
      message: 'the identity verification of an erasure request lacks verifier, evidenceRef',
    })
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM "${env.schema}".dsr_requests`)
    expect(rows[0].n).toBe(0)
  })

  it('asks the pluggable verifier, and keeps the record with the request and in its audit proof', async () => {
    const seen: unknown[] = []
    const platform = await env.platform('barber', {
      identityVerifier: ({ subjectId, kind, verification }) => {
        seen.push({ subjectId, kind, verification })
        return verification.method === 'document'
          ? { verified: true }
          : { verified: false, reason: 'only a document check proves identity for this service' }
      },
    })
    await expect(
      platform.dsr.open({ subjectId: SUBJECT, kind: 'access', verification: VERIFIED }),
    ).rejects.toMatchObject({
      code: 'IDENTITY_NOT_VERIFIED',
      message:
        'the identity verification of an access request was refused: only a document check proves identity for this service',
    })
    const verification = { method: 'document', verifier: 'staff-12', evidenceRef: 'kyc-check-981' }
    const request = await platform.dsr.open({ subjectId: SUBJECT, kind: 'access', verification })
    expect(request.verification).toEqual(verification)
    expect(seen).toEqual([
      { subjectId: SUBJECT, kind: 'access', verification: VERIFIED },
      { subjectId: SUBJECT, kind: 'access', verification },
    ])
    const proof = await env.pool.query(
      `SELECT data FROM "${env.schema}".audit_entries WHERE type = 'dsr.access.opened'`,
    )
    expect(proof.rows[0].data.verification).toEqual(verification)
  })
})

describe('portability, restriction and objection', () => {
  it('exports the subject’s data in the documented machine-readable format', async () => {
    const platform = await env.platform('barber')
    await platform.records.insert({ dataClass: 'user-profiles', subjectId: SUBJECT, data: { name: 'Ana' } })
    await platform.records.insert({ dataClass: 'bookings', subjectId: SUBJECT, data: { provider: 'p1' } })
    await platform.records.insert({ dataClass: 'bookings', subjectId: 'other', data: { provider: 'p2' } })
    await platform.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })
    const request = await platform.dsr.open({
      subjectId: SUBJECT,
      kind: 'portability',
      verification: VERIFIED,
    })
    // Portability is a form of access: it counts by the access deadlines.
    expect(request.dueAt.getTime() - request.openedAt.getTime()).toBe(env.config.dsr.deadlines.access * 1000)
    const { portable, request: closed } = await platform.dsr.fulfil(request.id)
    expect(closed.status).toBe('fulfilled')
    const json = JSON.parse(JSON.stringify(portable))
    expect(json).toMatchObject({
      format: PORTABILITY_FORMAT,
      // The registry number is the regulator's business, not the subject's: the export names whom to ask.
      controller: {
        name: env.config.metadata.controller.name,
        country: env.config.metadata.controller.country,
        contact: env.config.metadata.controller.contact,
        dpo: env.config.metadata.controller.dpo,
      },
      platform: 'turnos',
      vertical: 'barber',
      subjectId: SUBJECT,
      exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      consents: [{ purpose: 'marketing', action: 'grant', textVersion: '2026-01' }],
    })
    expect(Object.keys(json.controller).sort()).toEqual(['contact', 'country', 'dpo', 'name'])
    expect(json.dataClasses.map((c: { name: string }) => c.name)).toEqual(['bookings', 'user-profiles'])
    expect(json.dataClasses[0]).toMatchObject({
      category: 'user.behavior',
      records: [{ data: { provider: 'p1' }, createdAt: expect.any(String), updatedAt: expect.any(String) }],
    })
    expect(JSON.stringify(json)).not.toMatch(/"id"|digest|p2/)
  })

  it('a restriction makes check deny every purpose and keeps the subject out of the cache until lifted', async () => {
    const platform = await env.platform('barber', { consentCacheTtl: 600 })
    await platform.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })
    expect(await platform.consent.check(SUBJECT, 'marketing')).toMatchObject({ allowed: true })
    await platform.cache.wrap('user-profiles', SUBJECT, async () => ({ name: 'Ana' }), { subjectId: SUBJECT })
    const request = await platform.dsr.open({
      subjectId: SUBJECT,
      kind: 'restriction',
      verification: VERIFIED,
    })
    const { restriction } = await platform.dsr.fulfil(request.id)
    expect(restriction).toMatchObject({ kind: 'restriction', purposes: null, requestId: request.id })

    // Denied from the cache (overwritten at once) and from PostgreSQL, whatever the legal basis.
    for (const purpose of ['marketing', 'booking'])
      expect(await platform.consent.check(SUBJECT, purpose)).toEqual({
        allowed: false,
        reason: 'restricted',
        expiresAt: null,
      })
    await env.redis.del(...(await env.keys()).filter((k) => k.includes('~consent:')))
    expect(await platform.consent.check(SUBJECT, 'marketing')).toMatchObject({ reason: 'restricted' })
    // A new grant does not lift it.
    await platform.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })
    expect(await platform.consent.check(SUBJECT, 'marketing')).toMatchObject({ reason: 'restricted' })

    // wrap() still serves the loader's value but stores nothing about the subject.
    let loads = 0
    const load = async () => {
      loads += 1
      return { name: 'Ana' }
    }
    await platform.cache.wrap('user-profiles', SUBJECT, load, { subjectId: SUBJECT })
    await platform.cache.wrap('user-profiles', SUBJECT, load, { subjectId: SUBJECT })
    expect(loads).toBe(2)
    expect((await env.keys()).filter((k) => k.includes(':user-profiles:'))).toEqual([])

    expect(await platform.restrictions.active(SUBJECT)).toHaveLength(1)
    expect(await platform.restrictions.lift(SUBJECT)).toBe(1)
    expect(await platform.consent.check(SUBJECT, 'marketing')).toMatchObject({
      allowed: true,
      reason: 'granted',
    })
    expect(await platform.consent.check(SUBJECT, 'booking')).toMatchObject({
      allowed: true,
      reason: 'legal-basis',
    })
    await platform.cache.wrap('user-profiles', SUBJECT, load, { subjectId: SUBJECT })
    await platform.cache.wrap('user-profiles', SUBJECT, load, { subjectId: SUBJECT })
    expect(loads).toBe(3)
  })

  it('an objection denies only the purposes objected to', async () => {
    const platform = await env.platform('barber')
    await platform.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })
    const request = await platform.dsr.open({ subjectId: SUBJECT, kind: 'objection', verification: VERIFIED })
    await expect(platform.dsr.fulfil(request.id, { purposes: ['marketting'] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    await platform.dsr.fulfil(request.id, { purposes: ['marketing'] })
    expect(await platform.consent.check(SUBJECT, 'marketing')).toMatchObject({
      allowed: false,
      reason: 'objected',
    })
    expect(await platform.consent.check(SUBJECT, 'booking')).toMatchObject({
      allowed: true,
      reason: 'legal-basis',
    })
  })
})
