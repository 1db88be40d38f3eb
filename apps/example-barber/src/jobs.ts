import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Platform } from '@verticals/core'
import type { VerticalMetrics } from '@verticals/observability'
import type pg from 'pg'
import type { Logger } from 'pino'
import { retainBookings } from './retention'
import type { Store } from './store'

/** What the background jobs work with. */
export interface JobDeps {
  config: ResolvedPlatform
  platform: Platform
  metrics: VerticalMetrics
  pool: pg.Pool
  store: Store
  logger: Logger
  /** Seconds between Prometheus scrapes of this workload. */
  scrapeInterval: number
}

/**
 * The service's background work, on the config's clocks: the DSR backlog scan at the scrape
 * interval (the gauges behind the dsrDeadline alerts), retention of the app's bookings every
 * retention.runEvery, and the pool gauges (poolSaturation) refreshed at each scrape.
 */
export class Jobs {
  private readonly timers: NodeJS.Timeout[] = []
  private readonly running = new Set<Promise<unknown>>()

  constructor(private readonly deps: JobDeps) {}

  /** Starts both schedules; resolves after the first DSR scan, so /metrics has its gauges at once. */
  async start(): Promise<void> {
    const { config, platform, logger, scrapeInterval } = this.deps
    // The DSR backlog and breach-notification gauges feed the generated alerts: fresh at every scrape.
    const scan = this.every(scrapeInterval, 'DSR backlog and breach clock scan', () =>
      Promise.all([platform.dsr.overdue(), platform.incidents.refresh()]),
    )
    this.every(config.retention.runEvery, 'bookings retention', () =>
      retainBookings(config, platform, this.deps.store),
    )
    await scan
    logger.debug({}, 'background jobs started')
  }

  /** Sets the PostgreSQL pool gauges from the pool's own counters (call before each scrape). */
  refreshPool(): void {
    const { totalCount, idleCount, waitingCount } = this.deps.pool
    this.deps.metrics.setDbPool({ inUse: totalCount - idleCount, idle: idleCount, waiting: waitingCount })
  }

  /** Stops the schedules and waits for runs in progress. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    await Promise.all(this.running)
  }

  // Runs `job` now and every `seconds`; a failure is logged and the next tick tries again.
  private every(seconds: number, name: string, job: () => Promise<unknown>): Promise<unknown> {
    const run = () => {
      const p = job()
        .catch((error: unknown) => this.deps.logger.warn({ err: (error as Error).message }, `${name} failed`))
        .finally(() => this.running.delete(p))
      this.running.add(p)
      return p
    }
    const timer = setInterval(run, seconds * 1000)
    timer.unref()
    this.timers.push(timer)
    return run()
  }
}
