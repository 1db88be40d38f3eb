import type { IncomingMessage, ServerResponse } from 'node:http'

/** A dependency check: resolves when the dependency answered (e.g. `SELECT 1`, `PING`), rejects otherwise. */
export type Probe = () => Promise<void>

/** Options of the readiness check. */
export interface ReadinessOptions {
  readonly postgres: Probe
  readonly redis: Probe
  /** Further named dependencies, checked the same way. */
  readonly extra?: Readonly<Record<string, Probe>>
  /** Milliseconds each probe may take; the kubelet's default probe timeout (1 s) by default. */
  readonly timeoutMs?: number
}

/** The outcome of one probe. */
export interface ProbeResult {
  readonly status: 'up' | 'down'
  readonly durationMs: number
  /** `timeout`, or the error's code/name; never its message (it may hold hosts or credentials). */
  readonly reason?: string
}

/** What `/ready` reports: ready only when every dependency answered in time. */
export interface ReadinessReport {
  readonly status: 'ready' | 'degraded'
  /** Names of the dependencies that did not answer. */
  readonly degraded: readonly string[]
  readonly checks: Readonly<Record<string, ProbeResult>>
}

const DEFAULT_TIMEOUT_MS = 1000

/** Liveness: the process runs its event loop. */
export function checkHealth(): { status: 'ok'; uptimeSeconds: number } {
  return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) }
}

/** Runs every probe in parallel, each bounded by the timeout, and names the ones that failed. */
export async function checkReadiness(options: ReadinessOptions): Promise<ReadinessReport> {
  const probes: Record<string, Probe> = { postgres: options.postgres, redis: options.redis, ...options.extra }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const names = Object.keys(probes)
  const results = await Promise.all(names.map((name) => runProbe(probes[name] as Probe, timeout)))
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as ProbeResult]))
  const degraded = names.filter((name) => checks[name]?.status === 'down')
  return { status: degraded.length === 0 ? 'ready' : 'degraded', degraded, checks }
}

async function runProbe(probe: Probe, timeoutMs: number): Promise<ProbeResult> {
  const start = performance.now()
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const outcome = await Promise.race([probe().then(() => 'up' as const), timedOut])
    const durationMs = Math.round(performance.now() - start)
    return outcome === 'up' ? { status: 'up', durationMs } : { status: 'down', durationMs, reason: 'timeout' }
  } catch (error) {
    return { status: 'down', durationMs: Math.round(performance.now() - start), reason: reasonOf(error) }
  } finally {
    clearTimeout(timer)
  }
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code
  return error instanceof Error ? error.name : 'error'
}

/** `GET /health`: 200 while the process is alive. */
export function healthHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => sendJson(res, 200, checkHealth())
}

/** `GET /ready`: 200 when PostgreSQL and Redis answer in time, 503 naming the degraded ones otherwise. */
export function readinessHandler(
  options: ReadinessOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    const report = await checkReadiness(options)
    sendJson(res, report.status === 'ready' ? 200 : 503, report)
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`${JSON.stringify(body)}\n`)
}
