// The live monitoring loop: the example service started from its generated manifests, a PostgreSQL and
// a Redis of the test's own, the exporters, Prometheus and Alertmanager from Debian's packages running
// the generated rules, scrape config and Alertmanager config (see ./monitoring/stack.ts for the only
// substitutions), and a webhook standing in for every receiver. Faults are injected one after the
// other; each must reach the webhook as the alert named for it, and resolve once healed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@verticals/config-schema'
import { REDIS_MONITORING_USER, redisExporterAcl } from '@verticals/observability'
import { PLATFORM_DIR } from '@verticals/templates'
import { afterAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { startS3Server } from '../../../testing/s3-server'
import { auditAnchorsBucket, s3PodIdentity } from './kubelet/aws-stand-in.ts'
import { readImageSpec } from './kubelet/dockerfile.ts'
import { bundleObjects, find, podSpec } from './kubelet/manifests.ts'
import { type RunningPod, runPod } from './kubelet/pod.ts'
import { runtimeSecret } from './kubelet/runtime-secret.ts'
import {
  bundleFile,
  localReceivers,
  type Notification,
  settled,
  startAlertmanager,
  startExporter,
  startPrometheus,
  startWebhook,
  staticScrapeConfig,
} from './monitoring/stack.ts'
import { ownPostgres, ownRedis } from './monitoring/stores.ts'
import { LONGEST_PAGE_SHORT_WINDOW_MS, shortenedConfig } from './monitoring/test-config.ts'
import { delay, describeRun, ProcessTracker } from './processes.ts'
import { repoRoot } from './workspace.ts'

const tracker = new ProcessTracker()
const dir = mkdtempSync(join(tmpdir(), 'verticals-monitoring-loop-'))
const app = join(repoRoot, 'apps', 'example-barber')
const VERTICAL = 'barber'
// Five notification waits per fault at most; each gets an equal share of the test's timeout.
const TIMEOUT = timeoutFor({ alertLoop: 1 })
// A machine-load share of the whole run, plus the slowest alert's own window (a burn-rate page
// resolves only once its one-minute short window is clean).
const WAIT_MS = Math.floor(TIMEOUT / 25) + LONGEST_PAGE_SHORT_WINDOW_MS

afterAll(async () => {
  await tracker.stopAll()
  rmSync(dir, { recursive: true, force: true })
})

// An alert name, optionally with `label=value` (the page instance of a burn-rate alert: `...:burn=page`).
const alertsIn = (n: Notification, status: 'firing' | 'resolved') =>
  n.alerts
    .filter((a) => a.status === status)
    .flatMap((a) => [
      a.labels.alertname ?? '',
      ...Object.entries(a.labels).map(([k, v]) => `${a.labels.alertname}:${k}=${v}`),
    ])

async function notified(
  received: readonly Notification[],
  alert: string,
  status: 'firing' | 'resolved',
  since: number,
  context: () => string,
): Promise<number> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const hit = received.find((n) => n.at >= since && alertsIn(n, status).includes(alert))
    if (hit) return (hit.at - since) / 1000
    if (Date.now() > deadline) {
      const seen = received
        .filter((n) => n.at >= since)
        .map(
          (n) =>
            `${n.path} ${n.status}: ${n.alerts.map((a) => `${a.labels.alertname}=${a.status}`).join(', ')}`,
        )
      throw new Error(
        `no ${status} ${alert} within ${WAIT_MS} ms; received since the fault:\n${seen.join('\n')}\n${context()}`,
      )
    }
    await delay(250)
  }
}

describe('the live monitoring loop', () => {
  it(
    'notifies each fault of the example service as its alert, and resolves it once healed',
    async () => {
      expect(existsSync(join(app, 'dist', 'main.js')), 'build apps/example-barber first').toBe(true)
      const config = join(dir, 'platform.yaml')
      writeFileSync(config, shortenedConfig(readFileSync(join(app, 'platform.yaml'), 'utf8')))
      const parsed = parse(readFileSync(config, 'utf8'), config)
      if (!parsed.ok)
        throw new Error(`the shortened config is invalid: ${JSON.stringify(parsed.diagnostics)}`)
      const platform = parsed.platform
      const bundle = join(dir, 'bundle')
      const cli = join(repoRoot, 'packages', 'generator', 'bin', 'verticals.js')
      const generated = await tracker.run(process.execPath, [cli, 'generate', config, '--out', bundle], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '' },
        timeoutMs: timeoutFor({ generate: 1 }),
      })
      expect(generated.code, describeRun('verticals generate', generated)).toBe(0)

      const pg = await ownPostgres(tracker, dir)
      const redis = await ownRedis(tracker, dir)
      const { secrets, monitoring } = runtimeSecret(platform.metadata.name, VERTICAL, {
        databaseUrl: pg.url,
        redisUrl: redis.url,
      })
      // The exporters' least-privilege identities: the Redis ACL user as monitoring.tf makes it on
      // ElastiCache; the PostgreSQL role the service creates and gives its password when it migrates.
      await redis.addUser([
        REDIS_MONITORING_USER,
        ...redisExporterAcl().split(' '),
        `>${monitoring.redisPassword}`,
      ])
      const objects = bundleObjects(bundle, VERTICAL)
      const s3 = await startS3Server('anchors', auditAnchorsBucket(bundle, VERTICAL))
      const start = () =>
        runPod(tracker, {
          objects,
          deployment: 'api',
          image: readImageSpec(join(app, 'Dockerfile')),
          workdir: app,
          secrets,
          scratch: dir,
          readyTimeoutMs: timeoutFor({ scaffoldTests: 1 }),
          podIdentity: s3PodIdentity(s3.endpoint),
        })
      let pod: RunningPod = await start()
      const postgresExporter = await startExporter(tracker, objects, 'postgres', secrets, dir)
      const redisExporter = await startExporter(tracker, objects, 'redis', secrets, dir)

      const webhook = await startWebhook()
      const am = await startAlertmanager(
        tracker,
        dir,
        localReceivers(
          bundleFile(bundle, `${PLATFORM_DIR}/monitoring/alertmanager/alertmanager.yaml`),
          webhook.url,
        ),
      )
      const job = (part: string) => `${platform.metadata.name}-${VERTICAL}-${part}`
      const namespace = (find(objects, 'Deployment', 'api', 'the loop scrapes it').metadata.namespace ??
        '') as string
      const labels = (workload: string) => ({ namespace, workload, pod: `${workload}-0` })
      const apiPort = podSpec(find(objects, 'Deployment', 'api', 'the loop scrapes it')).containers[0]
        ?.ports?.[0]
      const scrape = staticScrapeConfig(bundleFile(bundle, `${VERTICAL}/monitoring/prometheus/scrape.yaml`), {
        [job('api')]: { target: `127.0.0.1:${apiPort?.containerPort}`, labels: labels('api') },
        [job('postgres-exporter')]: { target: postgresExporter.target, labels: labels('postgres-exporter') },
        [job('redis-exporter')]: { target: redisExporter.target, labels: labels('redis-exporter') },
      })
      const prometheus = await startPrometheus(
        tracker,
        dir,
        join(bundle, VERTICAL, 'monitoring', 'prometheus'),
        scrape,
        am.target,
      )
      const context = () =>
        `--- alertmanager\n${am.log().slice(-3000)}\n--- prometheus\n${prometheus.log().slice(-3000)}`

      // Steady traffic, as a market's clients would send: an unknown booking answers 404 (not an error).
      let traffic = true
      const market = Object.keys(platform.markets).sort()[0] ?? ''
      const load = (async () => {
        while (traffic) {
          await fetch(`${pod.url}/bookings/00000000-0000-4000-8000-000000000000`, {
            headers: { 'x-verticals-market': market },
            signal: AbortSignal.timeout(2000),
          }).catch(() => undefined)
          await delay(50)
        }
      })()
      const report: string[] = []
      const fault = async (
        name: string,
        alerts: readonly string[],
        breakIt: () => Promise<void>,
        heal: () => Promise<void>,
      ) => {
        const at = Date.now()
        await breakIt()
        for (const alert of alerts) {
          const s = await notified(webhook.received, alert, 'firing', at, context)
          report.push(`${name}: ${alert} firing after ${s.toFixed(1)} s`)
        }
        const healed = Date.now()
        await heal()
        for (const alert of alerts) {
          const s = await notified(webhook.received, alert, 'resolved', healed, context)
          report.push(`${name}: ${alert} resolved ${s.toFixed(1)} s after healing`)
        }
      }
      const psql = async (sql: string) => {
        const r = await tracker.run('psql', [pg.url, '-v', 'ON_ERROR_STOP=1', '-Atc', sql], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '' },
          timeoutMs: timeoutFor({ psql: 1 }),
        })
        expect(r.code, describeRun('psql', r)).toBe(0)
      }
      const ready = () =>
        fetch(`${pod.url}/ready`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.status,
          () => 0,
        )

      try {
        // Healthy: once every target answers and the start-up's absent() alerts have cleared, the
        // Watchdog and nothing else.
        await settled(prometheus.url, am.target, WAIT_MS)
        const healthy = Date.now()
        const s = await notified(webhook.received, 'VerticalsWatchdog', 'firing', healthy, context)
        report.push(`healthy: VerticalsWatchdog after ${s.toFixed(1)} s`)
        const others = webhook.received
          .filter((n) => n.at >= healthy)
          .flatMap((n) => alertsIn(n, 'firing'))
          .filter((a) => !a.startsWith('VerticalsWatchdog'))
        const timeline = () =>
          webhook.received
            .filter((n) => n.at >= healthy)
            .map(
              (n) =>
                `${((n.at - healthy) / 1000).toFixed(1)} s ${n.path}: ${n.alerts.map((a) => `${a.labels.alertname}=${a.status}`).join(', ')}`,
            )
            .join('\n')
        expect(others, `only the Watchdog fires while everything is healthy:\n${timeline()}`).toEqual([])
        expect(webhook.received.find((n) => alertsIn(n, 'firing').includes('VerticalsWatchdog'))?.path).toBe(
          '/dead-mans-switch',
        )
        // The exporters answer with their monitoring identities (pg_monitor role, Redis ACL user), and the
        // service's query histogram feeds the fast-query recording.
        const series = async (expr: string) => {
          const deadline = Date.now() + WAIT_MS
          for (;;) {
            const answer = (await fetch(
              `${prometheus.url}/api/v1/query?query=${encodeURIComponent(expr)}`,
            ).then((r) => r.json())) as { data: { result: { value: [number, string] }[] } }
            const values = answer.data.result.map((r) => Number(r.value[1]))
            if (values.length > 0) return values
            if (Date.now() > deadline)
              throw new Error(`no series for ${expr} within ${WAIT_MS} ms\n${context()}`)
            await delay(500)
          }
        }
        expect(await series('pg_up')).toEqual([1])
        expect(await series('redis_up')).toEqual([1])
        const fast = await series(`vertical:verticals_db_queries_fast:ratio{vertical="${VERTICAL}"}`)
        report.push(`healthy: fast-query share ${fast.join(', ')}`)
        expect(fast.every((v) => v >= 0 && v <= 1)).toBe(true)

        await fault('redis stopped', ['VerticalsRedisDown'], redis.stop, redis.start)
        await fault(
          'service answers 5xx',
          ['VerticalsErrorRateHigh', 'VerticalsAvailabilityBudgetBurn:burn=page'],
          () => psql('ALTER TABLE barber.bookings RENAME TO bookings_hidden'),
          () => psql('ALTER TABLE barber.bookings_hidden RENAME TO bookings'),
        )
        await fault(
          'postgres stopped',
          ['VerticalsPostgresDown'],
          async () => {
            await pg.stop()
            let status = await ready()
            while (status === 200) {
              await delay(250)
              status = await ready()
            }
            report.push(`postgres stopped: readiness answers ${status}`)
          },
          pg.start,
        )
        await fault(
          'service killed',
          ['VerticalsServiceDown'],
          async () => void (await pod.terminate()),
          async () => {
            pod = await start()
          },
        )
      } finally {
        traffic = false
        await load
        // The issue asks for these figures in the CI log: per fault, the alert and seconds to its notification.
        process.stdout.write(`monitoring loop, seconds from fault to notification:\n${report.join('\n')}\n`)
        await webhook.close()
        await s3.stop()
      }
    },
    TIMEOUT,
  )
})
