import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entryHash } from '../src/audit/canonical'
import { AuditKey } from '../src/audit/key'
import type { Platform } from '../src/platform'
import { createEnv, type Env, VERIFIED } from './harness'

// verify() with worker threads checks a chain in segments (here of 10 entries) and stitches them: a
// break at, just before or just after a segment boundary must be reported exactly as the sequential
// walk (workers: 0) reports it, with the same reason, position and count of entries checked.

let env: Env
let platform: Platform
let dist: typeof import('../src/index')
const key = randomBytes(32).toString('hex')
const stolen = AuditKey.resolve(key, { warn() {}, error() {} })
const ENTRIES = 45
const entries = () => `"${env.schema}".audit_entries`
const at = (seq: number) => `vertical = 'barber' AND record_class = 'data-access' AND seq = ${seq}`

beforeAll(async () => {
  env = await createEnv()
  platform = await env.platform('barber', { auditKey: key })
  for (let i = 1; i <= ENTRIES; i += 1)
    await platform.audit.append({
      type: 'data-access.read',
      actor: 'op',
      subjectId: `s${i % 7}`,
      data: { i },
    })
  // As in the insider tests: an owner can drop the constraint that pairs redacted_at with a record.
  await env.pool.query(`ALTER TABLE ${entries()} DROP CONSTRAINT audit_entries_redaction`)
  // nx builds dist before `test`; the bundle's import.meta.url is dist/index.js, so no tsx is involved.
  dist = await import(new URL('../dist/index.js', import.meta.url).href)
})
afterAll(async () => {
  await env.cleanup()
})

const both = async () => {
  const segmented = await platform.audit.verify({ recordClass: 'data-access', workers: 2, segment: 10 })
  const sequential = await platform.audit.verify({ recordClass: 'data-access', workers: 0 })
  expect(segmented).toEqual(sequential)
  return segmented
}

// Tampers with one entry, verifies both ways, and puts the entry back as it was.
async function tampered(seq: number, tamper: () => Promise<unknown>) {
  const saved = (await env.pool.query(`SELECT to_jsonb(e) AS row FROM ${entries()} e WHERE ${at(seq)}`))
    .rows[0]
  await tamper()
  try {
    return await both()
  } finally {
    await env.pool.query(`DELETE FROM ${entries()} WHERE ${at(seq)}`)
    await env.pool.query(
      `INSERT INTO ${entries()} SELECT * FROM jsonb_populate_record(NULL::${entries()}, $1::jsonb)`,
      [saved.row],
    )
  }
}

// Entry `seq` re-linked to a wrong predecessor and re-hashed with the key: its HMAC holds, its link not.
async function relink(seq: number) {
  const { rows } = await env.pool.query(
    `SELECT type, created_at, actor_digest, subject_digest, data_digest FROM ${entries()} WHERE ${at(seq)}`,
  )
  const r = rows[0]
  const prev = 'f'.repeat(64)
  const hash = entryHash(stolen, prev, {
    vertical: 'barber',
    recordClass: 'data-access',
    seq,
    type: r.type,
    createdAt: r.created_at,
    actorDigest: r.actor_digest,
    subjectDigest: r.subject_digest,
    dataDigest: r.data_digest,
  })
  await env.pool.query(`UPDATE ${entries()} SET prev_hash = $1, hash = $2 WHERE ${at(seq)}`, [prev, hash])
}

// The last entry of the first segment, the first and second of the next, and the last of the chain.
const BOUNDARY = [9, 10, 11, 12, 20, 21, 45]

describe('verify with worker threads from the built package', () => {
  it('starts dist/verify-worker.js beside the bundle and passes the chain, then reports a break', async () => {
    const built = await dist.createPlatform({
      config: env.config,
      vertical: 'barber',
      pg: env.pool,
      redis: env.redis,
      schema: env.schema,
      keyPrefix: env.prefix,
      auditKey: key,
    })
    try {
      const options = { recordClass: 'data-access', workers: 2, segment: 10 }
      expect(await built.audit.verify(options)).toEqual({ ok: true, checked: ENTRIES })
      const result = await tampered(21, async () => {
        await env.pool.query(`UPDATE ${entries()} SET data = '{"i": -1}' WHERE ${at(21)}`)
        expect(await built.audit.verify(options)).toEqual({
          ok: false,
          checked: 20,
          brokenAt: { recordClass: 'data-access', seq: 21, reason: 'altered' },
        })
      })
      expect(result.brokenAt).toEqual({ recordClass: 'data-access', seq: 21, reason: 'altered' })
    } finally {
      await built.close()
    }
  })
})

describe('verify with worker threads, breaks at and next to segment boundaries', () => {
  it('passes an intact chain, counting every entry', async () => {
    expect(await both()).toEqual({ ok: true, checked: ENTRIES })
  })

  it.each(BOUNDARY)('reports an altered entry %i', async (seq) => {
    const result = await tampered(seq, () =>
      env.pool.query(`UPDATE ${entries()} SET data = '{"i": -1}' WHERE ${at(seq)}`),
    )
    expect(result).toMatchObject({ ok: false, checked: seq - 1, brokenAt: { seq, reason: 'altered' } })
  })

  it.each(BOUNDARY)('reports an entry linked to the wrong predecessor %i', async (seq) => {
    const result = await tampered(seq, () => relink(seq))
    expect(result).toMatchObject({ ok: false, checked: seq - 1, brokenAt: { seq, reason: 'unlinked' } })
  })

  it.each(BOUNDARY)('reports a deleted entry %i', async (seq) => {
    const result = await tampered(seq, () => env.pool.query(`DELETE FROM ${entries()} WHERE ${at(seq)}`))
    expect(result).toMatchObject({ ok: false, checked: seq - 1, brokenAt: { seq, reason: 'missing' } })
  })

  it.each(BOUNDARY)('reports a redaction no record accounts for %i', async (seq) => {
    const result = await tampered(seq, () =>
      env.pool.query(
        `UPDATE ${entries()} SET actor = NULL, subject_id = NULL, data = NULL, redacted_at = now() WHERE ${at(seq)}`,
      ),
    )
    expect(result).toMatchObject({ ok: false, checked: seq - 1, brokenAt: { seq, reason: 'redaction' } })
  })
})

describe('verify with worker threads, segments the sequential walk re-reads and passes', () => {
  // Last, since it changes the chain for good: s3's entries (seqs 3, 10, 17, ..., 45) are redacted by a
  // lawful erasure, so their segments are not clean, and each is walked again and accounted for.
  it('passes lawful redactions at and next to boundaries, as the sequential walk does', async () => {
    const request = await platform.dsr.open({ subjectId: 's3', kind: 'erasure', verification: VERIFIED })
    await platform.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    const { rows } = await env.pool.query(
      `SELECT count(*) FILTER (WHERE redacted_at IS NOT NULL)::int AS redacted, count(*)::int AS n
       FROM ${entries()} WHERE vertical = 'barber' AND record_class = 'data-access'`,
    )
    // The request, its erasure record and its fulfilment are appended to the chain too.
    expect(rows[0]).toEqual({ redacted: 7, n: ENTRIES + 3 })
    expect(await both()).toEqual({ ok: true, checked: ENTRIES + 3 })
  })
})
