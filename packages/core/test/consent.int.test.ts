import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { consentQueries } from '../src/consent/queries'
import type { ConsentResult } from '../src/index'
import { createEnv, type Env } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const evidence = { collectedBy: 'web-signup', method: 'checkbox' }

describe('consent', () => {
  it('refuses a grant without evidence of who collected it and how, in the code and in the table', async () => {
    const platform = await env.platform('barber')
    for (const bad of [{}, { collectedBy: 'web' }, { collectedBy: ' ', method: 'checkbox' }]) {
      await expect(
        platform.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence: bad as typeof evidence }),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('consent evidence lacks'),
      })
    }
    const error = await env.pool
      .query(
        `INSERT INTO "${env.schema}".consent_events (vertical, subject_id, purpose, action, explicit, text_version, evidence, audit_record_class, audit_seq)
         VALUES ('barber', 'ana', 'marketing', 'grant', false, 'v1', '{}', 'consent', 99)`,
      )
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ constraint: 'consent_events_evidence' })
  })

  it('answers text-changed for grants under an older text when the purpose asks for re-consent', async () => {
    const purposes = {
      ...env.config.consent.purposes,
      marketing: {
        ...(env.config.consent.purposes.marketing as NonNullable<
          typeof env.config.consent.purposes.marketing
        >),
        reconsentOnTextChange: true,
      },
    }
    const v1 = { ...env.config, consent: { ...env.config.consent, purposes } }
    const v2 = { ...v1, consent: { ...v1.consent, textVersion: '2027-01' } }
    const before = await env.platform('barber', { config: v1 })
    await before.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence })
    expect(await before.consent.check('ana', 'marketing')).toMatchObject({ allowed: true, reason: 'granted' })
    const after = await env.platform('barber', { config: v2 })
    expect(await after.consent.check('ana', 'marketing')).toMatchObject({
      allowed: false,
      reason: 'text-changed',
    })
    await after.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence })
    expect(await after.consent.check('ana', 'marketing')).toMatchObject({ allowed: true, reason: 'granted' })
    // A purpose without the flag keeps older grants.
    await after.consent.grant({ subjectId: 'bo', purpose: 'booking', evidence })
    expect((await before.consent.check('bo', 'booking')).allowed).toBe(true)
  })

  it('derives the current state from the ledger: none, granted, withdrawn', async () => {
    const platform = await env.platform('barber')
    expect(await platform.consent.check('ana', 'marketing')).toEqual({
      allowed: false,
      reason: 'none',
      expiresAt: null,
    })
    const grant = await platform.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence })
    const validity = env.config.consent.purposes.marketing?.validity ?? 0
    expect(grant.status).toBe('granted')
    const decision = await platform.consent.check('ana', 'marketing')
    expect(decision).toEqual({ allowed: true, reason: 'granted', expiresAt: grant.expiresAt })
    expect(Math.round(((grant.expiresAt?.getTime() ?? 0) - Date.now()) / 1000)).toBeGreaterThan(validity - 5)
    await platform.consent.withdraw({ subjectId: 'ana', purpose: 'marketing' })
    expect(await platform.consent.check('ana', 'marketing')).toMatchObject({
      allowed: false,
      reason: 'withdrawn',
    })
    const { rows } = await env.pool.query(
      `SELECT action, text_version, evidence FROM "${env.schema}".consent_events ORDER BY id`,
    )
    expect(rows).toEqual([
      {
        action: 'grant',
        text_version: env.config.consent.textVersion,
        evidence: { ...evidence, textVersion: env.config.consent.textVersion },
      },
      {
        action: 'withdraw',
        text_version: env.config.consent.textVersion,
        evidence: { collectedBy: 'ana', method: 'withdrawal', textVersion: env.config.consent.textVersion },
      },
    ])
  })

  it('makes a withdrawal visible to the very next check, even with a warm cache', async () => {
    const platform = await env.platform('barber', { consentCacheTtl: 3600 })
    const other = await env.platform('barber', { consentCacheTtl: 3600 })
    await platform.consent.grant({ subjectId: 'bo', purpose: 'marketing', evidence })
    // Warm the cache on both instances and prove it is used (the key exists).
    expect((await platform.consent.check('bo', 'marketing')).allowed).toBe(true)
    expect((await other.consent.check('bo', 'marketing')).allowed).toBe(true)
    expect(await env.redis.get(`${env.prefix}turnos:barber:~consent:marketing:bo`)).toMatch(/^g:\d+;2026-01$/)
    await other.consent.withdraw({ subjectId: 'bo', purpose: 'marketing' })
    expect(await platform.consent.check('bo', 'marketing')).toMatchObject({
      allowed: false,
      reason: 'withdrawn',
    })
    expect(await other.consent.check('bo', 'marketing')).toMatchObject({
      allowed: false,
      reason: 'withdrawn',
    })
  })

  it('expires grants after the purpose validity and renews them by granting again', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const platform = await env.platform('barber', { clock: () => now })
    await platform.consent.grant({ subjectId: 'cy', purpose: 'marketing', evidence })
    const validity = (env.config.consent.purposes.marketing?.validity ?? 0) * 1000
    expect(await platform.consent.expiring(30 * 86_400)).toEqual([])
    now = new Date(now.getTime() + validity - 86_400_000)
    expect((await platform.consent.expiring(30 * 86_400)).map((e) => e.subjectId)).toEqual(['cy'])
    now = new Date(now.getTime() + 2 * 86_400_000)
    expect(await platform.consent.check('cy', 'marketing')).toMatchObject({
      allowed: false,
      reason: 'expired',
    })
    await platform.consent.grant({ subjectId: 'cy', purpose: 'marketing', evidence })
    expect(await platform.consent.check('cy', 'marketing')).toMatchObject({
      allowed: true,
      reason: 'granted',
    })
  })

  it('answers expiring() from its partial index, not by reading every consent of the vertical', async () => {
    await env.platform('barber')
    // 20,000 subjects across four verticals, one in four withdrawn: a table where a scan shows.
    const s = `"${env.schema}"`
    await env.pool.query(
      `WITH e AS (
         INSERT INTO ${s}.consent_events (vertical, subject_id, purpose, action, explicit, text_version, evidence,
           expires_at, created_at, audit_record_class, audit_seq)
         SELECT (ARRAY['barber', 'beauty', 'fitness', 'psychology'])[1 + i % 4], 's' || i, 'marketing',
                CASE WHEN i % 4 = 0 THEN 'withdraw' ELSE 'grant' END, false, 'v1',
                '{"collectedBy": "web", "method": "checkbox", "textVersion": "v1"}',
                now() + (1 + i % 730) * interval '1 day', now(), 'consent', i
         FROM generate_series(1, 20000) AS i
         RETURNING id, vertical, subject_id, action, expires_at, created_at)
       INSERT INTO ${s}.consent_state
         (vertical, subject_id, purpose, status, explicit, text_version, expires_at, event_id, updated_at)
       SELECT vertical, subject_id, 'marketing', CASE WHEN action = 'withdraw' THEN 'withdrawn' ELSE 'granted' END,
              false, 'v1', expires_at, id, created_at FROM e`,
    )
    await env.pool.query(`ANALYZE "${env.schema}".consent_state`)
    const { text } = consentQueries(`"${env.schema}"`).expiring
    const plan = await env.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, [
      'barber',
      new Date(),
      new Date(Date.now() + 30 * 86_400_000),
      100,
    ])
    const lines = plan.rows.map((row) => row['QUERY PLAN']).join('\n')
    expect(lines).toContain('consent_state_expiring_idx')
    expect(lines).not.toMatch(/Seq Scan/)
  })

  it('requires explicit consent for special-category purposes and never caches their decisions', async () => {
    const platform = await env.platform('psychology')
    await expect(
      platform.consent.grant({ subjectId: 'di', purpose: 'health-care', evidence }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await platform.consent.grant({
      subjectId: 'di',
      purpose: 'health-care',
      evidence: { ...evidence, method: 'signed-form' },
      explicit: true,
    })
    expect(await platform.consent.check('di', 'health-care')).toMatchObject({
      allowed: true,
      reason: 'granted',
    })
    expect(await env.keys()).toEqual([])
  })

  it('allows purposes based on another legal basis and rejects purposes the vertical does not use', async () => {
    const platform = await env.platform('psychology')
    expect(await platform.consent.check('ed', 'booking')).toEqual({
      allowed: true,
      reason: 'legal-basis',
      expiresAt: null,
    })
    await expect(platform.consent.check('ed', 'marketing')).rejects.toMatchObject({ code: 'PURPOSE_UNKNOWN' })
  })

  it('fails closed: denies with reason unavailable when PostgreSQL is unreachable', async () => {
    const results: string[] = []
    const metrics = {
      consentCheck: (purpose: string, result: ConsentResult) => results.push(`${purpose}:${result}`),
    }
    // A pool pointed at a closed port: PostgreSQL cannot answer.
    const platform = await env.platform('psychology')
    await platform.consent.grant({ subjectId: 'fa', purpose: 'health-care', evidence, explicit: true })
    const { createPlatform } = await import('../src/platform')
    const down = await createPlatform({
      config: env.config,
      vertical: 'psychology',
      pg: 'postgres://postgres@127.0.0.1:1/test',
      redis: env.redis,
      schema: env.schema,
      keyPrefix: env.prefix,
      metrics,
    })
    expect(await down.consent.check('fa', 'health-care')).toEqual({
      allowed: false,
      reason: 'unavailable',
      expiresAt: null,
    })
    expect(results).toEqual(['health-care:error'])
    await down.close()
  })

  it('fails closed when PostgreSQL is too slow to answer', async () => {
    const platform = await env.platform('psychology', { consentTimeoutMs: 50 })
    // Every connection of the pool is busy, so the check's query cannot start in time.
    const busy = await Promise.all(Array.from({ length: env.pool.options.max }, () => env.pool.connect()))
    try {
      const started = performance.now()
      expect(await platform.consent.check('gi', 'health-care')).toMatchObject({
        allowed: false,
        reason: 'unavailable',
      })
      expect(performance.now() - started).toBeLessThan(1500)
    } finally {
      for (const c of busy) c.release()
    }
  })
})
