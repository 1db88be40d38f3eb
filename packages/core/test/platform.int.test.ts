import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatform } from '../src/index'
import { createEnv, type Env, PG_URL, REDIS_URL } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

describe('createPlatform', () => {
  it('refuses a vertical that is not declared, or not enabled', async () => {
    const base = { config: env.config, pg: env.pool, redis: env.redis }
    await expect(createPlatform({ ...base, vertical: 'dentist' })).rejects.toMatchObject({
      code: 'VERTICAL_UNKNOWN',
    })
    const barber = env.config.verticals.barber
    if (barber === undefined) throw new Error('example has no barber vertical')
    const disabled = {
      ...env.config,
      verticals: { ...env.config.verticals, barber: { ...barber, enabled: false } },
    }
    await expect(createPlatform({ ...base, config: disabled, vertical: 'barber' })).rejects.toMatchObject({
      code: 'VERTICAL_DISABLED',
    })
    await expect(createPlatform({ ...base, vertical: 'barber', schema: 'Bad-Name' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })

  it('opens and closes its own connections from a connection string and a URL', async () => {
    const platform = await createPlatform({
      config: env.config,
      vertical: 'fitness',
      pg: PG_URL,
      redis: REDIS_URL,
      schema: env.schema,
      keyPrefix: env.prefix,
    })
    expect((await platform.migrate()).applied.length).toBeGreaterThan(0)
    expect(await platform.cache.wrap('api-responses', 'x', async () => 42, { subjectId: null })).toBe(42)
    expect(await env.redis.get(`${env.prefix}turnos:fitness:api-responses:x`)).toBe('42')
    await platform.close()
    await platform.close()
  })

  it('commits queued audit appends before close() returns', async () => {
    const platform = await env.platform('barber')
    const pending = Array.from({ length: 50 }, (_, i) =>
      platform.audit.append({ type: 'deploy', actor: 'ci', data: { i } }),
    )
    await platform.close()
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM "${env.schema}".audit_entries`)
    expect(rows[0].n).toBe(50)
    expect((await Promise.all(pending)).map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    )
  })

  it('lets several verticals share one schema without seeing each other’s data', async () => {
    const barber = await env.platform('barber')
    const beauty = await env.platform('beauty')
    await barber.consent.grant({
      subjectId: 's',
      purpose: 'marketing',
      evidence: { collectedBy: 'x', method: 'checkbox' },
    })
    expect((await barber.consent.check('s', 'marketing')).allowed).toBe(true)
    expect((await beauty.consent.check('s', 'marketing')).allowed).toBe(false)
    await barber.audit.append({ type: 'deploy', actor: 'ci' })
    expect(await beauty.audit.verify()).toEqual({ ok: true, checked: 0 })
    // The deploy entry and the entry that chains the consent grant.
    expect(await barber.audit.verify()).toEqual({ ok: true, checked: 2 })
  })
})
