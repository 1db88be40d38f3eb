import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type S3Server, startS3Server } from '../../../testing/s3-server'
import { idDigest } from '../src/audit/canonical'
import { s3ErasureJournal } from '../src/s3/erasure-journal'
import { createEnv, type Env, PG_URL, VERIFIED } from './harness'

// Erasures survive a backup restore: the journal lives outside the database (an S3 bucket, here
// s3rver on loopback), holds keyed digests only, and replayErasures erases again whoever the restored
// dump brought back. The dump and the restore are pg_dump and psql on the test schema.

let s3: S3Server
let client: S3Client
let bucket: string
// Where the test's pg_dump goes.
let directory: string
const KEY = 's'.repeat(48)
const SUBJECT = 'dni-30123456'
const evidence = { collectedBy: 'web', method: 'checkbox' }

beforeAll(async () => {
  s3 = await startS3Server('journal')
  ;({ client, bucket } = s3)
  directory = await mkdtemp(join(tmpdir(), 'verticals-dump-'))
})
afterAll(async () => {
  await s3?.stop()
  await rm(directory, { recursive: true, force: true })
})

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const count = async (sql: string, values: unknown[]) =>
  (await env.pool.query<{ n: number }>(sql.replaceAll('$s', `"${env.schema}"`), values)).rows[0]?.n

describe('erasure journal and replay after a restore', () => {
  it('a restored pre-erasure dump brings the subject back; replayErasures removes them again in every sharing vertical', async () => {
    const journal = s3ErasureJournal({ client, bucket, prefix: 'test/' })
    const options = { erasureJournal: journal, subjectKey: KEY }
    const barber = await env.platform('barber', options)
    const beauty = await env.platform('beauty', options)
    await barber.records.insert({ dataClass: 'user-profiles', subjectId: SUBJECT, data: { name: 'Ana' } })
    await beauty.records.insert({ dataClass: 'user-profiles', subjectId: SUBJECT, data: { name: 'Ana' } })
    await barber.records.insert({ dataClass: 'user-profiles', subjectId: 'other', data: { name: 'Bo' } })
    await barber.consent.grant({ subjectId: SUBJECT, purpose: 'marketing', evidence })

    // The nightly backup, then the erasure.
    const dump = join(directory, 'backup.sql')
    const backupAt = new Date()
    execFileSync('pg_dump', ['--dbname', PG_URL, '--schema', env.schema, '--file', dump])
    const request = await barber.dsr.open({ subjectId: SUBJECT, kind: 'erasure', verification: VERIFIED })
    await barber.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    const personal = `SELECT count(*)::int AS n FROM $s.personal_records WHERE subject_id = $1`
    expect(await count(personal, [SUBJECT])).toBe(0)

    // The journal names the subject by keyed digest only: neither the id nor its unkeyed digest.
    expect(await readFile(dump, 'utf8')).toContain(SUBJECT)
    const text = await journalText()
    expect(text).not.toContain(SUBJECT)
    expect(text).not.toContain(idDigest(SUBJECT))
    expect(
      JSON.parse(`[${text}]`)
        .map((e: { vertical: string }) => e.vertical)
        .sort(),
    ).toEqual(['barber', 'beauty', 'fitness', 'psychology'])

    // Disaster: the database is restored from the backup, and the subject is back.
    await env.pool.query(`DROP SCHEMA "${env.schema}" CASCADE`)
    execFileSync('psql', ['--dbname', PG_URL, '--quiet', '--set', 'ON_ERROR_STOP=1', '--file', dump])
    expect(await count(personal, [SUBJECT])).toBe(2)

    const report = await barber.dsr.replayErasures({ since: backupAt })
    expect(report.replayed.map((r) => [r.vertical, r.subjectId]).sort()).toEqual([
      ['barber', SUBJECT],
      ['beauty', SUBJECT],
    ])
    expect(report.replayed.find((r) => r.vertical === 'barber')?.erased).toMatchObject({
      personalRecords: { deleted: 1 },
      consent: { events: 1, states: 1 },
    })
    // Nothing of the subject was in fitness or psychology, before or after.
    expect(report.absent.map((a) => a.vertical).sort()).toEqual(['fitness', 'psychology'])
    expect(await count(personal, [SUBJECT])).toBe(0)
    expect(
      await count(`SELECT count(*)::int AS n FROM $s.consent_events WHERE subject_id = $1`, [SUBJECT]),
    ).toBe(0)
    expect(await count(personal, ['other'])).toBe(1)
    expect(await barber.audit.verify()).toMatchObject({ ok: true })
    expect(await beauty.audit.verify()).toMatchObject({ ok: true })

    // A second replay finds nothing left to erase.
    const again = await barber.dsr.replayErasures({ since: backupAt })
    expect(again.replayed).toEqual([])
    expect(again.absent).toHaveLength(4)
  })

  it('refuses to replay without a journal', async () => {
    const barber = await env.platform('barber')
    await expect(barber.dsr.replayErasures({ since: new Date(0) })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'no erasure journal: erasures cannot be replayed',
    })
  })
})

// Every journal body in the bucket, comma-separated.
async function journalText(): Promise<string> {
  const journal = s3ErasureJournal({ client, bucket, prefix: 'test/' })
  return (await journal.list('erasure-journal/', '')).join(',')
}
