// The monitoring side of the live loop, on Debian's binaries: the exporters as the bundle deploys them
// (their env resolved from the bundle's Deployments and ExternalSecret), Prometheus loading the
// generated rule files and scrape config (Kubernetes discovery, and the relabelling that reads its
// meta labels, replaced by static targets with the labels it would have set), and Alertmanager with
// the generated config whose receivers all point at a local webhook that records each notification.
import type { ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { freePort } from '../kubelet/backing.ts'
import { type Container, find, type K8sObject, podSpec } from '../kubelet/manifests.ts'
import { containerEnv, type RemoteSecrets } from '../kubelet/pod-env.ts'
import { delay, type ProcessTracker } from '../processes.ts'

/** One notification as the webhook received it. */
export interface Notification {
  readonly at: number
  readonly path: string
  readonly status: string
  readonly alerts: readonly { status: string; labels: Record<string, string> }[]
}

/** A local Alertmanager webhook receiver. */
export interface Webhook {
  readonly url: string
  readonly received: Notification[]
  close(): Promise<void>
}

/** Starts the webhook on a free port; every POST body is recorded with its arrival time. */
export async function startWebhook(): Promise<Webhook> {
  const received: Notification[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString()
    })
    req.on('end', () => {
      const payload = JSON.parse(body || '{}') as { status?: string; alerts?: Notification['alerts'] }
      received.push({
        at: Date.now(),
        path: req.url ?? '/',
        status: payload.status ?? '',
        alerts: payload.alerts ?? [],
      })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('webhook has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const env = () => ({ PATH: process.env.PATH ?? '' })

async function untilUp(label: string, child: ChildProcess, url: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited ${child.exitCode}:\n${log()}`)
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    if (Date.now() > deadline) throw new Error(`${label} did not answer ${url}:\n${log()}`)
    await delay(200)
  }
}

function capture(child: ChildProcess): () => string {
  let log = ''
  child.stdout?.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-20_000)
  })
  child.stderr?.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-20_000)
  })
  return () => log
}

/** A started exporter: where Prometheus scrapes it. */
export interface Exporter {
  readonly target: string
}

const DEBIAN_EXPORTER = {
  postgres: 'prometheus-postgres-exporter',
  redis: 'prometheus-redis-exporter',
} as const

/**
 * Runs `<store>-exporter` of the bundle with Debian's binary: the env of its Deployment (the store's
 * URL from the runtime Secret), its args with the listen address moved to a free local port.
 */
export async function startExporter(
  tracker: ProcessTracker,
  objects: readonly K8sObject[],
  store: 'postgres' | 'redis',
  secrets: RemoteSecrets,
  dir: string,
): Promise<Exporter> {
  const name = `${store}-exporter`
  const container = podSpec(find(objects, 'Deployment', name, 'the monitoring loop runs it'))
    .containers[0] as Container
  const resolved = containerEnv(objects, name, container, secrets, new Map())
  const port = await freePort()
  const args = (container.args ?? []).map((a) =>
    a.startsWith('--web.listen-address=') ? `--web.listen-address=127.0.0.1:${port}` : a,
  )
  const child = tracker.start(DEBIAN_EXPORTER[store], args, { cwd: dir, env: { ...env(), ...resolved } })
  const log = capture(child)
  await untilUp(name, child, `http://127.0.0.1:${port}/metrics`, log)
  return { target: `127.0.0.1:${port}` }
}

type Job = {
  job_name: string
  kubernetes_sd_configs?: unknown
  relabel_configs?: unknown
  [k: string]: unknown
}

/**
 * The generated scrape config with each job's Kubernetes discovery replaced by its static target and
 * the labels its relabelling would have set from the pod (namespace, workload); nothing else changes.
 */
export function staticScrapeConfig(
  generated: string,
  targets: Readonly<Record<string, { target: string; labels: Record<string, string> }>>,
): Record<string, unknown> {
  const doc = parse(generated) as { global?: Record<string, unknown>; scrape_configs: Job[] }
  const jobs = doc.scrape_configs.map(({ kubernetes_sd_configs: _sd, relabel_configs: _relabel, ...job }) => {
    const static_ = targets[job.job_name]
    if (!static_) throw new Error(`the loop has no target for scrape job ${job.job_name}`)
    return { ...job, static_configs: [{ targets: [static_.target], labels: static_.labels }] }
  })
  return { ...doc, scrape_configs: jobs }
}

/** Starts Prometheus with the generated rules and the static scrape config; evaluates every second. */
export async function startPrometheus(
  tracker: ProcessTracker,
  dir: string,
  promDir: string,
  scrape: Record<string, unknown>,
  alertmanager: string,
): Promise<{ url: string; log: () => string }> {
  const rules = ['alerts.rules.yaml', 'slo.rules.yaml'].map((f) => join(promDir, f))
  const global = {
    ...((scrape.global as Record<string, unknown>) ?? {}),
    scrape_interval: '1s',
    evaluation_interval: '1s',
  }
  const config = {
    ...scrape,
    global,
    rule_files: rules,
    alerting: { alertmanagers: [{ static_configs: [{ targets: [alertmanager] }] }] },
  }
  const file = join(dir, 'prometheus.yml')
  writeFileSync(file, stringify(config))
  const port = await freePort()
  const child = tracker.start(
    'prometheus',
    [
      `--config.file=${file}`,
      `--storage.tsdb.path=${join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Shortened like the config: an alert sent before Alertmanager was known is resent in 2 s, not 1 min.
      '--rules.alert.resend-delay=2s',
    ],
    { cwd: dir, env: env() },
  )
  const log = capture(child)
  await untilUp('prometheus', child, `http://127.0.0.1:${port}/-/ready`, log)
  return { url: `http://127.0.0.1:${port}`, log }
}

/** Every receiver of the generated config sent to the webhook (`/<receiver>`), nothing else changed. */
export function localReceivers(generated: string, webhook: string): Record<string, unknown> {
  const doc = parse(generated) as { receivers: { name: string }[] }
  return {
    ...doc,
    receivers: doc.receivers.map((r) => ({
      name: r.name,
      webhook_configs: [{ url: `${webhook}/${r.name}`, send_resolved: true }],
    })),
  }
}

/** Starts Debian's Alertmanager on the given config, without clustering. */
export async function startAlertmanager(
  tracker: ProcessTracker,
  dir: string,
  config: Record<string, unknown>,
): Promise<{ target: string; log: () => string }> {
  const file = join(dir, 'alertmanager.yml')
  writeFileSync(file, stringify(config))
  const port = await freePort()
  const child = tracker.start(
    'prometheus-alertmanager',
    [
      `--config.file=${file}`,
      `--storage.path=${join(dir, 'am')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { cwd: dir, env: env() },
  )
  const log = capture(child)
  await untilUp('alertmanager', child, `http://127.0.0.1:${port}/-/ready`, log)
  return { target: `127.0.0.1:${port}`, log }
}

/** The text of a generated file of the bundle. */
export function bundleFile(bundle: string, path: string): string {
  return readFileSync(join(bundle, path), 'utf8')
}

/** Waits until every scrape target of Prometheus is up and Alertmanager holds no alert but the Watchdog. */
export async function settled(prometheus: string, alertmanager: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs
  let last = ''
  for (;;) {
    const targets = (await fetch(`${prometheus}/api/v1/targets`).then((r) => r.json())) as {
      data: { activeTargets: { health: string; scrapePool: string }[] }
    }
    const down = targets.data.activeTargets.filter((t) => t.health !== 'up').map((t) => t.scrapePool)
    const alerts = (await fetch(`http://${alertmanager}/api/v2/alerts?active=true`).then((r) =>
      r.json(),
    )) as {
      labels: Record<string, string>
    }[]
    const others = alerts.map((a) => a.labels.alertname).filter((a) => a !== 'VerticalsWatchdog')
    if (down.length === 0 && others.length === 0 && alerts.length > 0) return
    last = `targets not up: ${down.join(', ') || 'none'}; active alerts: ${others.join(', ') || 'none'}`
    if (Date.now() > deadline) throw new Error(`the loop did not settle: ${last}`)
    await delay(500)
  }
}
