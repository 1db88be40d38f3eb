import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { idDigest, SubjectKey } from '../src/index'
import { silentLogger } from '../src/metrics'
import { createEnv, type Env, VERIFIED } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const SUBJECT = 'subject-7f3a'
// The tests' platforms use the development subject key; digests are keyed with it.
const digestOf = (id: string) => SubjectKey.resolve(undefined, silentLogger, 'test').digest(id)
const evidence = { collectedBy: 'web', method: 'checkbox' }

describe('data-subject requests', () => {
  it('computes deadlines from the strictest law and the internal target, and lists overdue requests', async () => {
    let now = new Date('2026-06-05T10:00:00Z') // a Friday
    const backlog: unknown[] = []
    const platform = await env.platform('barber', {
      clock: () => now,
      metrics: { dsrBacklog: (...args: unknown[]) => backlog.push(args) },
    })
    const erasure = await platform.dsr.open({ subjectId: SUBJECT, kind: 'erasure', verification: VERIFIED })
    expect(erasure).toMatchObject({ status: 'open', jurisdiction: 'AR', kind: 'erasure' })
    expect(erasure.dueAt).toEqual(new Date(now.getTime() + env.config.dsr.deadlines.erasure * 1000))
    expect(erasure.legalDueAt).toEqual(new Date('2026-06-12T10:00:00Z')) // 5 business days, weekend skipped
    const access = await platform.dsr.open({ subjectId: SUBJECT, kind: 'access', verification: VERIFIED })
    expect(access.dueAt).toEqual(new Date(now.getTime() + env.config.dsr.deadlines.access * 1000))
    expect(access.legalDueAt).toEqual(new Date('2026-06-15T10:00:00Z')) // AR 10 calendar days < BR 15
    expect(await platform.dsr.overdue()).toEqual([])
    now = new Date(now.getTime() + 25 * 3600_000)
    expect((await platform.dsr.overdue()).map((r) => r.id)).toEqual([erasure.id])
    expect(backlog).toContainEqual(['erasure', 1, 1, 25 * 3600])
    expect(backlog).toContainEqual(['access', 1, 0, 25 * 3600])
  })

  it('exports everything stored about the subject for an access request', async () => {
    const platform = await env.platform('barber')
    const profile = await platform.records.insert({
      dataClass: 'user-profiles',
      subjectId: SUBJECT,
      data: { name: 'Ana', email: 'a@x' },
    })
    await platform.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })
    await platform.audit.append({
      type: 'data-access.read',
      actor: 'operator-1',
      subjectId: SUBJECT,
      data: { record: profile.id },
    })
    const request = await platform.dsr.open({ subjectId: SUBJECT, kind: 'access', verification: VERIFIED })
    const { export: data, request: closed } = await platform.dsr.fulfil(request.id)
    expect(closed.status).toBe('fulfilled')
    expect(data?.records.map((r) => r.data)).toEqual([{ name: 'Ana', email: 'a@x' }])
    expect(data?.consent.current).toMatchObject([{ purpose: 'marketing', status: 'granted' }])
    expect(data?.consent.events).toHaveLength(1)
    expect(data?.audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['data-access.read', 'dsr.access.opened']),
    )
    expect(data?.requests.map((r) => r.id)).toEqual([request.id])
    expect(JSON.parse(JSON.stringify(data))).toMatchObject({ subjectId: SUBJECT, vertical: 'barber' })
  })

  it('rectifies fields of the subject’s records and drops their cached copies', async () => {
    const platform = await env.platform('barber')
    const profile = await platform.records.insert({
      dataClass: 'user-profiles',
      subjectId: SUBJECT,
      data: { name: 'Ana', email: 'old@x' },
    })
    await platform.cache.wrap('user-profiles', SUBJECT, async () => profile.data, { subjectId: SUBJECT })
    const request = await platform.dsr.open({
      subjectId: SUBJECT,
      kind: 'rectification',
      verification: VERIFIED,
    })
    const result = await platform.dsr.fulfil(request.id, {
      rectify: [{ recordId: profile.id, fields: { email: 'new@x' } }],
    })
    expect(result.rectified).toEqual([{ recordId: profile.id, fields: ['email'] }])
    expect((await platform.records.get(profile.id)).data).toEqual({ name: 'Ana', email: 'new@x' })
    expect(await env.keys()).toEqual([])
    const stranger = await platform.records.insert({
      dataClass: 'user-profiles',
      subjectId: 'someone-else',
      data: { name: 'B' },
    })
    const second = await platform.dsr.open({
      subjectId: SUBJECT,
      kind: 'rectification',
      verification: VERIFIED,
    })
    await expect(
      platform.dsr.fulfil(second.id, { rectify: [{ recordId: stranger.id, fields: { name: 'X' } }] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })

  it('erases the subject from every table and the cache but keeps the proof, and the chain verifies', async () => {
    const platform = await env.platform('barber', { consentCacheTtl: 600 })
    const s = `"${env.schema}"`
    await platform.records.insert({
      dataClass: 'user-profiles',
      subjectId: SUBJECT,
      data: { name: 'Ana', email: 'a@x', phone: '1' },
    })
    await platform.records.insert({ dataClass: 'bookings', subjectId: SUBJECT, data: { provider: 'p1' } })
    const other = await platform.records.insert({
      dataClass: 'bookings',
      subjectId: 'other',
      data: { provider: 'p1' },
    })
    await platform.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })
    await platform.consent.check(SUBJECT, 'marketing')
    await platform.cache.wrap('user-profiles', SUBJECT, async () => ({ name: 'Ana' }), { subjectId: SUBJECT })
    await platform.audit.append({
      type: 'authentication.login',
      actor: SUBJECT,
      subjectId: SUBJECT,
      data: { ip: '10.1.1.1' },
    })
    await platform.audit.append({
      type: 'data-access.read',
      actor: 'operator-1',
      subjectId: SUBJECT,
      data: { email: 'a@x' },
    })
    await platform.audit.append({
      type: 'data-access.read',
      actor: 'operator-1',
      subjectId: 'other',
      data: {},
    })
    const access = await platform.dsr.open({ subjectId: SUBJECT, kind: 'access', verification: VERIFIED })
    const request = await platform.dsr.open({ subjectId: SUBJECT, kind: 'erasure', verification: VERIFIED })
    expect((await env.keys()).length).toBeGreaterThanOrEqual(2)

    const { erased, request: closed } = await platform.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    expect(closed).toMatchObject({ status: 'fulfilled', subjectId: null })
    expect(erased?.personalRecords).toMatchObject({ deleted: 2, dataClasses: ['bookings', 'user-profiles'] })
    expect(erased?.personalRecords.fields).toEqual(['email', 'name', 'phone', 'provider'])
    expect(erased?.consent).toEqual({ events: 1, states: 1 })
    // The login, the read about them, and the entry that chained their consent grant.
    expect(erased?.auditEntriesRedacted).toBe(3)
    expect(erased?.cacheKeys).toBe(2)

    // No table holds the subject's id or personal values any more.
    for (const t of [
      'personal_records',
      'consent_events',
      'consent_state',
      'audit_entries',
      'dsr_requests',
      'legal_holds',
      'retention_runs',
    ]) {
      const { rows } = await env.pool.query(
        `SELECT count(*)::int AS n FROM ${s}.${t} x WHERE x::text LIKE $1 OR x::text LIKE '%a@x%' OR x::text LIKE '%10.1.1.1%'`,
        [`%${SUBJECT}%`],
      )
      expect({ t, n: rows[0].n }).toEqual({ t, n: 0 })
    }
    expect(await env.keys()).toEqual([])
    expect((await platform.records.get(other.id)).subjectId).toBe('other')
    // Only keyed digests remain: the unkeyed sha256 of the id, which anyone could recompute, is nowhere.
    for (const t of ['audit_entries', 'dsr_requests', 'legal_holds', 'subject_restrictions']) {
      const { rows } = await env.pool.query(
        `SELECT count(*)::int AS n FROM ${s}.${t} x WHERE x::text LIKE $1`,
        [`%${idDigest(SUBJECT)}%`],
      )
      expect({ t, n: rows[0].n }).toEqual({ t, n: 0 })
    }

    // The proof: pseudonymous audit entries of the request, and a chain that still verifies.
    const proof = await env.pool.query(
      `SELECT type, actor, data FROM ${s}.audit_entries WHERE vertical = 'barber' AND subject_digest = $1 AND type LIKE 'dsr.erasure.%' ORDER BY created_at, seq`,
      [digestOf(SUBJECT)],
    )
    expect(proof.rows.map((r) => r.type)).toEqual([
      'dsr.erasure.opened',
      'dsr.erasure.performed',
      'dsr.erasure.fulfilled',
    ])
    // The erasure record every redaction names, then the closing proof.
    expect(proof.rows[1]).toMatchObject({ actor: 'privacy-officer', data: { requestId: request.id } })
    expect(proof.rows[2]).toMatchObject({
      actor: 'privacy-officer',
      data: { requestId: request.id, personalRecords: { deleted: 2 } },
    })
    expect(await platform.audit.verify()).toMatchObject({ ok: true })
    expect((await platform.dsr.get(access.id)).subjectId).toBeNull()
    // The access request opened before the erasure can no longer be fulfilled, only rejected, with its proof.
    await expect(platform.dsr.fulfil(access.id)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect((await platform.dsr.reject(access.id, 'subject erased')).status).toBe('rejected')
    const rejected = await env.pool.query(
      `SELECT count(*)::int AS n FROM ${s}.audit_entries WHERE subject_digest = $1 AND type = 'dsr.access.rejected'`,
      [digestOf(SUBJECT)],
    )
    expect(rejected.rows[0].n).toBe(1)
  })

  it('suspends erasure of a subject under legal hold', async () => {
    const platform = await env.platform('barber')
    const hold = await platform.holds.place({ subjectId: SUBJECT }, 'pending litigation')
    const request = await platform.dsr.open({ subjectId: SUBJECT, kind: 'erasure', verification: VERIFIED })
    await expect(platform.dsr.fulfil(request.id)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await platform.holds.release(hold)
    expect((await platform.dsr.fulfil(request.id)).request.status).toBe('fulfilled')
    await expect(platform.dsr.fulfil(request.id)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })
})
