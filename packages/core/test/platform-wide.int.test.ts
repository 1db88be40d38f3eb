import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEnv, type Env, exampleText, resolveText, VERIFIED } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const YEAR = 365 * 86_400_000
const PATIENT = 'person-3107'
const evidence = { collectedBy: 'web', method: 'checkbox' }

/** The example with barber opted out of platform-wide erasure. */
function barberOptedOut() {
  const text = exampleText().replace(
    '  barber:\n    workloads:',
    '  barber:\n    platformWideErasure: false\n    workloads:',
  )
  return resolveText(text)
}

describe('platform-wide erasure across verticals sharing a database', () => {
  it('a psychology erasure keeps the clinical record under its duty and erases the barber records, cache and consent too', async () => {
    const earlier = await env.platform('psychology', { clock: () => new Date(Date.now() - YEAR) })
    const note = await earlier.records.insert({
      dataClass: 'session-notes',
      subjectId: PATIENT,
      data: { sessionNotes: 'intake' },
    })
    const psychology = await env.platform('psychology')
    const barber = await env.platform('barber', { consentCacheTtl: 600 })
    await psychology.records.insert({ dataClass: 'user-profiles', subjectId: PATIENT, data: { name: 'Eva' } })
    await barber.records.insert({ dataClass: 'user-profiles', subjectId: PATIENT, data: { name: 'Eva' } })
    await barber.records.insert({ dataClass: 'bookings', subjectId: PATIENT, data: { provider: 'p1' } })
    const other = await barber.records.insert({
      dataClass: 'bookings',
      subjectId: 'other',
      data: { provider: 'p1' },
    })
    await barber.consent.grant({ subjectId: PATIENT, purpose: 'marketing', evidence })
    expect(await barber.consent.check(PATIENT, 'marketing')).toMatchObject({ allowed: true })
    await barber.cache.wrap('user-profiles', PATIENT, async () => ({ name: 'Eva' }), { subjectId: PATIENT })
    // A value without its subject is refused at write time, so none can survive the erasure unseen.
    // @ts-expect-error: the type requires options with subjectId
    await expect(barber.cache.wrap('user-profiles', 'eva-alias', async () => ({}))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect((await env.keys()).some((k) => k.includes(':barber:'))).toBe(true)

    const request = await psychology.dsr.open({ subjectId: PATIENT, kind: 'erasure', verification: VERIFIED })
    const { erased, alsoErased } = await psychology.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    expect(erased?.personalRecords.keptUnderDuty.map((d) => [d.recordClass, d.records])).toEqual([
      ['clinical', [note.id]],
    ])
    expect(erased?.personalRecords.keptUnderDuty[0]?.until).toBeInstanceOf(Date)
    expect(erased?.personalRecords.deleted).toBe(1)
    expect(Object.keys(alsoErased ?? {}).sort()).toEqual(['barber', 'beauty', 'fitness'])
    expect(alsoErased?.barber).toMatchObject({
      personalRecords: { deleted: 2, dataClasses: ['bookings', 'user-profiles'], keptUnderDuty: [] },
      consent: { events: 1, states: 1 },
    })
    // Nothing about the subject is left in barber: records, consent decision, cached values.
    expect(await barber.records.forSubject(PATIENT)).toEqual([])
    expect((await env.keys()).filter((k) => k.includes(PATIENT))).toEqual([])
    expect(await barber.consent.check(PATIENT, 'marketing')).toMatchObject({ allowed: false, reason: 'none' })
    expect((await barber.records.get(other.id)).subjectId).toBe('other')
    // Each vertical's chain holds its own erasure record and still verifies.
    for (const p of [psychology, barber]) expect(await p.audit.verify()).toMatchObject({ ok: true })
    const records = await env.pool.query(
      `SELECT vertical, data FROM "${env.schema}".audit_entries WHERE type = 'dsr.erasure.performed' ORDER BY vertical`,
    )
    expect(records.rows.map((r) => r.vertical)).toEqual(['barber', 'beauty', 'fitness', 'psychology'])
    expect(records.rows[0].data).toEqual({ requestId: request.id, requestedIn: 'psychology' })
  })

  it('leaves a vertical that opted out (platformWideErasure: false) alone', async () => {
    const config = barberOptedOut()
    const psychology = await env.platform('psychology', { config })
    const barber = await env.platform('barber', { config })
    await barber.records.insert({ dataClass: 'user-profiles', subjectId: PATIENT, data: { name: 'Eva' } })
    const request = await psychology.dsr.open({ subjectId: PATIENT, kind: 'erasure', verification: VERIFIED })
    const { alsoErased } = await psychology.dsr.fulfil(request.id)
    expect(Object.keys(alsoErased ?? {}).sort()).toEqual(['beauty', 'fitness'])
    expect(await barber.records.forSubject(PATIENT)).toHaveLength(1)
  })
})
