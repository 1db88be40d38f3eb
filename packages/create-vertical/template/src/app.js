import { createServer } from 'node:http'
import { postgresOf, tenancyOf } from '@verticals/config-schema'
import {
  createPlatform,
  loadPlatformConfig,
  migrate,
  observabilityMetrics,
  observeQueries,
  openAuditStorage,
  openConnections,
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
import { DsrAuth } from './auth.js'
import { HttpError, sendJson } from './http.js'
import { APP_MIGRATIONS } from './migrations.js'
import { match, ROUTES } from './routes.js'
import { Store } from './store.js'

const STATUS_OF = {
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  PURPOSE_UNKNOWN: 400,
  IDENTITY_NOT_VERIFIED: 403,
  DEPENDENCY_UNAVAILABLE: 503,
}

/** Loads platform.yaml, connects, migrates and listens; `close()` drains and closes everything. */
export async function createApp(settings, options = {}) {
  const config = await loadPlatformConfig(settings.configPath)
  const { vertical } = settings
  // The workload's probe paths and scrape interval: the ones the generated Deployment and rules use.
  const workload = config.verticals[vertical]?.workloads[settings.workload]
  if (workload === undefined)
    throw new Error(`VERTICALS_WORKLOAD "${settings.workload}" is not a workload of verticals.${vertical}`)
  const logger = createLogger(config, {
    vertical,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  })
  const metrics = createMetrics(config, { vertical })
  // The service owns the pool and the Redis client: its own tables use the pool and /ready PINGs
  // Redis. Without Redis the service still starts (after at most 2 s); the cache fails open.
  // On a shared PostgreSQL store (dataStores.shared) each vertical keeps its own schema and roles, so
  // the members of the store cannot read each other's tables; otherwise the service's own `service`.
  const schema =
    settings.schema ??
    (postgresOf(config, vertical).shared === null ? 'service' : tenancyOf(config, vertical).schema)
  const {
    pool,
    redis,
    close: closeConnections,
  } = await openConnections({
    databaseUrl: settings.databaseUrl,
    redisUrl: settings.redisUrl,
    config,
    vertical,
    logger,
    redisReadyTimeoutMs: 2000,
  })
  // The audit-anchors bucket the Deployment names (VERTICALS_AUDIT_ANCHORS_BUCKET): the audit chain is
  // anchored there and every erasure journaled, so a restored backup cannot bring an erased subject back;
  // and the erasure relay's (VERTICALS_ERASURE_RELAY_BUCKET), through which verticals on other databases
  // ask this one to erase and are asked.
  const storage = await openAuditStorage(settings)
  const platform = await createPlatform({
    ...storage.platformOptions,
    config,
    vertical,
    pg: pool,
    redis,
    schema,
    keyPrefix: settings.redisPrefix,
    logger,
    metrics: observabilityMetrics(metrics),
    auditKey: settings.auditKey,
    subjectKey: settings.subjectKey,
    monitoringDatabaseUrl: settings.monitoringDatabaseUrl,
  })
  await platform.migrate()
  await migrate(pool, schema, APP_MIGRATIONS)
  // Authenticates the callers of the DSR routes (VERTICALS_DSR_AUTH_SECRET; tests pass their own).
  const auth = options.auth ?? DsrAuth.fromEnv(process.env, (msg) => logger.warn(msg))
  // Core times its own queries (observabilityMetrics); the service's tables are timed alike, so the
  // query histogram (verticals_db_query_duration_seconds) covers every query the service makes.
  const store = new Store(
    observeQueries(pool, (seconds) => metrics.recordDbQuery(seconds)),
    schema,
  )
  const ctx = { platform, metrics, logger, auth, store }
  // The DSR backlog and breach-notification gauges feed the generated alerts: refresh them as often as Prometheus scrapes.
  const scanDsr = () =>
    Promise.all([platform.dsr.overdue(), platform.incidents.refresh()]).catch((error) =>
      logger.warn({ err: error.message }, 'DSR and breach clock scan failed'),
    )
  await scanDsr()
  const dsrTimer = setInterval(scanDsr, workload.scrapeInterval * 1000).unref()

  let draining = false
  const { liveness, readiness } = workload.probes
  const health = healthHandler()
  const ready = readinessHandler({
    postgres: async () => void (await pool.query('SELECT 1')),
    redis: async () => void (await redis.ping()),
    extra: {
      accepting: async () => {
        if (draining) throw new Error('draining')
      },
    },
  })
  const registry = metricsHandler(metrics.registry)
  const scrape = (req, res) => {
    // The pool gauges feed the generated poolSaturation alert.
    metrics.setDbPool({
      inUse: pool.totalCount - pool.idleCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    })
    return registry(req, res)
  }
  const middleware = createHttpMiddleware(metrics, { routes: ROUTES.map(([, template]) => template) })
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (draining) res.setHeader('connection', 'close')
    if (path === liveness.path) return health(req, res)
    if (path === readiness.path) return ready(req, res)
    if (path === METRICS_PATH) return scrape(req, res)
    middleware(req, res, () => dispatch(ctx, req, res, path))
  })
  await new Promise((resolve, reject) =>
    server.once('error', reject).listen(settings.port, settings.host, resolve),
  )
  const port = server.address().port
  logger.info({ port }, 'service listening')
  let closing
  return {
    port,
    platform,
    close: () =>
      (closing ??= (async () => {
        draining = true
        const closed = new Promise((resolve) => server.close(resolve))
        server.closeIdleConnections()
        const cut = setTimeout(() => server.closeAllConnections(), settings.drainTimeoutMs)
        await closed
        clearTimeout(cut)
        clearInterval(dsrTimer)
        await platform.close()
        storage.close()
        await closeConnections()
        logger.info({}, 'service stopped')
      })()),
  }
}

async function dispatch(ctx, req, res, path) {
  const candidates = ROUTES.filter(([, template]) => match(template, path))
  const route = candidates.find(([method]) => method === req.method)
  try {
    if (!route)
      throw new HttpError(
        candidates.length ? 405 : 404,
        candidates.length ? 'method_not_allowed' : 'not_found',
        `no route for ${req.method} ${path}`,
      )
    const result = await route[2](ctx, req, match(route[1], path))
    const [status, body] = Array.isArray(result) ? result : [200, result]
    sendJson(res, status, body)
  } catch (error) {
    const status = error instanceof HttpError ? error.status : STATUS_OF[error?.code]
    if (status === undefined) ctx.logger.error({ err: error }, 'request failed')
    const code = error instanceof HttpError ? error.code : (error?.code?.toLowerCase() ?? 'internal')
    const message = status === undefined ? 'the request failed; see the service log' : error.message
    sendJson(res, status ?? 500, { error: { code, message, ...error?.details } })
  }
}
