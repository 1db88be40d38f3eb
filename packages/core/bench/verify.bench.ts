import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import os, { availableParallelism } from 'node:os'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { recordBenchmark } from '../../../scripts/bench/report.ts'
import { canonicalJson, entryHash, GENESIS, sha256 } from '../src/audit/canonical'
import { AuditKey } from '../src/audit/key'
import type { Platform } from '../src/index'
import { SubjectKey } from '../src/subject-key'
import { createEnv, type Env } from '../test/harness'

// verify() on one chain of a million entries. The chain is written directly (the same HMACs and keyed digests
// the appender computes, inserted in bulk), since appending a million entries one by one would measure
// the appender, not verify.
// The CPU time of every PostgreSQL server process so far (from /proc; 0 where there is none).
function postgresCpuMicros(): number {
  if (!existsSync('/proc')) return 0
  const tick = 1e6 / 100 // USER_HZ
  let total = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (!stat.includes('(postgres)')) continue
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      total += (Number(fields[11]) + Number(fields[12])) * tick
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const ENTRIES = Number(process.env.VERTICALS_BENCH_VERIFY_ENTRIES ?? 1_000_000)
const BATCH = 20_000
const key = randomBytes(32).toString('hex')
const subjectKey = randomBytes(32).toString('hex')
let env: Env
let platform: Platform

beforeAll(async () => {
  env = await createEnv({ poolSize: 4 })
  platform = await env.platform('barber', { auditKey: key, subjectKey })
  const audit = AuditKey.resolve(key, { warn() {}, error() {} })
  const at = new Date('2026-01-01T00:00:00Z')
  const subjects = SubjectKey.resolve(subjectKey, { warn() {}, error() {} })
  const actorDigest = subjects.digest('op')
  let prev = GENESIS
  for (let from = 1; from <= ENTRIES; from += BATCH) {
    const cols: unknown[][] = Array.from({ length: 8 }, () => [])
    for (let seq = from; seq < Math.min(from + BATCH, ENTRIES + 1); seq += 1) {
      const data = { i: seq, record: `notes/${seq % 97}` }
      const subjectId = `s${seq % 1000}`
      const f = {
        vertical: 'barber',
        recordClass: 'data-access',
        seq,
        type: 'data-access.read',
        createdAt: at,
        actorDigest,
        subjectDigest: subjects.digest(subjectId),
        dataDigest: sha256(canonicalJson(data)),
      }
      const hash = entryHash(audit, prev, f)
      for (const [i, v] of [
        seq,
        subjectId,
        f.subjectDigest,
        JSON.stringify(data),
        f.dataDigest,
        prev,
        hash,
      ].entries())
        cols[i]?.push(v)
      prev = hash
    }
    await env.pool.query(
      `INSERT INTO "${env.schema}".audit_entries (vertical, record_class, seq, type, actor, actor_digest, subject_id, subject_digest, data, data_digest, created_at, prev_hash, hash)
       SELECT 'barber', 'data-access', u.seq, 'data-access.read', 'op', $1, u.subject_id, u.subject_digest, u.data, u.data_digest, $2, u.prev_hash, u.hash
       FROM unnest($3::bigint[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[])
         AS u(seq, subject_id, subject_digest, data, data_digest, prev_hash, hash)`,
      [actorDigest, at, ...cols.slice(0, 7)],
    )
  }
  await env.pool.query(
    `INSERT INTO "${env.schema}".audit_chains (vertical, record_class, last_seq, last_hash, last_at) VALUES ('barber', 'data-access', $1, $2, $3)`,
    [ENTRIES, prev, at],
  )
  await env.pool.query(`VACUUM ANALYZE "${env.schema}".audit_entries`)
}, 1_800_000)
afterAll(async () => {
  await env.cleanup()
})

describe('audit verify benchmark', () => {
  it(`verify() throughput on ${ENTRIES} entries`, async () => {
    const loadBefore = os.loadavg()[0] ?? 0
    const runs: number[] = []
    const cpu: number[] = []
    const pgCpu: number[] = []
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now()
      const used = process.cpuUsage()
      const pgUsed = postgresCpuMicros()
      const result = await platform.audit.verify({ recordClass: 'data-access' })
      const seconds = (performance.now() - started) / 1000
      const { user, system } = process.cpuUsage(used)
      cpu.push((user + system) / ENTRIES)
      pgCpu.push((postgresCpuMicros() - pgUsed) / ENTRIES)
      if (!result.ok || result.checked !== ENTRIES)
        throw new Error(`verify failed: ${JSON.stringify(result)}`)
      runs.push(ENTRIES / seconds)
    }
    const rate = [...runs].sort((a, b) => a - b)[1] as number
    recordBenchmark({
      group: 'core',
      name: `audit.verify() throughput on ${ENTRIES >= 1e6 ? `${ENTRIES / 1e6}M` : `${ENTRIES / 1000}k`} entries (one chain)`,
      value: Math.round(rate),
      unit: 'rows/s',
      target: '>= 200000 entries/s',
      met: rate >= 200_000,
      notes: `median of 3 runs (${runs.map((r) => Math.round(r / 1000)).join(', ')}k/s; CPU per entry: ${median(cpu).toFixed(1)} µs in this process, its worker threads included, ${median(pgCpu).toFixed(1)} µs in PostgreSQL's processes): a second connection in verify's snapshot streams the chain (COPY), ${Math.min(availableParallelism(), 4)} worker threads check segments of 20k entries (HMAC, data digest, id digests once per distinct id), this thread stitches them; load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]?.toFixed(1)} after, on ${os.cpus().length} CPUs`,
    })
  }, 1_800_000)
})
