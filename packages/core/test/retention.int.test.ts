import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Platform } from '../src/index'
import { createEnv, type Env } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const YEAR = 365 * 86_400_000
const yearsAgo = (n: number) => new Date(Date.now() - n * YEAR)

// Writes through platforms whose clocks are set in the past, so rows are old for real (the audit hash
// covers created_at, which a test must not forge).
async function seed(): Promise<{ now: Platform; ids: Record<string, string> }> {
  const at = async (years: number) => env.platform('barber', { clock: () => yearsAgo(years) })
  const old6 = await at(6)
  const old3 = await at(3)
  const old11 = await at(11)
  const now = await env.platform('barber')
  const ids: Record<string, string> = {}
  for (const [name, p] of [
    ['old6', old6],
    ['old3', old3],
  ] as const) {
    await p.audit.append({
      type: 'authentication.login',
      actor: `${name}-a`,
      subjectId: `${name}-a`,
      data: {},
    })
    await p.audit.append({
      type: 'authentication.login',
      actor: `${name}-b`,
      subjectId: 'held-subject',
      data: {},
    })
    await p.audit.append({
      type: 'authentication.login',
      actor: `${name}-c`,
      subjectId: `${name}-c`,
      data: {},
    })
  }
  await now.audit.append({ type: 'authentication.login', actor: 'fresh', subjectId: 'fresh', data: {} })
  ids.bookingOld = (
    await old3.records.insert({
      dataClass: 'bookings',
      subjectId: 'ana',
      data: { provider: 'p1', note: 'x' },
    })
  ).id
  ids.bookingNew = (
    await now.records.insert({ dataClass: 'bookings', subjectId: 'ana', data: { provider: 'p2' } })
  ).id
  ids.payOld = (
    await old11.records.insert({
      dataClass: 'payments',
      subjectId: 'ana',
      data: { cardLast4: '4242', payerDocument: '20-1' },
    })
  ).id
  ids.payHeldRecord = (
    await old11.records.insert({ dataClass: 'payments', subjectId: 'bo', data: { cardLast4: '1111' } })
  ).id
  ids.payHeldSubject = (
    await old11.records.insert({
      dataClass: 'payments',
      subjectId: 'held-subject',
      data: { cardLast4: '2222' },
    })
  ).id
  ids.payNew = (
    await now.records.insert({ dataClass: 'payments', subjectId: 'ana', data: { cardLast4: '9999' } })
  ).id
  await old6.consent.grant({
    subjectId: 'ana',
    purpose: 'marketing',
    evidence: { collectedBy: 'web', method: 'checkbox' },
  })
  await now.consent.grant({
    subjectId: 'bo',
    purpose: 'marketing',
    evidence: { collectedBy: 'web', method: 'checkbox' },
  })
  await now.holds.place({ subjectId: 'held-subject' }, 'litigation 2026-17')
  await now.holds.place({ table: 'personal_records', recordId: ids.payHeldRecord }, 'tax audit')
  return { now, ids }
}

const byClass = (report: Awaited<ReturnType<Platform['retention']['run']>>, name: string) =>
  report.classes.find((c) => c.recordClass === name)

const KEY = 'retention-test-key-0123456789abcdef'

describe('retention', () => {
  it('reports what is due in a dry run and changes nothing', async () => {
    const { now } = await seed()
    const report = await now.retention.run({ dryRun: true })
    expect(report.dryRun).toBe(true)
    expect(byClass(report, 'authentication')).toMatchObject({ due: 2, purged: 0, held: 1 })
    expect(byClass(report, 'financial')).toMatchObject({ due: 1, purged: 0, held: 2 })
    expect(byClass(report, 'bookings')).toMatchObject({ action: 'anonymize', due: 1, purged: 0, held: 0 })
    // Ana's expired state and the chain entry of her grant; the event itself becomes due once both are gone.
    expect(byClass(report, 'consent')).toMatchObject({ due: 2, purged: 0 })
    const { rows } = await env.pool.query(
      `SELECT count(*)::int AS n FROM "${env.schema}".audit_entries WHERE record_class = 'authentication'`,
    )
    expect(rows[0].n).toBe(7)
  })

  it('purges exactly the expired rows, keeps held ones, and the audit chain still verifies', async () => {
    const { now, ids } = await seed()
    const report = await now.retention.run()
    expect(byClass(report, 'authentication')).toMatchObject({ due: 2, purged: 2, held: 1 })
    expect(byClass(report, 'financial')).toMatchObject({ due: 1, purged: 1, held: 2 })
    expect(byClass(report, 'bookings')).toMatchObject({ due: 1, purged: 1 })
    // Ana's grant: its chain entry (under a checkpoint), her expired state, then the event.
    expect(byClass(report, 'consent')).toMatchObject({ due: 3, purged: 3 })
    expect(report.complete).toBe(true)

    const s = `"${env.schema}"`
    const audit = await env.pool.query(
      `SELECT seq, actor FROM ${s}.audit_entries WHERE record_class = 'authentication' ORDER BY seq`,
    )
    expect(audit.rows.map((r) => r.actor)).toEqual(['old6-b', 'old3-a', 'old3-b', 'old3-c', 'fresh'])
    const checkpoints = await env.pool.query(
      `SELECT from_seq, to_seq, purged FROM ${s}.audit_checkpoints WHERE record_class = 'authentication' ORDER BY from_seq`,
    )
    expect(checkpoints.rows).toEqual([
      { from_seq: '1', to_seq: '1', purged: '1' },
      { from_seq: '3', to_seq: '3', purged: '1' },
    ])
    expect(await now.audit.verify()).toMatchObject({ ok: true })

    const records = await env.pool.query(
      `SELECT id::text, subject_id, data, anonymized_at IS NOT NULL AS anon FROM ${s}.personal_records ORDER BY id`,
    )
    const byId = new Map(records.rows.map((r) => [r.id, r]))
    expect(byId.has(ids.payOld as string)).toBe(false)
    expect(byId.has(ids.payHeldRecord as string)).toBe(true)
    expect(byId.has(ids.payHeldSubject as string)).toBe(true)
    expect(byId.has(ids.payNew as string)).toBe(true)
    expect(byId.get(ids.bookingOld as string)).toMatchObject({ subject_id: null, anon: true })
    expect(byId.get(ids.bookingNew as string)).toMatchObject({ subject_id: 'ana', anon: false })
    const consent = await env.pool.query(
      `SELECT subject_id FROM ${s}.consent_events UNION ALL SELECT subject_id FROM ${s}.consent_state`,
    )
    expect(consent.rows.map((r) => r.subject_id)).toEqual(['bo', 'bo'])

    // Idempotent: a second run finds nothing more, and both runs are in the audit log and the run table.
    const again = await now.retention.run()
    expect(again.classes.reduce((n, c) => n + c.purged, 0)).toBe(0)
    const runs = await env.pool.query(
      `SELECT count(*)::int AS n FROM ${s}.audit_entries WHERE type = 'retention.run'`,
    )
    expect(runs.rows[0].n).toBe(2)
    expect(await now.audit.verify()).toMatchObject({ ok: true })
  })

  it('works in bounded batches and resumes where a stopped run left off', async () => {
    const old = await env.platform('barber', { clock: () => yearsAgo(3) })
    const now = await env.platform('barber')
    for (let i = 0; i < 25; i += 1)
      await old.audit.append({ type: 'system.tick', actor: 'cron', data: { i } })
    const small = { ...env.config, retention: { ...env.config.retention, batchSize: 10 } }
    const stepper = await env.platform('barber', { config: small })
    const first = await stepper.retention.run({ maxBatches: 1, recordClasses: ['system'] })
    expect(first).toMatchObject({ complete: false })
    expect(byClass(first, 'system')).toMatchObject({ due: 25, purged: 10 })
    expect(await now.audit.verify()).toMatchObject({ ok: true })
    const second = await stepper.retention.run({ recordClasses: ['system'] })
    expect(byClass(second, 'system')).toMatchObject({ due: 15, purged: 15 })
    const cps = await env.pool.query(
      `SELECT from_seq, to_seq, purged FROM "${env.schema}".audit_checkpoints WHERE record_class = 'system' ORDER BY from_seq`,
    )
    // One checkpoint per batch: the application role may only add checkpoints, never extend one.
    expect(cps.rows).toEqual([
      { from_seq: '1', to_seq: '10', purged: '10' },
      { from_seq: '11', to_seq: '20', purged: '10' },
      { from_seq: '21', to_seq: '25', purged: '5' },
    ])
    expect(await now.audit.verify()).toMatchObject({ ok: true })
  })

  it('detects a forged checkpoint', async () => {
    const old = await env.platform('barber', { clock: () => yearsAgo(3), auditKey: KEY })
    for (let i = 0; i < 3; i += 1) await old.audit.append({ type: 'system.tick', actor: 'cron', data: { i } })
    const now = await env.platform('barber', { auditKey: KEY })
    await now.retention.run({ recordClasses: ['system'] })
    expect(await now.audit.verify()).toMatchObject({ ok: true })
    // Claims fewer purged entries: consistent on its face (the constraints hold), but not what was signed.
    await env.pool.query(`UPDATE "${env.schema}".audit_checkpoints SET to_seq = 2, purged = 2`)
    expect((await now.audit.verify()).brokenAt).toEqual({
      recordClass: 'system',
      seq: 1,
      reason: 'checkpoint',
    })
  })
})
