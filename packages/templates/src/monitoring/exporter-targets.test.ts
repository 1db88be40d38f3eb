import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { kubernetesDocs } from '../infrastructure/kubernetes/testing'
import { examplePlatform } from '../infrastructure/testing'
import { buildAllMonitoring } from './testing'

const platform = examplePlatform()
const monitoring = buildAllMonitoring(platform)
const STORES = [
  { store: 'postgres', alert: 'VerticalsPostgresDown', metric: 'pg_up' },
  { store: 'redis', alert: 'VerticalsRedisDown', metric: 'redis_up' },
] as const

type Relabel = { source_labels: string[]; regex: string; action?: string }
type Job = {
  job_name: string
  relabel_configs: Relabel[]
  kubernetes_sd_configs: { namespaces: { names: string[] } }[]
}
type Rule = { alert?: string; expr: string }

function fileOf(vertical: string, path: string): unknown {
  const artifact = monitoring.find((a) => a.path === `${vertical}/monitoring/${path}`)
  if (!artifact) throw new Error(`no ${path} for ${vertical}`)
  return parse(artifact.content)
}

const verticals = Object.values(platform.verticals)
  .filter((v) => v.enabled)
  .map((v) => v.name)

// The down alerts are only as good as the target they query: each must name a scrape job that keeps
// exactly the pods of an exporter the bundle deploys, on the port the exporter listens on.
describe.each(verticals)('the exporter down alerts of %s', (vertical) => {
  const rules = (
    fileOf(vertical, 'prometheus/alerts.rules.yaml') as { groups: { rules: Rule[] }[] }
  ).groups.flatMap((g) => g.rules)
  const jobs = (fileOf(vertical, 'prometheus/scrape.yaml') as { scrape_configs: Job[] }).scrape_configs
  const docs = kubernetesDocs(platform, vertical)
  const namespace = platform.verticals[vertical]?.namespace

  it.each(STORES)(
    '$alert queries $metric of a job that scrapes the generated $store exporter',
    ({ store, alert, metric }) => {
      const rule = rules.find((r) => r.alert === alert)
      const selected = [...(rule?.expr ?? '').matchAll(new RegExp(`${metric}\\{job="([^"]+)"\\}`, 'g'))].map(
        (m) => m[1],
      )
      expect(selected.length).toBeGreaterThan(0)
      expect(new Set(selected).size).toBe(1)
      const job = jobs.find((j) => j.job_name === selected[0])
      expect(job, `scrape job ${selected[0]}`).toBeDefined()
      const keep = (label: string) =>
        job?.relabel_configs.find((r) => r.action === 'keep' && r.source_labels[0] === label)?.regex
      const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === `${store}-exporter`)
      const pod = deployment?.spec?.template
      expect(job?.kubernetes_sd_configs[0]?.namespaces.names).toEqual([namespace])
      expect(deployment?.metadata.namespace).toBe(namespace)
      expect(keep('__meta_kubernetes_pod_label_app_kubernetes_io_name')).toBe(
        pod?.metadata.labels['app.kubernetes.io/name'],
      )
      const port = pod?.spec.containers[0].ports[0].containerPort
      expect(keep('__meta_kubernetes_pod_container_port_number')).toBe(String(port))
      expect(pod?.spec.containers[0].args).toContain(`--web.listen-address=:${port}`)
      // Only Prometheus's namespace may scrape it, on that port.
      const policy = docs.find(
        (d) => d.kind === 'NetworkPolicy' && d.metadata.name === `${store}-exporter-allow-metrics-scrape`,
      )
      expect(policy?.spec?.podSelector.matchLabels['app.kubernetes.io/name']).toBe(`${store}-exporter`)
      expect(policy?.spec?.ingress).toEqual([
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
          ports: [{ protocol: 'TCP', port }],
        },
      ])
    },
  )

  it('gives each exporter its monitoring identity from the runtime Secret, not the service’s URL', () => {
    const env = (store: string) =>
      docs.find((d) => d.kind === 'Deployment' && d.metadata.name === `${store}-exporter`)?.spec?.template
        .spec.containers[0].env
    expect(env('postgres')).toEqual([
      {
        name: 'DATA_SOURCE_NAME',
        valueFrom: { secretKeyRef: { name: `${vertical}-runtime`, key: 'monitoring-database-url' } },
      },
    ])
    expect(env('redis')).toEqual([
      {
        name: 'REDIS_ADDR',
        valueFrom: { secretKeyRef: { name: `${vertical}-runtime`, key: 'monitoring-redis-url' } },
      },
    ])
  })
})
