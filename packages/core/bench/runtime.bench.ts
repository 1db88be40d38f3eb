import { afterAll, beforeAll, describe, it } from 'vitest'
import { median, medianMs, recordBenchmark } from '../../../scripts/bench/report.ts'
import type { Platform } from '../src/index'
import { createEnv, type Env } from '../test/harness'

// Each target compares core with the raw client on the same connection, measured in the same run.
const GROUP = 'core'
let env: Env
let barber: Platform
let psychology: Platform

beforeAll(async () => {
  env = await createEnv({ poolSize: 16 })
  barber = await env.platform('barber', { consentCacheTtl: 3600 })
  psychology = await env.platform('psychology')
})
afterAll(async () => {
  await env.cleanup()
})

function ratio(
  name: string,
  value: number,
  baseline: { name: string; value: number },
  max: number,
  unit: 'µs',
  notes: string,
) {
  const r = value / baseline.value
  recordBenchmark({
    group: GROUP,
    name,
    value: round(value),
    unit,
    baseline: { ...baseline, value: round(baseline.value) },
    target: `<= ${max}x ${baseline.name}`,
    met: r <= max,
    notes: `${r.toFixed(2)}x; ${notes}`,
  })
}
const round = (n: number) => Math.round(n * 100) / 100

// Alternates raw and core in short rounds and takes the median of each side's round medians (in µs),
// so load from other processes on the machine hits both sides alike.
async function paired(raw: () => unknown, ours: () => unknown, rounds = 7): Promise<[number, number]> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < rounds; i += 1) {
    a.push((await medianMs(raw, { time: 400 })) * 1000)
    b.push((await medianMs(ours, { time: 400 })) * 1000)
  }
  return [median(a), median(b)]
}

describe('core runtime benchmarks', () => {
  it('cache hit vs raw ioredis GET', async () => {
    await barber.cache.wrap('api-responses', 'catalogue', async () => ({ items: [1, 2, 3], page: 1 }), {
      subjectId: null,
    })
    const key = `${env.prefix}turnos:barber:api-responses:catalogue`
    const loader = async () => ({ items: [], page: 0 })
    const [raw, hit] = await paired(
      () => env.redis.get(key),
      () => barber.cache.wrap('api-responses', 'catalogue', loader, { subjectId: null }),
    )
    ratio(
      'cache.wrap hit (median)',
      hit,
      { name: 'raw ioredis GET', value: raw },
      1.15,
      'µs',
      'same key, same connection, timeout and breaker on',
    )
  })

  it('consent check from cache vs raw GET', async () => {
    await barber.consent.grant({
      subjectId: 'bench',
      purpose: 'marketing',
      evidence: { collectedBy: 'bench', method: 'checkbox' },
    })
    await barber.consent.check('bench', 'marketing')
    const key = `${env.prefix}turnos:barber:~consent:marketing:bench`
    const [raw, cached] = await paired(
      () => env.redis.get(key),
      () => barber.consent.check('bench', 'marketing'),
    )
    ratio(
      'consent.check from cache (median)',
      cached,
      { name: 'raw ioredis GET', value: raw },
      1.2,
      'µs',
      'a warm decision of the marketing purpose, same connection',
    )
  })

  it('uncached consent check vs raw primary-key SELECT', async () => {
    // health-care is a special-category purpose: its decisions are never cached, so every check reads PostgreSQL.
    await psychology.consent.grant({
      subjectId: 'bench',
      purpose: 'health-care',
      evidence: { collectedBy: 'bench', method: 'signed-form' },
      explicit: true,
    })
    const sql = `SELECT status, expires_at FROM "${env.schema}".consent_state WHERE vertical = $1 AND subject_id = $2 AND purpose = $3`
    const [raw, uncached] = await paired(
      // The baseline is a named (prepared) statement too, so both sides skip parsing.
      () =>
        env.pool.query({ name: 'bench_raw_pk', text: sql, values: ['psychology', 'bench', 'health-care'] }),
      () => psychology.consent.check('bench', 'health-care'),
    )
    ratio(
      'consent.check uncached (median)',
      uncached,
      { name: 'raw pg primary-key SELECT', value: raw },
      1.3,
      'µs',
      'health-care is a special-category purpose, so every check reads PostgreSQL (a named statement on both sides)',
    )
  })

  it('audit append throughput, 16 writers, vs raw single-row INSERT', async () => {
    const s = `"${env.schema}"`
    await env.pool.query(`CREATE TABLE ${s}.audit_raw (LIKE ${s}.audit_entries INCLUDING ALL)`)
    const writers = 16
    const perWriter = 250
    const loops = async (one: (w: number, i: number) => Promise<unknown>) => {
      const started = performance.now()
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i += 1) await one(w, i)
        }),
      )
      return (writers * perWriter) / ((performance.now() - started) / 1000)
    }
    const insert = `INSERT INTO ${s}.audit_raw (vertical, record_class, seq, type, actor, actor_digest, subject_id, subject_digest, data, data_digest, created_at, prev_hash, hash)
VALUES ('barber', 'data-access', $1, 'data-access.read', $2, $5, $3, $5, $4, $5, now(), $5, $5)`
    // The same row shape as core writes: 64-hex digests and hashes (the table's format checks apply).
    const hex = 'a'.repeat(64)
    const raw = await loops((w, i) =>
      env.pool.query(insert, [w * perWriter + i, `op${w}`, `s${i}`, JSON.stringify({ i }), hex]),
    )
    const chained = await loops((w, i) =>
      barber.audit.append({ type: 'data-access.read', actor: `op${w}`, subjectId: `s${i}`, data: { i } }),
    )
    const r = chained / raw
    recordBenchmark({
      group: GROUP,
      name: 'audit.append throughput, 16 writers',
      value: Math.round(chained),
      unit: 'ops/s',
      baseline: { name: 'raw single-row INSERT, 16 writers', value: Math.round(raw) },
      target: '>= 0.5x raw INSERT',
      met: r >= 0.5,
      notes: `${r.toFixed(2)}x; group commit per chain`,
    })
  })

  it('retention purge rate', async () => {
    const s = `"${env.schema}"`
    const old = new Date(Date.now() - 11 * 365 * 86_400_000)
    // 150,000 expired financial records plus a 32,000-entry expired audit chain (written through core).
    await env.pool.query(
      `INSERT INTO ${s}.personal_records (vertical, data_class, record_class, subject_id, data, created_at, updated_at)
SELECT 'barber', 'payments', 'financial', 'subject-' || g, jsonb_build_object('cardLast4', '4242', 'n', g), $1, $1 FROM generate_series(1, 150000) g`,
      [old],
    )
    const past = await env.platform('barber', { clock: () => old })
    await Promise.all(
      Array.from({ length: 64 }, async (_, w) => {
        for (let i = 0; i < 500; i += 1)
          await past.audit.append({
            type: 'payment.captured',
            actor: `svc${w}`,
            data: { i },
            recordClass: 'financial',
          })
      }),
    )
    const started = performance.now()
    const report = await barber.retention.run({ recordClasses: ['financial'] })
    const seconds = (performance.now() - started) / 1000
    const purged = report.classes.reduce((n, c) => n + c.purged, 0)
    if (purged !== 182_000) throw new Error(`expected 182000 rows purged, got ${purged}`)
    const verified = await barber.audit.verify({ recordClass: 'financial' })
    if (!verified.ok) throw new Error('audit chain does not verify after the purge')
    const rate = purged / seconds
    recordBenchmark({
      group: GROUP,
      name: 'retention purge rate',
      value: Math.round(rate),
      unit: 'rows/s',
      target: '>= 50000 rows/s',
      met: rate >= 50_000,
      notes: `${purged} rows (150k records + 32k audit entries with checkpoints) in ${seconds.toFixed(2)} s, batches of ${env.config.retention.batchSize}`,
    })
  })
})
