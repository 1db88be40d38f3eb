import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEnv, type Env, PG_URL } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

describe('audit log', () => {
  it('chains entries per record class and verifies them', async () => {
    const platform = await env.platform('barber')
    const a = await platform.audit.append({
      type: 'authentication.login',
      actor: 'ana',
      subjectId: 'ana',
      data: { ip: '10.0.0.1' },
    })
    const b = await platform.audit.append({
      type: 'payment.captured',
      actor: 'svc',
      data: { amount: 100 },
      recordClass: 'financial',
    })
    const c = await platform.audit.append({ type: 'deploy', actor: 'ci' })
    expect([a.recordClass, a.seq]).toEqual(['authentication', 1])
    expect([b.recordClass, b.seq]).toEqual(['financial', 1])
    expect([c.recordClass, c.seq]).toEqual(['system', 1])
    expect(await platform.audit.verify()).toEqual({ ok: true, checked: 3 })
    await expect(platform.audit.append({ type: 'x', actor: 'y', recordClass: 'nope' })).rejects.toMatchObject(
      { code: 'INVALID_ARGUMENT' },
    )
  })

  it('never forks: 200 concurrent appenders from four pools give one gapless chain that verifies', async () => {
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: PG_URL, max: 4 }))
    try {
      const platforms = await Promise.all(pools.map((pool) => env.platform('barber', { pg: pool })))
      const receipts = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          platforms[i % 4]?.audit.append({
            type: 'data-access.read',
            actor: `w${i}`,
            subjectId: `s${i % 7}`,
            data: { i },
          }),
        ),
      )
      const seqs = receipts.map((r) => r?.seq ?? 0).sort((x, y) => x - y)
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
      const { rows } = await env.pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT prev_hash)::int AS prevs FROM "${env.schema}".audit_entries`,
      )
      expect(rows[0]).toEqual({ n: 200, prevs: 200 })
      expect(await platforms[0]?.audit.verify()).toEqual({ ok: true, checked: 200 })
    } finally {
      await Promise.all(pools.map((p) => p.end()))
    }
  })

  async function seeded() {
    const platform = await env.platform('barber')
    for (let i = 0; i < 10; i += 1)
      await platform.audit.append({ type: 'data-access.read', actor: 'op', subjectId: `s${i}`, data: { i } })
    return platform
  }
  const table = () => `"${env.schema}".audit_entries`

  it('names the entry whose data was changed by an UPDATE', async () => {
    const platform = await seeded()
    await env.pool.query(`UPDATE ${table()} SET data = '{"i": 99}' WHERE seq = 4`)
    expect(await platform.audit.verify()).toEqual({
      ok: false,
      checked: 3,
      brokenAt: { recordClass: 'data-access', seq: 4, reason: 'altered' },
    })
  })

  it('names the entry whose hash-covered field was changed, even with a recomputed data digest', async () => {
    const platform = await seeded()
    await env.pool.query(`UPDATE ${table()} SET type = 'data-access.write' WHERE seq = 7`)
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 7,
      reason: 'altered',
    })
  })

  it('names the first missing entry after a DELETE in the middle or at the end', async () => {
    const platform = await seeded()
    await env.pool.query(`DELETE FROM ${table()} WHERE seq = 10`)
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 10,
      reason: 'missing',
    })
    await env.pool.query(`DELETE FROM ${table()} WHERE seq IN (5, 6)`)
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'data-access',
      seq: 5,
      reason: 'missing',
    })
  })

  it('detects a reorder (two entries swapped) and a forged entry past the head', async () => {
    const platform = await seeded()
    await env.pool.query(`UPDATE ${table()} SET seq = -3 WHERE seq = 3`)
    await env.pool.query(`UPDATE ${table()} SET seq = 3 WHERE seq = 8`)
    await env.pool.query(`UPDATE ${table()} SET seq = 8 WHERE seq = -3`)
    expect((await platform.audit.verify()).brokenAt).toMatchObject({ recordClass: 'data-access', seq: 3 })
    const clean = await env.platform('beauty')
    await clean.audit.append({ type: 'deploy', actor: 'ci' })
    await env.pool.query(
      `INSERT INTO ${table()} SELECT vertical, record_class, 2, type, actor, actor_digest, subject_id, subject_digest, data, data_digest, created_at, hash, hash, redacted_at FROM ${table()} WHERE vertical = 'beauty'`,
    )
    expect((await clean.audit.verify()).brokenAt).toEqual({
      recordClass: 'system',
      seq: 2,
      reason: 'unlinked',
    })
  })

  it('verifies a time range anchored on the entry before it', async () => {
    let now = new Date('2026-03-01T00:00:00Z')
    const platform = await env.platform('barber', { clock: () => now })
    for (let day = 0; day < 5; day += 1) {
      now = new Date(Date.UTC(2026, 2, 1 + day))
      await platform.audit.append({ type: 'system.tick', actor: 'cron', data: { day } })
    }
    const range = { from: new Date(Date.UTC(2026, 2, 2)), to: new Date(Date.UTC(2026, 2, 4)) }
    expect(await platform.audit.verify(range)).toEqual({ ok: true, checked: 3 })
    await env.pool.query(`UPDATE ${table()} SET data = '{"day": 0, "x": 1}' WHERE seq = 1`)
    expect(await platform.audit.verify(range)).toEqual({ ok: true, checked: 3 })
    expect((await platform.audit.verify()).brokenAt).toEqual({
      recordClass: 'system',
      seq: 1,
      reason: 'altered',
    })
  })
})
