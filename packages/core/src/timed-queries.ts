import type pg from 'pg'

/** Receives how long one PostgreSQL query took, in seconds (for a pool query, pool wait included). */
export type QueryObserver = (seconds: number) => void

/** A checked-out connection as core uses it; a pg.PoolClient is one. */
export interface DbClient {
  query: pg.PoolClient['query']
  escapeLiteral(value: string): string
  release(destroy?: Error | boolean): void
}

/** The PostgreSQL pool as core uses it; a pg.Pool is one, and so is what observeQueries returns. */
export interface Db {
  query: pg.Pool['query']
  connect(): Promise<DbClient>
  readonly idleCount: number
  readonly totalCount: number
  readonly options: { readonly max?: number | undefined }
}

type AnyQuery = (...args: unknown[]) => unknown

const isStream = (value: unknown): value is { once(event: 'close', listener: () => void): unknown } =>
  typeof (value as { once?: unknown } | null | undefined)?.once === 'function'

// Times each call of a pg `query` method with one performance.now() pair: a promise until it settles
// (failures too: a query that times out is a slow query), a streamed query (COPY) until its stream
// closes. Callback-style calls return nothing and go untimed; core makes none.
function timed<Q>(target: object, query: Q, observe: QueryObserver): Q {
  const call = query as unknown as AnyQuery
  return ((...args: unknown[]) => {
    const start = performance.now()
    const result = call.apply(target, args)
    const done = () => observe((performance.now() - start) / 1000)
    if (result instanceof Promise) result.then(done, done)
    else if (isStream(result)) result.once('close', done)
    return result
  }) as unknown as Q
}

/**
 * The pool with every query timed: `observe` gets the seconds of each query made through it, on the
 * pool (pool wait included) or on a client it hands out (BEGIN, COMMIT and COPY included). An observer
 * that throws never fails a query. createPlatform wraps its pool this way when the metrics adapter has
 * `dbQuery`; a service can wrap the pool of its own tables the same way, e.g.
 * `observeQueries(pool, (s) => metrics.recordDbQuery(s))`.
 */
export function observeQueries(pool: Db, observe: QueryObserver): Db {
  const safe: QueryObserver = (seconds) => {
    try {
      observe(seconds)
    } catch {
      // An instrument must never break the query it measures.
    }
  }
  return {
    query: timed(pool, pool.query, safe),
    async connect() {
      const client = await pool.connect()
      return {
        query: timed(client, client.query, safe),
        escapeLiteral: (value) => client.escapeLiteral(value),
        release: (destroy) => client.release(destroy),
      }
    },
    get idleCount() {
      return pool.idleCount
    },
    get totalCount() {
      return pool.totalCount
    },
    get options() {
      return pool.options
    },
  }
}
