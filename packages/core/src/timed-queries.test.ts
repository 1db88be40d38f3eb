import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { type Db, type DbClient, observeQueries } from './timed-queries'

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms))

// A stand-in pool: its queries answer after `ms`, fail when the text says so, and a submittable
// (an EventEmitter, as a COPY stream is) is returned as it is, as pg does.
function fakePool(ms: number): { pool: Db; released: (Error | boolean | undefined)[] } {
  const released: (Error | boolean | undefined)[] = []
  const query = (text: unknown) =>
    text instanceof EventEmitter ? text : later(ms, { rows: [{ text }] }, text === 'fail')
  const client = {
    query,
    escapeLiteral: (value: string) => `'${value}'`,
    release: (destroy?: Error | boolean) => void released.push(destroy),
  } as unknown as DbClient
  const pool = {
    query,
    connect: async () => client,
    idleCount: 2,
    totalCount: 3,
    options: { max: 7 },
  } as unknown as Db
  return { pool, released }
}

describe('observeQueries', () => {
  it('times pool queries until they settle, failures included, and returns their results', async () => {
    const seen: number[] = []
    const { pool } = fakePool(30)
    const db = observeQueries(pool, (s) => seen.push(s))
    const result = await db.query('SELECT 1')
    expect(result.rows).toEqual([{ text: 'SELECT 1' }])
    await expect(db.query('fail')).rejects.toMatchObject({ rows: [{ text: 'fail' }] })
    expect(seen).toHaveLength(2)
    for (const s of seen) expect(s).toBeGreaterThanOrEqual(0.025)
  })

  it('times the queries of a checked-out client, and a stream until it closes', async () => {
    const seen: number[] = []
    const { pool, released } = fakePool(1)
    const db = observeQueries(pool, (s) => seen.push(s))
    const client = await db.connect()
    await client.query('BEGIN')
    const stream = new EventEmitter()
    expect(client.query(stream as never)).toBe(stream)
    expect(seen).toHaveLength(1)
    stream.emit('close')
    expect(seen).toHaveLength(2)
    expect(client.escapeLiteral('x')).toBe("'x'")
    client.release(true)
    expect(released).toEqual([true])
  })

  it('passes the pool counters through and never fails a query because the observer throws', async () => {
    const { pool } = fakePool(1)
    const db = observeQueries(pool, () => {
      throw new Error('instrument broken')
    })
    expect([db.idleCount, db.totalCount, db.options.max]).toEqual([2, 3, 7])
    expect((await db.query('SELECT 1')).rows).toHaveLength(1)
  })
})
