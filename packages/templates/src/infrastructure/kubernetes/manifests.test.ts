import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { capacityWindows } from '../schedule'
import { buildAll, examplePlatform } from '../testing'
import { QUEUE_DEPTH_METRIC } from './scaled-object'

const platform = examplePlatform()
const artifacts = buildAll(platform).filter((a) => a.kind === 'kubernetes')
type Doc = {
  apiVersion: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests walk parsed YAML whose shape the assertions check
  spec?: Record<string, any>
  data?: Record<string, string>
}

const docsOf = (vertical: string): Doc[] =>
  artifacts
    .filter((a) => a.vertical === vertical)
    .flatMap((a) => parseAllDocuments(a.content).map((d) => d.toJS() as Doc))
const find = (docs: Doc[], kind: string, name: string) => {
  const doc = docs.find((d) => d.kind === kind && d.metadata.name === name)
  if (!doc) throw new Error(`no ${kind} ${name}`)
  return doc
}

describe.each(Object.values(platform.verticals).map((v) => [v.name, v] as const))(
  'the %s manifests',
  (name, vertical) => {
    const docs = docsOf(name)
    const special = vertical.specialCategories.length > 0

    it('put everything but the Namespace into the vertical namespace', () => {
      const ns = find(docs, 'Namespace', vertical.namespace)
      for (const mode of ['enforce', 'audit', 'warn'])
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}`]).toBe('restricted')
      for (const doc of docs.filter((d) => d.kind !== 'Namespace'))
        expect(doc.metadata.namespace).toBe(vertical.namespace)
    })

    it('mark special-category data on the Namespace only where the vertical processes it', () => {
      const ns = find(docs, 'Namespace', vertical.namespace)
      expect(ns.metadata.labels?.['verticals.dev/special-category']).toBe(special ? 'true' : undefined)
      expect(ns.metadata.annotations?.['verticals.dev/special-categories']).toBe(
        special ? vertical.specialCategories.join(',') : undefined,
      )
    })

    it.each(Object.values(vertical.workloads).map((w) => [w.name, w] as const))(
      'run workload %s as configured',
      (_w, w) => {
        const deployment = find(docs, 'Deployment', w.name)
        const container = deployment.spec?.template.spec.containers[0]
        expect(deployment.spec?.replicas).toBeUndefined()
        expect(deployment.spec?.template.spec.topologySpreadConstraints[0]).toMatchObject({
          topologyKey: 'topology.kubernetes.io/zone',
        })
        expect(deployment.spec?.strategy.rollingUpdate).toEqual(w.rollingUpdate)
        expect(container.image).toBe(`${w.image.repository}:${w.image.tag}`)
        expect(container.ports).toEqual([{ name: 'http', containerPort: w.port, protocol: 'TCP' }])
        expect(container.livenessProbe).toMatchObject({
          httpGet: { path: w.probes.liveness.path },
          initialDelaySeconds: w.probes.liveness.initialDelay,
          periodSeconds: w.probes.liveness.period,
        })
        expect(container.readinessProbe).toMatchObject({
          httpGet: { path: w.probes.readiness.path },
          initialDelaySeconds: w.probes.readiness.initialDelay,
          periodSeconds: w.probes.readiness.period,
        })
        expect(find(docs, 'PodDisruptionBudget', w.name).spec?.maxUnavailable).toBe(
          w.rollingUpdate.maxUnavailable,
        )
        expect(docs.some((d) => d.kind === 'Service' && d.metadata.name === w.name)).toBe(w.kind === 'http')
      },
    )

    it.each(Object.values(vertical.workloads).map((w) => [w.name, w] as const))(
      'scale workload %s with KEDA alone',
      (_w, w) => {
        expect(docs.filter((d) => d.kind === 'HorizontalPodAutoscaler')).toEqual([])
        const spec = find(docs, 'ScaledObject', w.name).spec!
        expect(spec).toMatchObject({
          minReplicaCount: w.autoscaling.minReplicas,
          maxReplicaCount: w.autoscaling.maxReplicas,
        })
        expect(spec.advanced.horizontalPodAutoscalerConfig.behavior).toEqual({
          scaleUp: {
            stabilizationWindowSeconds: w.autoscaling.scaleUp.stabilizationWindow,
            selectPolicy: 'Max',
            policies: [
              {
                type: 'Pods',
                value: w.autoscaling.scaleUp.pods,
                periodSeconds: w.autoscaling.scaleUp.period,
              },
            ],
          },
          scaleDown: {
            stabilizationWindowSeconds: w.autoscaling.scaleDown.stabilizationWindow,
            selectPolicy: 'Max',
            policies: [
              {
                type: 'Pods',
                value: w.autoscaling.scaleDown.pods,
                periodSeconds: w.autoscaling.scaleDown.period,
              },
            ],
          },
        })
        const byType = (type: string) => spec.triggers.filter((t: { type: string }) => t.type === type)
        expect(byType('cpu')[0]).toMatchObject({
          metricType: 'Utilization',
          metadata: { value: String(w.autoscaling.cpuUtilization) },
        })
        expect(byType('memory')[0]).toMatchObject({
          metricType: 'Utilization',
          metadata: { value: String(w.autoscaling.memoryUtilization) },
        })
        expect(byType('cron').map((t: { metadata: object }) => t.metadata)).toEqual(
          capacityWindows(w).map((c) => ({
            timezone: w.schedule.timeZone,
            start: c.start,
            end: c.end,
            desiredReplicas: String(c.desiredReplicas),
          })),
        )
        const queue = byType('prometheus')
        expect(queue).toHaveLength(w.queueDepthTarget === null ? 0 : 1)
        if (w.queueDepthTarget !== null) {
          expect(queue[0]).toMatchObject({
            metricType: 'AverageValue',
            metadata: { threshold: String(w.queueDepthTarget) },
          })
          expect(queue[0].metadata.query).toContain(QUEUE_DEPTH_METRIC)
        }
      },
    )

    it('deny all traffic by default, admit the ingress namespace to HTTP ports, and egress only to data stores and DNS', () => {
      const { network } = platform.security
      expect(find(docs, 'NetworkPolicy', 'default-deny-all').spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      })
      for (const w of Object.values(vertical.workloads).filter((w) => w.kind === 'http')) {
        expect(find(docs, 'NetworkPolicy', `${w.name}-allow-ingress`).spec?.ingress).toEqual([
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': network.ingressNamespace },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: w.port }],
          },
        ])
      }
      for (const w of Object.values(vertical.workloads)) {
        expect(find(docs, 'NetworkPolicy', `${w.name}-allow-metrics-scrape`).spec?.ingress[0].ports).toEqual([
          { protocol: 'TCP', port: w.port },
        ])
      }
      const egress = find(docs, 'NetworkPolicy', 'allow-egress-datastores-dns').spec?.egress
      const ports = egress.flatMap((rule: { ports: object[] }) => rule.ports)
      expect(ports).toEqual([
        { protocol: 'TCP', port: network.postgresPort },
        { protocol: 'TCP', port: network.redisPort },
        { protocol: 'UDP', port: network.dnsPort },
        { protocol: 'TCP', port: network.dnsPort },
      ])
      // Special-category verticals may resolve names only through the cluster DNS.
      expect(egress[1].to?.[0]?.namespaceSelector.matchLabels).toEqual(
        special ? { 'kubernetes.io/metadata.name': 'kube-system' } : undefined,
      )
      expect(
        docs
          .filter((d) => d.kind === 'NetworkPolicy')
          .every((d) => !JSON.stringify(d.spec).includes('ipBlock')),
      ).toBe(true)
    })

    it('publish the runtime settings @verticals/core reads, mounted into every container', () => {
      const settings = JSON.parse(find(docs, 'ConfigMap', `${name}-platform`).data?.['platform.json'] ?? '{}')
      for (const dataClass of vertical.dataClasses)
        expect(settings.cache.ttl[dataClass]).toBe(platform.dataClasses[dataClass]?.cacheTtl)
      for (const purpose of vertical.purposes) {
        const p = platform.consent.purposes[purpose]!
        expect(settings.consent.purposes[purpose]).toMatchObject({
          explicit: p.explicit,
          validity: p.validity,
        })
      }
      expect(settings.dsr.deadlines).toEqual(platform.dsr.deadlines)
      expect(Object.keys(settings.retention.recordClasses).sort()).toEqual(
        Object.keys(platform.retention.recordClasses).sort(),
      )
      for (const w of Object.values(vertical.workloads)) {
        expect(find(docs, 'Deployment', w.name).spec?.template.spec.volumes).toContainEqual({
          name: 'runtime-config',
          configMap: { name: `${name}-platform` },
        })
      }
    })
  },
)

it('never caches psychology session notes: their TTL reaches the runtime as 0', () => {
  const settings = JSON.parse(
    find(docsOf('psychology'), 'ConfigMap', 'psychology-platform').data?.['platform.json'] ?? '{}',
  )
  expect(settings.cache.ttl['session-notes']).toBe(0)
  expect(settings.consent.purposes['health-care']).toMatchObject({ explicit: true, special: true })
})
