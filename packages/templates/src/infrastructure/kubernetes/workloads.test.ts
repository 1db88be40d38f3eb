import { describe, expect, it } from 'vitest'
import { capacityWindows } from '../schedule'
import { examplePlatform } from '../testing'
import { QUEUE_DEPTH_METRIC } from './scaled-object'
import { findDoc, kubernetesDocs } from './testing'

const platform = examplePlatform()
const find = findDoc

describe.each(Object.values(platform.verticals).map((v) => [v.name, v] as const))(
  'the %s workloads',
  (name, vertical) => {
    const docs = kubernetesDocs(platform, name)
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
  },
)
