import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatform, type Platform } from '../src/platform'
import { createEnv, type Env, exampleText, resolveText } from './harness'

// Breach notification clocks on a real PostgreSQL: the example (AR with a 72 h internal target, BR)
// with GDPR declared too, so each jurisdiction's clock runs once.
let env: Env
let platform: Platform | undefined
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await platform?.close()
  platform = undefined
  await env.cleanup()
})

const withEu = () =>
  resolveText(exampleText().replace('jurisdictions: [AR, BR]', 'jurisdictions: [AR, BR, EU]'))

describe('incidents.openBreach', () => {
  it('computes each jurisdiction’s clock, records the breach in the audit chain and reports the time left', async () => {
    const config = withEu()
    expect(config.jurisdictions.map((j) => j.code)).toEqual(['AR', 'BR', 'EU'])
    // Aware on Thursday 2 April 2026 at 10:00 in Buenos Aires and São Paulo (13:00Z); Friday 3 April
    // is Good Friday in Brazil, so three business days end on Wednesday 8 April, not Tuesday 7.
    const awareAt = new Date('2026-04-02T13:00:00Z')
    let now = new Date('2026-04-02T14:00:00Z')
    const reported: unknown[] = []
    platform = await createPlatform({
      config,
      vertical: 'barber',
      pg: env.pool,
      redis: env.redis,
      schema: env.schema,
      keyPrefix: env.prefix,
      clock: () => now,
      metrics: { breachNotifications: (pending) => reported.push(pending) },
    })
    await platform.migrate()
    const breach = await platform.incidents.openBreach({
      summary: 'Backup bucket readable',
      awareAt,
      actor: 'ciso',
    })
    const clock = (j: string, to: string) =>
      breach.notifications.find((n) => n.jurisdiction === j && n.to === to)
    // Argentina: no statutory deadline (AAIP Res. 47/2018 recommends); the configured 72 h target binds.
    expect(clock('AR', 'authority')).toMatchObject({
      legalDueAt: null,
      dueAt: '2026-04-05T13:00:00.000Z',
      source: expect.stringContaining('AAIP Resolución 47/2018'),
    })
    // Brazil: three business days in São Paulo's calendar, to the ANPD and to the subjects.
    expect(clock('BR', 'authority')).toMatchObject({
      legalDueAt: '2026-04-08T13:00:00.000Z',
      dueAt: '2026-04-08T13:00:00.000Z',
      addressee: expect.stringContaining('ANPD'),
    })
    expect(clock('BR', 'subjects')?.dueAt).toBe('2026-04-08T13:00:00.000Z')
    // GDPR: 72 hours to the supervisory authority; subjects "without undue delay" (no fixed clock).
    expect(clock('EU', 'authority')).toMatchObject({ legalDueAt: '2026-04-05T13:00:00.000Z' })
    expect(clock('EU', 'subjects')).toMatchObject({ legalDueAt: null, dueAt: null })

    // The audit chain holds the breach and its deadlines, and still verifies.
    const { rows } = await env.pool.query(
      `SELECT type, actor, data FROM "${env.schema}".audit_entries WHERE type LIKE 'incident.breach.%' ORDER BY seq`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      type: 'incident.breach.opened',
      actor: 'ciso',
      data: { breachId: breach.id },
    })
    expect(rows[0].data.notifications).toHaveLength(5)

    // Time left, per clock, earliest first; a notification sent stops its clock.
    expect(reported.at(-1)).toEqual([
      { jurisdiction: 'AR', to: 'authority', secondsLeft: 71 * 3600 },
      { jurisdiction: 'EU', to: 'authority', secondsLeft: 71 * 3600 },
      { jurisdiction: 'BR', to: 'authority', secondsLeft: 143 * 3600 },
      { jurisdiction: 'BR', to: 'subjects', secondsLeft: 143 * 3600 },
    ])
    now = new Date('2026-04-05T14:00:00Z')
    await platform.incidents.notified(breach.id, { jurisdiction: 'EU', to: 'authority', actor: 'dpo' })
    expect(reported.at(-1)).toEqual([
      { jurisdiction: 'AR', to: 'authority', secondsLeft: -3600 },
      { jurisdiction: 'BR', to: 'authority', secondsLeft: 71 * 3600 },
      { jurisdiction: 'BR', to: 'subjects', secondsLeft: 71 * 3600 },
    ])
    await platform.incidents.close(breach.id, 'ciso')
    expect(await platform.incidents.refresh()).toEqual([])
    expect(reported.at(-1)).toEqual([])
    expect(await platform.audit.verify()).toMatchObject({ ok: true })
  })

  it('refuses a breach without a summary or one the controller cannot have known of yet', async () => {
    platform = await env.platform('barber')
    await expect(platform.incidents.openBreach({ summary: ' ', actor: 'ciso' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    await expect(
      platform.incidents.openBreach({
        summary: 'x',
        awareAt: new Date(Date.now() + 86_400_000),
        actor: 'ciso',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'awareAt is in the future' })
  })
})
