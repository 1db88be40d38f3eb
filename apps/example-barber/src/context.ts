import type { Platform } from '@verticals/core'
import type { VerticalMetrics } from '@verticals/observability'
import type { Logger } from 'pino'
import type { DsrAuth } from './auth'
import type { Store } from './store'

/** What every handler works with. */
export interface AppContext {
  readonly platform: Platform
  readonly store: Store
  readonly metrics: VerticalMetrics
  readonly logger: Logger
  /** Authenticates the callers of the data-subject-request routes. */
  readonly auth: DsrAuth
  /**
   * False only in the load benchmark's baseline: the same handlers without consent checks, the
   * cache and business metrics, to measure what the SDK costs.
   */
  readonly sdk: boolean
}

/** A route handler: gets the path parameters, returns the status and JSON body to send. */
export type Handler = (
  ctx: AppContext,
  req: import('node:http').IncomingMessage,
  params: Readonly<Record<string, string>>,
) => Promise<{ status: number; body: unknown }>
