import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PlatformError } from '@verticals/config-schema'
import {
  createPlatform,
  loadPlatformConfig,
  migrate,
  observabilityMetrics,
  observeQueries,
  openAuditStorage,
  openConnections,
  type Platform,
} from '@verticals/core'
import {
  createHttpMiddleware,
  createLogger,
  createMetrics,
  healthHandler,
  METRICS_PATH,
  metricsHandler,
  readinessHandler,
} from '@verticals/observability'
import type { DestinationStream, Level } from 'pino'
import { DsrAuth } from './auth'
import type { AppContext } from './context'
import { Drainer } from './drain'
import { Jobs } from './jobs'
import { APP_MIGRATIONS } from './migrations'
import { ROUTES, route } from './router'
import type { Settings } from './settings'
import { Store } from './store'

/** The vertical this service runs as. */
export const VERTICAL = 'barber'

/** Options of createApp beyond the settings. */
export interface AppOptions {
  /** False runs the benchmark baseline: no HTTP middleware, consent checks, cache or business metrics. */
  readonly sdk?: boolean
  readonly logLevel?: Level
  readonly logDestination?: DestinationStream
  /** Authenticates DSR callers (default: DsrAuth.fromEnv, the VERTICALS_DSR_AUTH_SECRET variable). */
  readonly auth?: DsrAuth
}

/** A running service. */
export interface App {
  readonly server: Server
  readonly platform: Platform
  /** The port it listens on (the real one when settings.port was 0). */
  readonly port: number
  /** Drains in-flight requests, then closes the server, the platform and the pool. */
  close(): Promise<void>
}

/** Loads platform.yaml, connects, runs the migrations and starts listening. */
export async function createApp(settings: Settings, options: AppOptions = {}): Promise<App> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(settings.schema)) {
    throw new PlatformError('INVALID_ARGUMENT', `DB_SCHEMA "${settings.schema}" is not a plain identifier`)
  }
  if (settings.vertical !== VERTICAL) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `VERTICALS_VERTICAL is "${settings.vertical}", but this service is the ${VERTICAL} service`,
    )
  }
  const config = await loadPlatformConfig(settings.configPath)
  const workload = config.verticals[VERTICAL]?.workloads[settings.workload]
  if (workload === undefined) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `VERTICALS_WORKLOAD "${settings.workload}" is not a workload of verticals.${VERTICAL} in ${settings.configPath}`,
    )
  }
  const logger = createLogger(config, {
    vertical: VERTICAL,
    level: options.logLevel ?? 'info',
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  })
  const metrics = createMetrics(config, { vertical: VERTICAL })
  // The app owns the pool and the Redis client: its own tables use the pool, /ready PINGs Redis (the
  // cache fails open and never reports Redis down), and it closes both after the platform.
  const {
    pool,
    redis,
    close: closeConnections,
  } = await openConnections({
    databaseUrl: settings.databaseUrl,
    redisUrl: settings.redisUrl,
    config,
    logger,
  })
  // The buckets the Deployment names: anchors of the audit chain and the erasure journal; the relay.
  const storage = await openAuditStorage(settings)
  const platform = await createPlatform({
    ...storage.platformOptions,
    config,
    vertical: VERTICAL,
    pg: pool,
    redis,
    schema: settings.schema,
    keyPrefix: settings.redisPrefix,
    logger,
    metrics: observabilityMetrics(metrics),
    ...(settings.auditKey === undefined ? {} : { auditKey: settings.auditKey }),
    ...(settings.subjectKey === undefined ? {} : { subjectKey: settings.subjectKey }),
    ...(settings.monitoringDatabaseUrl === undefined
      ? {}
      : { monitoringDatabaseUrl: settings.monitoringDatabaseUrl }),
  })
  try {
    await platform.migrate()
    await migrate(pool, settings.schema, APP_MIGRATIONS)
  } catch (error) {
    await platform.close()
    storage.close()
    await closeConnections()
    throw error
  }
  const sdk = options.sdk ?? true
  // Core times its own queries (observabilityMetrics has dbQuery); the app's tables are timed alike,
  // so verticals_db_query_duration_seconds covers every query the service makes.
  const storePool = sdk ? observeQueries(pool, (seconds) => metrics.recordDbQuery(seconds)) : pool
  const store = new Store(storePool, `"${settings.schema}"`)
  const auth = options.auth ?? DsrAuth.fromEnv(process.env, (msg) => logger.warn(msg))
  const ctx: AppContext = { platform, store, metrics, logger, sdk, auth }
  const scrapeInterval = workload.scrapeInterval
  const jobs = new Jobs({ config, platform, metrics, pool, store, logger, scrapeInterval })
  await jobs.start()
  const server = createServer()
  const drainer = new Drainer(server)
  // The workload's probe paths: the ones the generated Deployment probes.
  const probes = workload.probes
  const health = healthHandler()
  const ready = readinessHandler({
    postgres: async () => void (await pool.query('SELECT 1')),
    redis: async () => void (await redis.ping()),
    extra: {
      // Not ready while draining, so the load balancer stops sending traffic before the port closes.
      accepting: async () => {
        if (drainer.draining) throw new PlatformError('DEPENDENCY_UNAVAILABLE', 'draining')
      },
    },
  })
  const scrapeRegistry = metricsHandler(metrics.registry)
  const scrape = (req: IncomingMessage, res: ServerResponse) => {
    jobs.refreshPool()
    return scrapeRegistry(req, res)
  }
  const api = (req: IncomingMessage, res: ServerResponse) => void route(ctx, req, res)
  const middleware = sdk
    ? createHttpMiddleware(metrics, { routes: ROUTES.map((r) => r.template) })
    : undefined
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === probes.liveness.path) return health(req, res)
    if (path === probes.readiness.path) return void ready(req, res)
    if (path === METRICS_PATH) return void scrape(req, res)
    if (middleware) middleware(req, res, () => api(req, res))
    else api(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(settings.port, settings.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  logger.info({ port, schema: settings.schema }, 'barber service listening')
  let closing: Promise<void> | undefined
  return {
    server,
    platform,
    port,
    close: () => {
      closing ??= (async () => {
        const { cut } = await drainer.drain(settings.drainTimeoutMs)
        if (cut > 0) logger.warn({ cut }, 'drain timeout: connections cut')
        await jobs.stop()
        await platform.close()
        storage.close()
        await closeConnections()
        logger.info({}, 'barber service stopped')
        logger.flush()
      })()
      return closing
    },
  }
}
