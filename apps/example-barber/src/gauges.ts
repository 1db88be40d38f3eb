import type { Platform } from '@verticals/core'
import type { VerticalMetrics } from '@verticals/observability'
import type pg from 'pg'
import type { Logger } from 'pino'

/**
 * Keeps the gauges the generated alerts watch fresh: the DSR backlog (dsrDeadline alerts) on an
 * interval as long as Prometheus's scrape interval, and the pool gauges (poolSaturation) at scrape.
 */
export class Gauges {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined

  constructor(
    private readonly platform: Platform,
    private readonly metrics: VerticalMetrics,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  /** Starts the DSR backlog scan every `seconds`; resolves after the first one. */
  async start(seconds: number): Promise<void> {
    const scan = () => {
      this.running = this.platform.dsr.overdue().catch((error: unknown) => {
        this.logger.warn({ err: (error as Error).message }, 'DSR backlog scan failed')
      })
    }
    this.timer = setInterval(scan, seconds * 1000)
    this.timer.unref()
    scan()
    await this.running
  }

  /** Sets the PostgreSQL pool gauges from the pool's own counters (call before each scrape). */
  refreshPool(): void {
    const { totalCount, idleCount, waitingCount } = this.pool
    this.metrics.setDbPool({ inUse: totalCount - idleCount, idle: idleCount, waiting: waitingCount })
  }

  /** Stops the scan and waits for one in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }
}
