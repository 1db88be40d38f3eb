import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import { CircuitBreaker } from './breaker'
import { decode, encode, INVALID, tooLarge } from './safe-json'
import { withTimeout } from './timeout'

interface ClassEntry {
  readonly name: string
  readonly prefix: string
  /** Redis TTL in seconds; 0 means never written. */
  readonly ttl: number
  /** Holds personal data: a write must name its subject. */
  readonly personal: boolean
}

/** How long an invalidation or erasure waits for Redis to confirm it. */
const CONFIRMED_COMMAND_TIMEOUT_MS = 5_000

/** Options of one cache.wrap call. */
export interface WrapOptions {
  /**
   * The data subject the value is about: indexed so that erasure removes the key. Required (a string)
   * for a data class that holds personal data; `null` says the value is about no one, which only a
   * non-personal class (catalogue responses, static assets) accepts.
   */
  subjectId: string | null
}

/**
 * The per-data-class cache on Redis. Reads fail open (Redis errors, timeouts and an open breaker
 * fall through to the loader); classes with TTL 0 never touch Redis; concurrent misses of a key
 * share one loader call.
 */
export class Cache {
  private readonly classes = new Map<string, ClassEntry>()
  private readonly inflight = new Map<string, Promise<unknown>>()
  private readonly breaker: CircuitBreaker
  private readonly timeoutMs: number
  private readonly jitter: number
  private readonly maxValueSize: number
  private readonly indexTtl: number

  constructor(private readonly ctx: Context) {
    const { cache, dataClasses } = ctx.platform
    for (const name of ctx.vertical.dataClasses) {
      const ttl = dataClasses[name]?.cacheTtl ?? 0
      this.classes.set(name, {
        name,
        prefix: ctx.keys.prefixOf(name),
        ttl: dataClasses[name]?.special ? 0 : ttl,
        personal: dataClasses[name]?.personal !== false,
      })
    }
    this.timeoutMs = Math.max(1, cache.timeout * 1000)
    this.jitter = cache.jitter / 100
    this.maxValueSize = cache.maxValueSize
    this.breaker = new CircuitBreaker(cache.circuitBreaker.failures, cache.circuitBreaker.cooldown * 1000)
    this.indexTtl = Math.max(1, ...[...this.classes.values()].map((c) => c.ttl))
  }

  /** Returns the cached value of `key`, or calls `loader`, caches its result with the class TTL and returns it. */
  async wrap<T>(
    dataClass: string,
    key: string,
    loader: () => T | Promise<T>,
    options: WrapOptions,
  ): Promise<T> {
    const entry = this.entry(dataClass)
    // A personal value written without its subject could never be found by erasure: refuse it.
    if (entry.personal && (typeof options?.subjectId !== 'string' || options.subjectId === ''))
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `data class "${dataClass}" holds personal data: wrap() needs its subjectId`,
        {
          hint: 'Pass { subjectId } naming whom the value is about, so that erasure and restriction reach the key.',
        },
      )
    if (entry.ttl === 0) {
      this.ctx.metrics.cacheOperation(entry.name, 'bypass')
      return loader()
    }
    const fullKey = entry.prefix + key
    if (!this.breaker.allow()) {
      this.ctx.metrics.cacheOperation(entry.name, 'bypass')
      return this.load(fullKey, loader, undefined, options)
    }
    let text: string | null
    try {
      text = await withTimeout(this.ctx.redis.get(fullKey), this.timeoutMs)
      this.breaker.success()
    } catch (error) {
      this.failed(entry, error)
      return this.load(fullKey, loader, undefined, options)
    }
    if (text !== null) {
      const value = decode(text)
      if (value !== INVALID) {
        this.ctx.metrics.cacheOperation(entry.name, 'hit')
        return value as T
      }
      this.ctx.metrics.cacheOperation(entry.name, 'error')
      this.ctx.logger.warn({ key: fullKey }, 'cache value rejected (invalid or unsafe JSON); reloading')
    } else {
      this.ctx.metrics.cacheOperation(entry.name, 'miss')
    }
    return this.load(fullKey, loader, entry, options)
  }

  /** Removes a cached value. Throws DEPENDENCY_UNAVAILABLE when Redis cannot confirm it. */
  async invalidate(dataClass: string, key: string): Promise<void> {
    const entry = this.entry(dataClass)
    if (entry.ttl === 0) return
    await this.command(() => this.ctx.redis.del(entry.prefix + key), `invalidate ${dataClass}`)
  }

  /** Removes every key written for a subject (through WrapOptions.subjectId); returns how many. */
  async invalidateSubject(subjectId: string): Promise<number> {
    const index = this.ctx.keys.subjectIndex(subjectId)
    const keys = await this.command(() => this.ctx.redis.smembers(index), 'read subject index')
    // One DEL per key: in a cluster the keys live in different slots.
    await this.command(
      () => Promise.all([...keys, index].map((k) => this.ctx.redis.del(k))),
      'erase subject keys',
    )
    return keys.length
  }

  /** The breaker's state, for readiness checks. */
  get breakerState(): 'closed' | 'open' | 'half-open' {
    return this.breaker.state
  }

  private entry(dataClass: string): ClassEntry {
    const entry = this.classes.get(dataClass)
    if (entry === undefined) this.ctx.keys.prefixOf(dataClass) // throws DATA_CLASS_UNKNOWN with a hint
    return entry as ClassEntry
  }

  private load<T>(
    fullKey: string,
    loader: () => T | Promise<T>,
    entry: ClassEntry | undefined,
    options?: WrapOptions,
  ): Promise<T> {
    const pending = this.inflight.get(fullKey)
    if (pending !== undefined) return pending as Promise<T>
    const run = (async () => {
      try {
        const value = await loader()
        if (entry !== undefined) await this.store(entry, fullKey, value, options?.subjectId ?? undefined)
        return value
      } finally {
        this.inflight.delete(fullKey)
      }
    })()
    this.inflight.set(fullKey, run)
    return run
  }

  private async store(
    entry: ClassEntry,
    fullKey: string,
    value: unknown,
    subjectId: string | undefined,
  ): Promise<void> {
    const text = encode(value)
    if (text === undefined || tooLarge(text, this.maxValueSize) || !this.breaker.allow()) return
    const ttl = Math.max(1, Math.floor(entry.ttl * (1 - Math.random() * this.jitter)))
    try {
      const redis = this.ctx.redis
      const writes: Promise<unknown>[] = [redis.set(fullKey, text, 'EX', ttl)]
      if (subjectId !== undefined) {
        const index = this.ctx.keys.subjectIndex(subjectId)
        writes.push(redis.sadd(index, fullKey), redis.expire(index, this.indexTtl))
      }
      await withTimeout(Promise.all(writes), this.timeoutMs)
      // A restricted subject's values stay out of Redis (dsr/restrictions.ts). Read after the write, so a
      // restriction placed meanwhile either sees this key in the index or is seen here.
      if (
        subjectId !== undefined &&
        (await withTimeout(redis.exists(this.ctx.keys.restricted(subjectId)), this.timeoutMs)) === 1
      )
        await withTimeout(redis.del(fullKey), this.timeoutMs)
      this.breaker.success()
    } catch (error) {
      this.failed(entry, error)
    }
  }

  private failed(entry: ClassEntry, error: unknown): void {
    this.breaker.failure()
    this.ctx.metrics.cacheOperation(entry.name, 'error')
    this.ctx.logger.warn(
      { dataClass: entry.name, err: String(error) },
      'redis call failed; the cache fails open',
    )
  }

  // Invalidation and erasure must be confirmed, not fail open: they wait longer than the read path's
  // cache.timeout (failing costs a retried erasure or a stale value; waiting, latency on a rare path).
  private async command<T>(run: () => Promise<T>, what: string): Promise<T> {
    try {
      return await withTimeout(run(), Math.max(this.timeoutMs, CONFIRMED_COMMAND_TIMEOUT_MS))
    } catch (error) {
      throw new PlatformError('DEPENDENCY_UNAVAILABLE', `redis could not ${what}`, { cause: error })
    }
  }
}
