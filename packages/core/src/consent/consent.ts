import { PlatformError, type ResolvedPlatform } from '@verticals/config-schema'
import type { AuditLog } from '../audit/audit'
import { withTimeout } from '../cache/timeout'
import type { Context } from '../context'
import { DecisionCache } from './decision-cache'
import type { ConsentEvidence, ConsentRecord } from './evidence'
import { consentQueries } from './queries'
import { type ConsentDecision, decide, encodeState } from './state'

type Purpose = ResolvedPlatform['consent']['purposes'][string] & { cached: boolean }

/** Consent on PostgreSQL: an append-only ledger, a derived state, checks that fail closed. */
export class Consent {
  private readonly q: ReturnType<typeof consentQueries>
  private readonly purposes = new Map<string, Purpose>()
  private readonly cache: DecisionCache

  constructor(
    private readonly ctx: Context,
    private readonly audit: AuditLog,
    private readonly options: { cacheTtl: number; timeoutMs: number; durableWithinMs: number },
  ) {
    this.q = consentQueries(ctx.schema)
    for (const name of ctx.vertical.purposes) {
      const purpose = ctx.platform.consent.purposes[name]
      // Knowing that someone consented to a special-category purpose reveals special data: never cached.
      if (purpose) this.purposes.set(name, { ...purpose, cached: !purpose.special && options.cacheTtl > 0 })
    }
    this.cache = new DecisionCache(ctx, options.cacheTtl, options.durableWithinMs)
  }

  /** Records a grant valid for the purpose's validity; renewing is granting again. */
  async grant(input: {
    subjectId: string
    purpose: string
    evidence: ConsentEvidence
    explicit?: boolean
  }): Promise<ConsentRecord> {
    const purpose = this.purpose(input.purpose)
    if (purpose.explicit && input.explicit !== true) {
      throw new PlatformError('INVALID_ARGUMENT', `purpose "${purpose.name}" requires explicit consent`, {
        hint: 'Collect a specific opt-in for this purpose and pass explicit: true with its evidence.',
      })
    }
    const expiresAt = new Date(this.ctx.now().getTime() + purpose.validity * 1000)
    return this.record(input.subjectId, purpose, 'grant', input.explicit === true, input.evidence, expiresAt)
  }

  /**
   * Records a withdrawal; once it returns, every check on every instance denies. It returns when the
   * cached decision is durable in Redis (see DecisionCache), so through a Redis failover it can take
   * up to `consentDurableWithinMs`; `cacheUpdated: false` means Redis could not take it by then.
   */
  async withdraw(input: {
    subjectId: string
    purpose: string
    evidence?: ConsentEvidence
  }): Promise<ConsentRecord> {
    const purpose = this.purpose(input.purpose)
    const evidence = input.evidence ?? { collectedBy: input.subjectId, method: 'withdrawal' }
    return this.record(input.subjectId, purpose, 'withdraw', false, evidence, null)
  }

  /** Whether processing for a purpose is allowed now. Fails closed: `unavailable` when PostgreSQL cannot answer. */
  async check(subjectId: string, purposeName: string): Promise<ConsentDecision> {
    const purpose = this.purpose(purposeName)
    const key = purpose.cached ? this.ctx.keys.consent(purpose.name, subjectId) : undefined
    const cached = key === undefined ? null : await this.cache.get(key)
    const version = purpose.reconsentOnTextChange ? this.ctx.platform.consent.textVersion : undefined
    if (cached !== null) return this.answer(purpose.name, decide(cached, this.ctx.now().getTime(), version))
    let state: string
    try {
      const byConsent = purpose.legalBasis === 'consent'
      const result = await withTimeout(
        this.ctx.pool.query<{
          status?: string | null
          expires_at?: Date | null
          text_version?: string | null
          restricted: string | null
        }>({
          ...(byConsent ? this.q.state : this.q.restriction),
          values: [this.ctx.vertical.name, subjectId, purpose.name],
        }),
        this.options.timeoutMs,
      )
      const row = result.rows[0]
      state =
        byConsent || row?.restricted
          ? encodeState({
              status: row?.status ?? null,
              expires_at: row?.expires_at ?? null,
              text_version: row?.text_version ?? null,
              restricted: row?.restricted ?? null,
            })
          : 'b'
    } catch (error) {
      this.ctx.metrics.consentCheck(purpose.name, 'error')
      this.ctx.logger.warn(
        { purpose: purpose.name, err: String(error) },
        'consent check failed closed: postgres unavailable',
      )
      return { allowed: false, reason: 'unavailable', expiresAt: null }
    }
    if (key !== undefined) this.cache.fill(key, state)
    return this.answer(purpose.name, decide(state, this.ctx.now().getTime(), version))
  }

  /** Grants that expire within `seconds` from now, soonest first: the renewal worklist. */
  async expiring(
    seconds: number,
    limit = 1000,
  ): Promise<{ subjectId: string; purpose: string; expiresAt: Date }[]> {
    const now = this.ctx.now()
    const until = new Date(now.getTime() + seconds * 1000)
    const { rows } = await this.ctx.pool.query<{ subject_id: string; purpose: string; expires_at: Date }>({
      ...this.q.expiring,
      values: [this.ctx.vertical.name, now, until, limit],
    })
    return rows.map((r) => ({ subjectId: r.subject_id, purpose: r.purpose, expiresAt: r.expires_at }))
  }

  private answer(purpose: string, decision: ConsentDecision): ConsentDecision {
    this.ctx.metrics.consentCheck(purpose, decision.allowed ? 'granted' : 'denied')
    return decision
  }

  private purpose(name: string): Purpose {
    const purpose = this.purposes.get(name)
    if (purpose === undefined) {
      throw new PlatformError(
        'PURPOSE_UNKNOWN',
        `consent purpose "${name}" is not used by vertical ${this.ctx.vertical.name}`,
        {
          hint: `Use one of: ${[...this.purposes.keys()].join(', ')}.`,
        },
      )
    }
    return purpose
  }

  private async record(
    subjectId: string,
    purpose: Purpose,
    action: 'grant' | 'withdraw',
    explicit: boolean,
    evidence: ConsentEvidence,
    expiresAt: Date | null,
  ): Promise<ConsentRecord> {
    if (subjectId === '') throw new PlatformError('INVALID_ARGUMENT', 'subjectId must not be empty')
    checkEvidence(evidence)
    const textVersion = evidence.textVersion ?? this.ctx.platform.consent.textVersion
    const key = this.ctx.keys.consent(purpose.name, subjectId)
    // A withdrawal denies in Redis before it is committed, so no crash after the commit leaves the grant there.
    const fenced = purpose.cached && action === 'withdraw'
    if (fenced) await this.cache.fence(key, encodeState({ status: 'withdrawn', expires_at: null }))
    let receipt: Awaited<ReturnType<AuditLog['appendConsent']>>
    try {
      receipt = await this.audit.appendConsent({
        subjectId,
        purpose: purpose.name,
        action,
        explicit,
        textVersion,
        evidence: { ...evidence, textVersion },
        expiresAt,
      })
    } catch (error) {
      if (fenced) await this.cache.unfence(key)
      throw error
    }
    const status = action === 'grant' ? 'granted' : 'withdrawn'
    // A grant never lifts a restriction or objection: the cached decision keeps denying while one is in force.
    const restricted = purpose.cached
      ? (
          await this.ctx.pool.query<{ restricted: string }>({
            ...this.q.restriction,
            values: [this.ctx.vertical.name, subjectId, purpose.name],
          })
        ).rows[0]?.restricted
      : undefined
    const cacheUpdated = purpose.cached
      ? await this.cache.replace(
          key,
          encodeState({ status, expires_at: expiresAt, text_version: textVersion, restricted }),
          { durable: action === 'withdraw' },
        )
      : true
    return { eventId: String(receipt.consentEventId), status, expiresAt, cacheUpdated }
  }
}

// Evidence is what makes a consent event proof: who collected it and how are required, and a text
// version, when given, must name one.
function checkEvidence(evidence: ConsentEvidence | undefined): void {
  const blank = (value: unknown) => typeof value !== 'string' || value.trim() === ''
  const missing = [
    ...(blank(evidence?.collectedBy) ? ['collectedBy'] : []),
    ...(blank(evidence?.method) ? ['method'] : []),
    ...(evidence?.textVersion !== undefined && blank(evidence.textVersion) ? ['textVersion'] : []),
  ]
  if (missing.length > 0) {
    throw new PlatformError('INVALID_ARGUMENT', `consent evidence lacks ${missing.join(' and ')}`, {
      hint: 'Pass evidence: { collectedBy, method } (and textVersion when the text shown differs from consent.textVersion).',
    })
  }
}
