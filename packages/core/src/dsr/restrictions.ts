import { PlatformError } from '@verticals/config-schema'
import type { Cache } from '../cache/cache'
import { changeDurably, type KeyChange } from '../cache/durable'
import { withTimeout } from '../cache/timeout'
import type { Context } from '../context'
import { statement } from '../sql'

/** A restriction of processing (every purpose) or an objection (the listed purposes). */
export interface Restriction {
  id: string
  kind: 'restriction' | 'objection'
  /** Null for a restriction: it covers every purpose. */
  purposes: string[] | null
  requestId: string | null
  createdAt: Date
}

interface Row {
  id: string
  kind: 'restriction' | 'objection'
  purposes: string[] | null
  request_id: string | null
  created_at: Date
}

// Compact cached decisions (consent/state.ts): `r` restricted, `o` objected, `n` no consent recorded.
export const RESTRICTED_STATE = 'r'
export const OBJECTED_STATE = 'o'
const ERASED_STATE = 'n'

/** How cached consent decisions are kept: their TTL (s), and how long a denying change may take to become durable (ms). */
export interface DecisionTiming {
  cacheTtl: number
  durableWithinMs: number
}

/**
 * Restrictions and objections (GDPR art. 18 and 21, LGPD art. 18 IV and § 2, Ley 25.326 art. 16
 * "bloqueo") that consent checks and the cache honour until lifted: a check of a covered purpose
 * denies (`restricted` / `objected`) whatever its legal basis, and `wrap()` does not copy a restricted
 * subject's values into Redis. Placing one overwrites the subject's cached decisions before it returns,
 * durably (cache/durable.ts): a promoted replica never answers "granted" for a covered purpose after a
 * Redis failover. Erasure removes the subject's cached decisions durably too.
 */
export class Restrictions {
  private readonly q

  constructor(
    private readonly ctx: Context,
    private readonly cache: Cache,
    readonly decisions: DecisionTiming,
  ) {
    const s = ctx.schema
    this.q = {
      place:
        statement(`INSERT INTO ${s}.subject_restrictions (vertical, subject_id, subject_digest, kind, purposes, request_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, kind, purposes, request_id, created_at`),
      active: statement(`SELECT id, kind, purposes, request_id, created_at FROM ${s}.subject_restrictions
WHERE vertical = $1 AND subject_id = $2 AND lifted_at IS NULL ORDER BY id`),
      lift: statement(`UPDATE ${s}.subject_restrictions SET lifted_at = $3
WHERE vertical = $1 AND subject_id = $2 AND lifted_at IS NULL RETURNING id`),
      forget: statement(
        `UPDATE ${s}.subject_restrictions SET subject_id = NULL WHERE vertical = $1 AND subject_id = $2`,
      ),
    }
  }

  /** Records a restriction or objection and overwrites the subject's cached decisions it covers. */
  async place(
    subjectId: string,
    digest: string,
    input: { kind: 'restriction' } | { kind: 'objection'; purposes: string[] },
    requestId: string | null,
  ): Promise<Restriction> {
    const purposes = input.kind === 'objection' ? [...new Set(input.purposes)].sort() : null
    if (purposes !== null) {
      const unknown = purposes.filter((p) => !this.ctx.vertical.purposes.includes(p))
      if (purposes.length === 0 || unknown.length > 0)
        throw new PlatformError(
          'INVALID_ARGUMENT',
          purposes.length === 0
            ? 'an objection names the purposes it objects to'
            : `an objection names purposes this vertical does not use: ${unknown.join(', ')}`,
          { hint: `Use some of: ${this.ctx.vertical.purposes.join(', ')}.` },
        )
    }
    const state = input.kind === 'restriction' ? RESTRICTED_STATE : OBJECTED_STATE
    // Only non-special decisions are ever cached (consent.ts); a fill cannot overwrite these (NX).
    const covered = (purposes ?? this.ctx.vertical.purposes).filter(
      (p) => this.ctx.platform.consent.purposes[p]?.special === false,
    )
    const keys = covered.map((p) => this.ctx.keys.consent(p, subjectId))
    const ttl = this.decisions.cacheTtl
    // Denying before the commit: an instance dying between the commit and the durable write below
    // leaves no grant behind. One attempt each; removed again when the commit fails.
    await Promise.all(keys.map((k) => this.attempt(this.ctx.redis.set(k, state, 'EX', Math.max(1, ttl)))))
    let rows: Row[]
    try {
      ;({ rows } = await this.ctx.pool.query<Row>({
        ...this.q.place,
        values: [this.ctx.vertical.name, subjectId, digest, input.kind, purposes, requestId, this.ctx.now()],
      }))
    } catch (error) {
      await Promise.all(keys.map((k) => this.attempt(this.ctx.redis.del(k))))
      throw error
    }
    const changes: KeyChange[] = keys.map((key) => ({ key, value: state, ttl }))
    if (input.kind === 'restriction') changes.push({ key: this.ctx.keys.restricted(subjectId), value: '1' })
    await this.durably(changes, 'restriction recorded but its cached decisions could not be replaced')
    // Values already cached about the subject go; the marker keeps new ones out.
    if (input.kind === 'restriction')
      await this.redis(
        [this.cache.invalidateSubject(subjectId)],
        'restriction recorded but the subject’s cached values could not be removed',
      )
    return toRestriction(rows[0] as Row)
  }

  /** Restrictions and objections in force for a subject. */
  async active(subjectId: string): Promise<Restriction[]> {
    const { rows } = await this.ctx.pool.query<Row>({
      ...this.q.active,
      values: [this.ctx.vertical.name, subjectId],
    })
    return rows.map(toRestriction)
  }

  /** Lifts every restriction and objection of a subject (inform them first: GDPR art. 18(3)); returns how many. */
  async lift(subjectId: string): Promise<number> {
    const { rowCount } = await this.ctx.pool.query({
      ...this.q.lift,
      values: [this.ctx.vertical.name, subjectId, this.ctx.now()],
    })
    await this.forgetCached(subjectId)
    return rowCount ?? 0
  }

  /**
   * Before an erasure is committed: every consent decision cached for the subject denies (`n`, what
   * PostgreSQL answers once the ledger is gone), so an instance dying between the commit and the
   * durable removal leaves no grant behind. Only keys that exist are touched (XX): no new key names
   * the subject. One attempt each; `unfenceErasure` removes them when the erasure fails.
   */
  async fenceErasure(subjectId: string): Promise<void> {
    const ttl = Math.max(1, this.decisions.cacheTtl)
    await Promise.all(
      this.consentKeys(subjectId).map((k) =>
        this.attempt(this.ctx.redis.set(k, ERASED_STATE, 'EX', ttl, 'XX')),
      ),
    )
  }

  /** After an erasure failed to commit: the next checks read PostgreSQL again. */
  async unfenceErasure(subjectId: string): Promise<void> {
    await Promise.all(this.consentKeys(subjectId).map((k) => this.attempt(this.ctx.redis.del(k))))
  }

  /**
   * Clears the subject id from their restrictions (erasure keeps the digest), then removes their
   * cached consent decisions and restriction marker durably (a removal a failover loses would let the
   * promoted replica answer an erased subject's old grant). Returns how many of those keys existed.
   */
  async erase(subjectId: string): Promise<number> {
    await this.ctx.pool.query({ ...this.q.forget, values: [this.ctx.vertical.name, subjectId] })
    const keys = [this.ctx.keys.restricted(subjectId), ...this.consentKeys(subjectId)]
    // Counted for the report only: a shard failing over answers 0 here, and the removal still follows.
    const timeoutMs = Math.max(1, this.ctx.platform.cache.timeout * 1000)
    const existed = await Promise.all(
      keys.map((k) => withTimeout(this.ctx.redis.exists(k), timeoutMs).catch(() => 0)),
    )
    await this.durably(
      keys.map((key) => ({ key, value: null })),
      'the subject was erased from PostgreSQL but its cached decisions could not be removed durably',
    )
    return existed.reduce((a: number, b) => a + Number(b), 0)
  }

  private consentKeys(subjectId: string): string[] {
    return this.ctx.vertical.purposes.map((p) => this.ctx.keys.consent(p, subjectId))
  }

  // Lifting loosens: a removal lost in a failover leaves a denying decision (until its TTL), never a grant.
  private async forgetCached(subjectId: string): Promise<number> {
    const keys = [this.ctx.keys.restricted(subjectId), ...this.consentKeys(subjectId)]
    const removed = await this.redis(
      keys.map((k) => this.ctx.redis.del(k)),
      'restriction lifted in PostgreSQL but not yet in Redis',
    )
    return removed.reduce((a: number, b) => a + Number(b), 0)
  }

  /** Makes every change durable (cache/durable.ts) within the bound, or fails with DEPENDENCY_UNAVAILABLE. */
  private async durably(changes: KeyChange[], message: string): Promise<void> {
    const options = {
      timeoutMs: Math.max(1, this.ctx.platform.cache.timeout * 1000),
      withinMs: this.decisions.durableWithinMs,
    }
    const done = await Promise.all(changes.map((c) => changeDurably(this.ctx.redis, c, options)))
    if (done.every(Boolean)) return
    throw new PlatformError('DEPENDENCY_UNAVAILABLE', message, {
      hint: 'Retry the call: the cached decisions are rewritten each time; Redis did not hold them on its primary and replicas in time.',
    })
  }

  /** One attempt at a Redis call, errors ignored (the durable write that follows decides). */
  private async attempt(call: Promise<unknown>): Promise<void> {
    await withTimeout(call, Math.max(1, this.ctx.platform.cache.timeout * 1000)).catch(() => undefined)
  }

  private async redis(writes: Promise<unknown>[], message: string): Promise<unknown[]> {
    try {
      return await Promise.all(writes)
    } catch (error) {
      throw new PlatformError('DEPENDENCY_UNAVAILABLE', message, {
        cause: error,
        hint: 'Retry the call: the cached decisions are rewritten each time, and lift() ends every restriction.',
      })
    }
  }
}

function toRestriction(r: Row): Restriction {
  return {
    id: String(r.id),
    kind: r.kind,
    purposes: r.purposes,
    requestId: r.request_id,
    createdAt: r.created_at,
  }
}
