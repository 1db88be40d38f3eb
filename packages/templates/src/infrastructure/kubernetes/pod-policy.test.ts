import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RUN_AS } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { memoryQuantity } from '../quantity'
import { buildAll, examplePlatform } from '../testing'
import { type Doc, findDoc, kubernetesDocs, workloadDeployments } from './testing'

// Kubernetes policy of every workload: identity, node disk, spreading, priority, labels, and the
// kustomization that applies the folder.

const platform = examplePlatform()
const names = Object.keys(platform.verticals)
const BASE_LABELS = ['app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by', 'verticals.dev/vertical']

describe.each(names)('the %s workloads', (name) => {
  const docs = kubernetesDocs(platform, name)
  const deployments = workloadDeployments(docs)
  const { compute } = platform

  it('run as the numeric user and group of compute.runAs (10001 by default), with the group owning volumes', () => {
    expect(DEFAULT_RUN_AS).toEqual({ user: 10001, group: 10001 })
    expect(compute.runAs).toEqual(DEFAULT_RUN_AS)
    for (const d of deployments) {
      const pod = d.spec?.template.spec
      expect(pod.securityContext).toMatchObject({ runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001 })
      for (const c of pod.containers)
        expect(c.securityContext).toMatchObject({ runAsUser: 10001, runAsGroup: 10001 })
    }
  })

  it('request and limit ephemeral storage, and cap the /tmp emptyDir below that limit', () => {
    for (const d of deployments) {
      const pod = d.spec?.template.spec
      const { resources } = pod.containers[0]
      expect(resources.requests['ephemeral-storage']).toBe(
        memoryQuantity(compute.resources.requests.ephemeralStorage),
      )
      expect(resources.limits['ephemeral-storage']).toBe(
        memoryQuantity(compute.resources.limits.ephemeralStorage),
      )
      const tmp = pod.volumes.find((v: { name: string }) => v.name === 'tmp')
      expect(tmp.emptyDir).toEqual({ sizeLimit: memoryQuantity(compute.tmpSize) })
      expect(compute.tmpSize).toBeLessThanOrEqual(compute.resources.limits.ephemeralStorage)
    }
  })

  it('spread over hostnames besides zones, each workload selecting only its own pods', () => {
    for (const d of deployments) {
      const pod = d.spec?.template.spec
      const selector = d.spec?.selector.matchLabels
      expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
        {
          weight: 100,
          podAffinityTerm: {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchLabels: selector },
          },
        },
      ])
      expect(pod.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'topology.kubernetes.io/zone' })
    }
  })

  it("run at the vertical's PriorityClass, which is never the cluster default", () => {
    const priority = findDoc(docs, 'PriorityClass', `turnos-${name}`) as Doc & Record<string, unknown>
    expect(priority).toMatchObject({ value: compute.priority, globalDefault: false })
    expect(priority.metadata.namespace).toBeUndefined()
    for (const d of deployments) expect(d.spec?.template.spec.priorityClassName).toBe(`turnos-${name}`)
  })

  it("label every object alike: the base labels everywhere, a workload's full set on all of its objects", () => {
    const objects = docs.filter((d) => d.kind !== 'Kustomization')
    const base = Object.fromEntries(BASE_LABELS.map((k) => [k, deployments[0]?.metadata.labels?.[k]]))
    expect(base).toEqual({
      'app.kubernetes.io/part-of': 'turnos',
      'app.kubernetes.io/managed-by': 'verticals',
      'verticals.dev/vertical': name,
    })
    for (const o of objects) expect(o.metadata.labels, `${o.kind} ${o.metadata.name}`).toMatchObject(base)
    for (const d of deployments) {
      const labels = d.metadata.labels
      expect(d.spec?.template.metadata.labels).toEqual(labels)
      for (const kind of ['Service', 'PodDisruptionBudget', 'ScaledObject']) {
        const own = objects.find((o) => o.kind === kind && o.metadata.name === d.metadata.name)
        if (own) expect(own.metadata.labels, `${kind} ${d.metadata.name}`).toEqual(labels)
      }
      expect(Object.keys(labels ?? {})).toEqual(
        expect.arrayContaining([
          'app.kubernetes.io/name',
          'app.kubernetes.io/instance',
          'app.kubernetes.io/component',
          'app.kubernetes.io/version',
        ]),
      )
    }
  })

  it('list every manifest of the folder, and nothing else, in kustomization.yaml', () => {
    const dir = `${name}/infrastructure/kubernetes/`
    const files = buildAll(platform)
      .filter((a) => a.path.startsWith(dir))
      .map((a) => a.path.slice(dir.length))
    const kustomization = findDoc(docs, 'Kustomization', name) as Doc & { resources: string[] }
    expect(files).toContain('kustomization.yaml')
    expect([...kustomization.resources].sort()).toEqual(
      files.filter((f) => f !== 'kustomization.yaml').sort(),
    )
    expect(new Set(kustomization.resources).size).toBe(kustomization.resources.length)
  })
})

describe("apps/example-barber's committed kustomization", () => {
  it('lists exactly the other files of its folder, so `kubectl apply -k` applies all of them', () => {
    const dir = fileURLToPath(
      new URL('../../../../../apps/example-barber/bundle/barber/infrastructure/kubernetes/', import.meta.url),
    )
    const onDisk = readdirSync(dir)
      .filter((f) => f !== 'kustomization.yaml')
      .sort()
    const listed = parseDocument(readFileSync(`${dir}kustomization.yaml`, 'utf8')).toJS()
      .resources as string[]
    expect(onDisk.length).toBeGreaterThan(5)
    expect([...listed].sort()).toEqual(onDisk)
  })
})
