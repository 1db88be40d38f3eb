import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEnv, type Env, VERIFIED } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const YEAR = 365 * 86_400_000
const yearsAgo = (n: number) => new Date(Date.now() - n * YEAR)
const evidence = { collectedBy: 'web', method: 'checkbox' }
const PATIENT = 'patient-4411'

// Rows are written through platforms whose clocks are in the past, so they are old for real.
const at = (years: number) => env.platform('psychology', { clock: () => yearsAgo(years) })

describe('retention duties (Ley 26.529 art. 18: clinical record, 10 years from the last entry)', () => {
  it('erasure keeps the clinical record, names the duty and its end, and erases everything else', async () => {
    const first = await (await at(12)).records.insert({
      dataClass: 'session-notes',
      subjectId: PATIENT,
      data: { sessionNotes: 'intake' },
    })
    const lastEntry = await at(2)
    const last = await lastEntry.records.insert({
      dataClass: 'session-notes',
      subjectId: PATIENT,
      data: { sessionNotes: 'follow-up' },
    })
    const platform = await env.platform('psychology')
    await platform.records.insert({ dataClass: 'user-profiles', subjectId: PATIENT, data: { name: 'Eva' } })
    await platform.records.insert({ dataClass: 'bookings', subjectId: PATIENT, data: { provider: 'p1' } })
    await platform.consent.grant({ subjectId: PATIENT, purpose: 'health-care', evidence, explicit: true })
    await platform.cache.wrap('user-profiles', PATIENT, async () => ({ name: 'Eva' }), { subjectId: PATIENT })
    // A lapsed or withdrawn consent to care does not lock the professional out of the record.
    expect(await platform.consent.check(PATIENT, 'clinical-record')).toMatchObject({
      allowed: true,
      reason: 'legal-basis',
    })

    const request = await platform.dsr.open({ subjectId: PATIENT, kind: 'erasure', verification: VERIFIED })
    const { erased } = await platform.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    const lastAt = (await platform.records.get(last.id)).createdAt
    expect(erased?.personalRecords.keptUnderDuty).toEqual([
      {
        recordClass: 'clinical',
        dataClasses: ['session-notes'],
        records: [first.id, last.id],
        minimumSeconds: 3650 * 86_400,
        countedFrom: 'last-entry',
        source: 'Ley 26.529 art. 18 (at least 10 years from the last entry)',
        until: new Date(lastAt.getTime() + 3650 * 86_400_000),
      },
    ])
    expect(erased?.personalRecords).toMatchObject({
      deleted: 2,
      dataClasses: ['bookings', 'user-profiles'],
      keptUnderHold: [],
    })
    expect(erased?.consent).toEqual({ events: 1, states: 1 })
    expect(await env.keys()).toEqual([])
    expect((await platform.records.forSubject(PATIENT)).map((r) => r.id)).toEqual([first.id, last.id])
    // The request's result, kept with its proof, states the duty and its end date.
    const closed = await platform.dsr.get(request.id)
    expect(closed.result).toMatchObject({
      personalRecords: { keptUnderDuty: [{ recordClass: 'clinical', until: expect.any(String) }] },
    })
    expect(await platform.audit.verify()).toMatchObject({ ok: true })
  })

  it('erases a clinical record whose duty has ended', async () => {
    const old = await (await at(11)).records.insert({
      dataClass: 'session-notes',
      subjectId: PATIENT,
      data: { sessionNotes: 'closed case' },
    })
    const platform = await env.platform('psychology')
    const request = await platform.dsr.open({ subjectId: PATIENT, kind: 'erasure', verification: VERIFIED })
    const { erased } = await platform.dsr.fulfil(request.id)
    expect(erased?.personalRecords).toMatchObject({ deleted: 1, keptUnderDuty: [] })
    await expect(platform.records.get(old.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('retention counts a clinical record from its last entry and never deletes before the duty ends', async () => {
    const old = await at(12)
    const kept = await old.records.insert({
      dataClass: 'session-notes',
      subjectId: PATIENT,
      data: { sessionNotes: 'intake' },
    })
    await (await at(3)).records.insert({
      dataClass: 'session-notes',
      subjectId: PATIENT,
      data: { sessionNotes: 'last entry' },
    })
    const gone = await old.records.insert({
      dataClass: 'session-notes',
      subjectId: 'patient-closed',
      data: { sessionNotes: 'closed case' },
    })
    const platform = await env.platform('psychology')
    const report = await platform.retention.run({ recordClasses: ['clinical'] })
    const table = report.classes[0]?.tables.find((t) => t.table === 'personal_records')
    expect(table).toMatchObject({ due: 1, purged: 1 })
    expect((await platform.records.get(kept.id)).subjectId).toBe(PATIENT)
    await expect(platform.records.get(gone.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
