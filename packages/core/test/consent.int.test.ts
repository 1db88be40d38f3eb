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
    expect(await env.redis.get(`${env.prefix}turnos:barber:~consent:marketing:bo`)).toMatch(/^g:\d+$/)
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
    await env.pool.query(
      `INSERT INTO "${env.schema}".consent_state
         (vertical, subject_id, purpose, status, explicit, text_version, expires_at, event_id, updated_at)
       SELECT (ARRAY['barber', 'beauty', 'fitness', 'psychology'])[1 + i % 4], 's' || i, 'marketing',
              CASE WHEN i % 4 = 0 THEN 'withdrawn' ELSE 'granted' END, false, 'v1',
              now() + (i % 730) * interval '1 day', i, now()
       FROM generate_series(1, 20000) AS i`,
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
