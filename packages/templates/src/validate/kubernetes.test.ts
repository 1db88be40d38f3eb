import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import type { Artifact } from '../artifact'
import { buildAll, examplePlatform } from '../infrastructure/testing'
import { validateKubernetes, validateKubernetesObject } from './kubernetes'

const artifacts = buildAll(examplePlatform()).filter((a) => a.kind === 'kubernetes')
const yamlArtifact = (content: string): Artifact => ({
  path: 'x.yaml',
  kind: 'kubernetes',
  vertical: 'x',
  content,
})

describe('validateKubernetes on the example bundle', () => {
  it('covers all four verticals', () => {
    expect(new Set(artifacts.map((a) => a.vertical))).toEqual(
      new Set(['barber', 'psychology', 'beauty', 'fitness']),
    )
  })

  it.each(artifacts.map((a) => [a.path, a] as const))(
    '%s: every document passes',
    async (_path, artifact) => {
      expect(await validateKubernetes(artifact)).toEqual([])
      expect(parseAllDocuments(artifact.content).length).toBeGreaterThan(0)
    },
  )
})

describe('the strict check engages on every document the example bundle emits', () => {
  const documents = artifacts.flatMap((a) =>
    parseAllDocuments(a.content).map(
      (doc, i) => [`${a.path} #${i + 1}`, doc.toJS() as Record<string, unknown>] as const,
    ),
  )

  it.each(documents)(
    '%s fails with an unknown field injected at its top and in its spec',
    async (_id, doc) => {
      const id = `${doc.apiVersion}/${doc.kind}`
      expect(await validateKubernetesObject({ ...doc, zzUnknown: 1 })).toContain(
        `${id}: unknown field "zzUnknown"`,
      )
      if (typeof doc.spec !== 'object' || doc.spec === null) return
      const injected = { ...doc, spec: { ...doc.spec, zzUnknown: 1 } }
      expect(await validateKubernetesObject(injected)).toContain(`${id}: unknown field "spec.zzUnknown"`)
    },
  )
})

describe('validateKubernetes rejects what Kubernetes would', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: {},
      template: { spec: { containers: [{ name: 'web', resources: { limits: { cpu: 'lots' } } }] } },
    },
  }

  it('reports a malformed quantity through kubernetes-models', async () => {
    const [problem] = await validateKubernetesObject(deployment)
    expect(problem).toMatch(/^apps\/v1\/Deployment: .*limits\/cpu must match format "quantity"/)
  })

  it('reports a kind no package models instead of passing it silently', async () => {
    expect(await validateKubernetesObject({ apiVersion: 'example.com/v1', kind: 'Widget' })).toEqual([
      'example.com/v1/Widget: no validator for this kind',
    ])
    // A nested type has a module of its own, but is no kind; a malformed apiVersion loads nothing.
    expect(await validateKubernetesObject({ apiVersion: 'apps/v1', kind: 'DeploymentSpec' })).toEqual([
      'apps/v1/DeploymentSpec: no validator for this kind',
    ])
    expect(await validateKubernetesObject({ apiVersion: '../../v1', kind: 'Pod' })).toEqual([
      '../../v1/Pod: no validator for this kind',
    ])
  })

  it('reports a file without documents, and a document that is not an object', async () => {
    expect(await validateKubernetes(yamlArtifact('# nothing here\n'))).toEqual([
      'the file holds no YAML documents',
    ])
    expect(await validateKubernetes(yamlArtifact('- a\n- b\n'))).toEqual([
      'document 1: a document is not an object',
    ])
  })

  it('reports YAML syntax errors and duplicate keys with the document number', async () => {
    const problems = await validateKubernetes(
      yamlArtifact('apiVersion: v1\nkind: Namespace\nkind: Namespace\n'),
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^document 1: .*unique/i)
  })

  it('applies the KEDA rules the CRD cannot express: a cron trigger without an end is refused', async () => {
    const scaled = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'web', namespace: 'ns' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicaCount: 2,
        maxReplicaCount: 4,
        triggers: [{ type: 'cron', metadata: { timezone: 'UTC', start: '0 9 * * 1', desiredReplicas: '3' } }],
      },
    }
    expect(await validateKubernetesObject(scaled)).toEqual([
      'keda.sh/v1alpha1/ScaledObject: spec.triggers.0.metadata.end: Invalid input: expected string, received undefined',
    ])
    const swapped = { ...scaled, spec: { ...scaled.spec, minReplicaCount: 5 } }
    expect((await validateKubernetesObject(swapped)).join('\n')).toMatch(
      /minReplicaCount exceeds maxReplicaCount/,
    )
    const cron = {
      type: 'cron',
      metadata: { timezone: 'UTC', start: '0 9 * * 1', end: '0 18 * * 1', desiredReplicas: '9' },
    }
    const capped = { ...scaled, spec: { ...scaled.spec, triggers: [cron] } }
    expect(await validateKubernetesObject(capped)).toEqual([
      'keda.sh/v1alpha1/ScaledObject: spec.triggers.0.metadata.desiredReplicas: desiredReplicas exceeds maxReplicaCount',
    ])
  })
})
