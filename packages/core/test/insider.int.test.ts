import { createHash, randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryAnchorSink } from '../src/audit/anchor-document'
import { entryHash } from '../src/audit/canonical'
import { AuditKey } from '../src/audit/key'
import type { Platform } from '../src/platform'
import { createEnv, type Env, VERIFIED } from './harness'

// The five ways a database insider (the owner role, or a superuser) rewrote history undetected before
// issue 13, each tried against a real PostgreSQL and reported by verify() with its reason and position.

let env: Env
let platform: Platform
const key = randomBytes(32).toString('hex')
const sink = memoryAnchorSink()
const quiet = { warn() {}, error() {} }

beforeEach(async () => {
  env = await createEnv()
  platform = await env.platform('barber', { auditKey: key, anchorSink: sink, consentCacheTtl: 0 })
})
afterEach(async () => {
  await env.cleanup()
})

const entries = () => `"${env.schema}".audit_entries`
const chains = () => `"${env.schema}".audit_chains`

async function seed(n: number) {
  for (let i = 1; i <= n; i += 1)
    await platform.audit.append({
      type: 'data-access.read',
      actor: 'op',
      subjectId: `s${i % 9}`,
      data: { i },
    })
  await platform.audit.anchor()
}

// Recomputes the hashes of entries from..head of a chain with `hash`, as an insider would, and moves the head.
async function rehashTail(recordClass: string, from: number, hash: (prev: string, row: Row) => string) {
  const { rows } = await env.pool.query<Row>(
    `SELECT seq, type, created_at, actor_digest, subject_digest, data_digest, prev_hash FROM ${entries()}
     WHERE vertical = 'barber' AND record_class = $1 AND seq >= $2 ORDER BY seq`,
    [recordClass, from],
  )
  let prev = rows[0]?.prev_hash as string
  for (const row of rows) {
    const next = hash(prev, row)
    await env.pool.query(
      `UPDATE ${entries()} SET prev_hash = $3, hash = $4 WHERE vertical = 'barber' AND record_class = $1 AND seq = $2`,
      [recordClass, row.seq, prev, next],
    )
    prev = next
  }
  await env.pool.query(
    `UPDATE ${chains()} SET last_hash = $2 WHERE vertical = 'barber' AND record_class = $1`,
    [recordClass, prev],
  )
}
interface Row {
  seq: string
  type: string
  created_at: Date
  actor_digest: string
  subject_digest: string | null
  data_digest: string
  prev_hash: string
}
const fields = (row: Row) => ({
  vertical: 'barber',
  recordClass: 'data-access',
  seq: Number(row.seq),
  type: row.type,
  createdAt: row.created_at,
  actorDigest: row.actor_digest,
  subjectDigest: row.subject_digest,
  dataDigest: row.data_digest,
})

describe('an insider with the owner role', () => {
  it('edits entry 150 and re-hashes the tail: altered at 150 without the key, anchor with it', async () => {
    await seed(200)
    await env.pool.query(
      `UPDATE ${entries()} SET data = '{"i": 9999}', data_digest = $1 WHERE record_class = 'data-access' AND seq = 150`,
      [createHash('sha256').update('{"i":9999}').digest('hex')],
    )
    // Without the key the insider can only guess: the old unkeyed sha256 chain.
    await rehashTail('data-access', 150, (prev, row) =>
      createHash('sha256')
        .update(`${prev}\n${JSON.stringify(Object.values(fields(row)))}`)
        .digest('hex'),
    )
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 150,
      reason: 'altered',
    })
    // An insider who also stole the key makes a chain that holds together, but not the anchored head.
    const stolen = AuditKey.resolve(key, quiet)
    await rehashTail('data-access', 150, (prev, row) => entryHash(stolen, prev, fields(row)))
    expect(await platform.audit.verify()).toMatchObject({
      ok: false,
      brokenAt: { recordClass: 'data-access', seq: 200, reason: 'anchor' },
    })
  })

  it('deletes the last five entries and moves the head back: anchor, at the first missing entry', async () => {
    await seed(40)
    const { rows } = await env.pool.query<{ hash: string }>(
      `SELECT hash FROM ${entries()} WHERE record_class = 'data-access' AND seq = 35`,
    )
    await env.pool.query(`DELETE FROM ${entries()} WHERE record_class = 'data-access' AND seq > 35`)
    await env.pool.query(
      `UPDATE ${chains()} SET last_seq = 35, last_hash = $1 WHERE record_class = 'data-access'`,
      [rows[0]?.hash],
    )
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 36,
      reason: 'anchor',
    })
    // And no new anchor launders the rollback.
    await expect(platform.audit.anchor()).rejects.toMatchObject({ code: 'INTEGRITY' })
  })

  it('sets redacted_at on an entry: a redaction no erasure record accounts for', async () => {
    await seed(50)
    await env.pool.query(`ALTER TABLE ${entries()} DROP CONSTRAINT audit_entries_redaction`)
    await env.pool.query(
      `UPDATE ${entries()} SET actor = NULL, subject_id = NULL, data = NULL, redacted_at = now() WHERE record_class = 'data-access' AND seq = 40`,
    )
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 40,
      reason: 'redaction',
    })
  })

  it('borrows a lawful erasure record for another subject: still a redaction without its record', async () => {
    await seed(20)
    const request = await platform.dsr.open({ subjectId: 's3', kind: 'erasure', verification: VERIFIED })
    await platform.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    expect((await platform.audit.verify()).ok).toBe(true)
    const { rows } = await env.pool.query<{ redacted_by: string; n: number }>(
      `SELECT redacted_by, count(*)::int AS n FROM ${entries()} WHERE redacted_by IS NOT NULL GROUP BY redacted_by`,
    )
    expect(rows).toEqual([{ redacted_by: expect.stringMatching(/^data-access:\d+$/), n: 2 }])
    // Entry 5 is about s5: pointing its redaction at s3's erasure record does not make it lawful.
    await env.pool.query(
      `UPDATE ${entries()} SET actor = NULL, subject_id = NULL, data = NULL, redacted_at = now(), redacted_by = $1
       WHERE record_class = 'data-access' AND seq = 5`,
      [rows[0]?.redacted_by],
    )
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 5,
      reason: 'redaction',
    })
  })

  it('deletes entries 20-30 behind a forged checkpoint: checkpoint at 20', async () => {
    await seed(40)
    const { rows } = await env.pool.query<{ seq: string; prev_hash: string; hash: string }>(
      `SELECT seq, prev_hash, hash FROM ${entries()} WHERE record_class = 'data-access' AND seq IN (20, 30) ORDER BY seq`,
    )
    const [first, last] = rows
    const body = JSON.stringify(['barber', 'data-access', 20, 30, first?.prev_hash, last?.hash, 11])
    await env.pool.query(
      `DELETE FROM ${entries()} WHERE record_class = 'data-access' AND seq BETWEEN 20 AND 30`,
    )
    await env.pool.query(
      `INSERT INTO "${env.schema}".audit_checkpoints (vertical, record_class, from_seq, to_seq, prev_hash, last_hash, purged, signature)
       VALUES ('barber', 'data-access', 20, 30, $1, $2, 11, $3)`,
      [first?.prev_hash, last?.hash, createHash('sha256').update(`checkpoint\n${body}`).digest('hex')],
    )
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 20,
      reason: 'checkpoint',
    })
  })

  it('rewrites a consent withdrawal into a grant: consent, at the withdrawal entry', async () => {
    const evidence = { collectedBy: 'web', method: 'checkbox' }
    await platform.consent.grant({ subjectId: 'ana', purpose: 'marketing', evidence })
    await platform.consent.withdraw({ subjectId: 'ana', purpose: 'marketing' })
    expect(await platform.consent.check('ana', 'marketing')).toMatchObject({ reason: 'withdrawn' })
    expect((await platform.audit.verify()).ok).toBe(true)
    const s = `"${env.schema}"`
    const until = new Date(Date.now() + 86_400_000)
    await env.pool.query(
      `UPDATE ${s}.consent_events SET action = 'grant', expires_at = $1 WHERE action = 'withdraw'`,
      [until],
    )
    await env.pool.query(`UPDATE ${s}.consent_state SET status = 'granted', expires_at = $1`, [until])
    expect(await platform.consent.check('ana', 'marketing')).toMatchObject({
      allowed: true,
      reason: 'granted',
    })
    const { rows } = await env.pool.query<{ seq: string }>(
      `SELECT seq FROM ${entries()} WHERE type = 'consent.withdraw'`,
    )
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'consent',
      seq: Number(rows[0]?.seq),
      reason: 'consent',
    })
  })

  it('flips only the derived state of a withdrawn consent: consent', async () => {
    await platform.consent.grant({
      subjectId: 'bo',
      purpose: 'marketing',
      evidence: { collectedBy: 'web', method: 'checkbox' },
    })
    await platform.consent.withdraw({ subjectId: 'bo', purpose: 'marketing' })
    const s = `"${env.schema}"`
    await env.pool.query(
      `UPDATE ${s}.consent_state SET status = 'granted', expires_at = now() + interval '1 day', event_id = (SELECT min(id) FROM ${s}.consent_events)`,
    )
    expect((await platform.audit.verify()).brokenAt).toMatchObject({
      recordClass: 'consent',
      reason: 'consent',
    })
  })
})
