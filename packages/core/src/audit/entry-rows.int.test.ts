import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PG_URL } from '../../test/harness'
import { isoText } from './entry-rows'

// verify rebuilds the HMAC's ISO text from PostgreSQL's own timestamp text: the two must agree with
// to_char (what the appender's toISOString() text was checked against before) for every precision.
describe('isoText against PostgreSQL', () => {
  const client = new pg.Client({ connectionString: PG_URL })
  beforeAll(() => client.connect())
  afterAll(() => client.end())

  it.each([
    '2026-01-01T00:00:00Z',
    '2026-02-13T23:59:59.9Z',
    '2026-07-04T10:11:12.345Z',
    '2026-07-04T10:11:12.345678Z',
    '1999-12-31T23:59:59.000001Z',
  ])('%s', async (at) => {
    await client.query('BEGIN')
    await client.query("SET LOCAL DateStyle = 'ISO'")
    const { rows } = await client.query<{ raw: string; iso: string }>({
      text: `SELECT ($1::timestamptz AT TIME ZONE 'UTC')::text AS raw,
        to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso`,
      values: [at],
    })
    await client.query('COMMIT')
    const row = rows[0] as { raw: string; iso: string }
    expect(isoText(row.raw)).toBe(row.iso)
  })

  it('matches toISOString for times the appender writes', () => {
    const at = new Date('2026-03-01T08:05:09.070Z')
    expect(isoText('2026-03-01 08:05:09.07')).toBe(at.toISOString())
    expect(isoText(null)).toBeNull()
  })
})
