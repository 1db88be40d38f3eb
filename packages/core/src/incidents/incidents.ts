import { randomUUID } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import type { AuditLog } from '../audit/audit'
import type { Context } from '../context'
import { statement } from '../sql'
import { type BreachNotification, breachNotifications } from './clocks'

/** An open (or closed) personal-data breach with its notification clocks. */
export interface Breach {
  id: string
  awareAt: Date
  openedAt: Date
  summary: string
  notifications: BreachNotification[]
  closedAt: Date | null
}

interface BreachRow {
  id: string
  aware_at: Date
  opened_at: Date
  summary: string
  notifications: BreachNotification[]
  closed_at: Date | null
}

const COLUMNS = 'id, aware_at, opened_at, summary, notifications, closed_at'
const toBreach = (r: BreachRow): Breach => ({
  id: r.id,
  awareAt: r.aware_at,
  openedAt: r.opened_at,
  summary: r.summary,
  notifications: r.notifications,
  closedAt: r.closed_at,
})

/**
 * Personal-data breaches: opened with a clock per jurisdiction and addressee (GDPR art. 33, LGPD art. 48
 * with ANPD Resolution 15/2024, the targets of `incidents.breachNotification`), each step recorded in
 * the audit chain, and the time left before each pending deadline reported to metrics.
 */
export class Incidents {
  private readonly q

  constructor(
    private readonly ctx: Context,
    private readonly audit: AuditLog,
  ) {
    const s = ctx.schema
    this.q = {
      open: statement(`INSERT INTO ${s}.breaches (id, vertical, aware_at, opened_at, summary, notifications)
VALUES ($2, $1, $3, $4, $5, $6) RETURNING ${COLUMNS}`),
      get: statement(`SELECT ${COLUMNS} FROM ${s}.breaches WHERE vertical = $1 AND id = $2`),
      open_: statement(
        `SELECT ${COLUMNS} FROM ${s}.breaches WHERE vertical = $1 AND closed_at IS NULL ORDER BY aware_at`,
      ),
      notified: statement(
        `UPDATE ${s}.breaches SET notifications = $3 WHERE vertical = $1 AND id = $2 RETURNING ${COLUMNS}`,
      ),
      close: statement(
        `UPDATE ${s}.breaches SET closed_at = $3 WHERE vertical = $1 AND id = $2 AND closed_at IS NULL RETURNING ${COLUMNS}`,
      ),
    }
  }

  /**
   * Records a breach the controller became aware of at `awareAt` (default now): an
   * `incident.breach.opened` audit entry with every notification deadline, then the metrics.
   */
  async openBreach(input: { summary: string; awareAt?: Date; actor: string }): Promise<Breach> {
    if (!input.summary.trim()) throw new PlatformError('INVALID_ARGUMENT', 'a breach needs a summary')
    const openedAt = this.ctx.now()
    const awareAt = input.awareAt ?? openedAt
    if (awareAt > openedAt)
      throw new PlatformError('INVALID_ARGUMENT', 'awareAt is in the future', {
        hint: 'awareAt is when the controller became aware of the breach: now, or earlier.',
      })
    const { platform } = this.ctx
    const notifications = breachNotifications(
      awareAt,
      platform.breachNotification.clocks,
      platform.jurisdictions,
    )
    const id = randomUUID()
    await this.proof('incident.breach.opened', input.actor, {
      breachId: id,
      awareAt: awareAt.toISOString(),
      notifications,
    })
    const { rows } = await this.ctx.pool.query<BreachRow>({
      ...this.q.open,
      values: [this.ctx.vertical.name, id, awareAt, openedAt, input.summary, JSON.stringify(notifications)],
    })
    await this.refresh()
    return toBreach(rows[0] as BreachRow)
  }

  /** Records that the notification of a breach to an addressee under a jurisdiction was sent. */
  async notified(
    id: string,
    input: { jurisdiction: string; to: 'authority' | 'subjects'; actor: string; at?: Date },
  ) {
    const breach = await this.get(id)
    const at = (input.at ?? this.ctx.now()).toISOString()
    const i = breach.notifications.findIndex(
      (n) => n.jurisdiction === input.jurisdiction && n.to === input.to,
    )
    if (i < 0)
      throw new PlatformError(
        'NOT_FOUND',
        `breach ${id} owes no notification to ${input.to} under ${input.jurisdiction}`,
      )
    const notifications = breach.notifications.map((n, j) => (j === i ? { ...n, notifiedAt: at } : n))
    await this.proof('incident.breach.notified', input.actor, {
      breachId: id,
      jurisdiction: input.jurisdiction,
      to: input.to,
      at,
      dueAt: breach.notifications[i]?.dueAt ?? null,
    })
    const { rows } = await this.ctx.pool.query<BreachRow>({
      ...this.q.notified,
      values: [this.ctx.vertical.name, id, JSON.stringify(notifications)],
    })
    await this.refresh()
    return toBreach(rows[0] as BreachRow)
  }

  /** Closes a breach (its notifications no longer count toward the metrics). */
  async close(id: string, actor: string): Promise<Breach> {
    await this.proof('incident.breach.closed', actor, { breachId: id })
    const { rows } = await this.ctx.pool.query<BreachRow>({
      ...this.q.close,
      values: [this.ctx.vertical.name, id, this.ctx.now()],
    })
    if (rows[0] === undefined) throw new PlatformError('NOT_FOUND', `no open breach ${id}`)
    await this.refresh()
    return toBreach(rows[0])
  }

  /** One breach by id, or NOT_FOUND. */
  async get(id: string): Promise<Breach> {
    const { rows } = await this.ctx.pool.query<BreachRow>({
      ...this.q.get,
      values: [this.ctx.vertical.name, id],
    })
    if (rows[0] === undefined) throw new PlatformError('NOT_FOUND', `breach ${id} does not exist`)
    return toBreach(rows[0])
  }

  /**
   * Reports, per clock (jurisdiction and addressee), the seconds left before the earliest deadline of a
   * notification not yet sent of an open breach (negative once past); call it as often as Prometheus
   * scrapes. Returns what it reported.
   */
  async refresh(): Promise<{ jurisdiction: string; to: string; secondsLeft: number }[]> {
    const now = this.ctx.now().getTime()
    const { rows } = await this.ctx.pool.query<BreachRow>({
      ...this.q.open_,
      values: [this.ctx.vertical.name],
    })
    const earliest = new Map<string, { jurisdiction: string; to: string; secondsLeft: number }>()
    // Only clocks the config still declares have a series (the metric's labels are bounded by it).
    const declared = new Set(
      this.ctx.platform.breachNotification.clocks.map((c) => `${c.jurisdiction}/${c.to}`),
    )
    for (const n of rows.flatMap((r) => r.notifications)) {
      if (n.dueAt === null || n.notifiedAt !== null || !declared.has(`${n.jurisdiction}/${n.to}`)) continue
      const secondsLeft = Math.round((Date.parse(n.dueAt) - now) / 1000)
      const key = `${n.jurisdiction}/${n.to}`
      const seen = earliest.get(key)
      if (seen === undefined || secondsLeft < seen.secondsLeft)
        earliest.set(key, { jurisdiction: n.jurisdiction, to: n.to, secondsLeft })
    }
    const pending = [...earliest.values()].sort((a, b) => a.secondsLeft - b.secondsLeft)
    this.ctx.metrics.breachNotifications(pending)
    return pending
  }

  // Breach entries name no subject: the chain keeps what was known and when, and who acted.
  private proof(type: string, actor: string, data: Record<string, unknown>) {
    return this.audit.append({ type, actor, data })
  }
}
