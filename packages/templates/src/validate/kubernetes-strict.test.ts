import { describe, expect, it } from 'vitest'
import { validateKubernetesObject } from './kubernetes'

// The strict check: a field the kind's schema does not declare fails, as `kubeconform -strict` and
// the API server's strict field validation reject it, in built-in kinds and in every CRD we emit.
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' }, annotations: { any: 'key' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'web:1',
            securityContext: { runAsUser: 10001 },
            resources: { limits: { cpu: '1' } },
          },
        ],
        volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
      },
    },
  },
}
const scaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'web', namespace: 'ns' },
  spec: {
    scaleTargetRef: { name: 'web' },
    maxReplicaCount: 4,
    triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } }],
  },
}
const triggerAuthentication = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'TriggerAuthentication',
  metadata: { name: 'aws', namespace: 'ns' },
  spec: { podIdentity: { provider: 'aws' } },
}
const secretStore = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'SecretStore',
  metadata: { name: 'aws', namespace: 'ns' },
  spec: {
    provider: {
      aws: {
        service: 'SecretsManager',
        region: 'sa-east-1',
        auth: { jwt: { serviceAccountRef: { name: 'web' } } },
      },
    },
  },
}
const clusterSecretStore = { ...secretStore, kind: 'ClusterSecretStore', metadata: { name: 'aws' } }
const externalSecret = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'connections', namespace: 'ns' },
  spec: {
    refreshInterval: '1h',
    secretStoreRef: { name: 'aws', kind: 'SecretStore' },
    target: {
      name: 'connections',
      creationPolicy: 'Owner',
      template: { data: { DATABASE_URL: '{{ .url }}' } },
    },
    data: [{ secretKey: 'url', remoteRef: { key: 'barber/database', property: 'url' } }],
  },
}
const kustomization = {
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  namespace: 'ns',
  resources: ['namespace.yaml', 'deployments.yaml'],
  labels: [{ pairs: { 'app.kubernetes.io/part-of': 'x' }, includeSelectors: false }],
}

type Doc = Record<string, unknown>
// A copy of `doc` with `value` set at `path` (dots, numeric segments index arrays).
function withField(doc: Doc, path: string, value: unknown): Doc {
  const copy = structuredClone(doc)
  const keys = path.split('.')
  let at = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>
  at[keys.at(-1)!] = value
  return copy
}

describe('the strict Kubernetes check', () => {
  it.each([
    ['apps/v1 Deployment', deployment],
    ['keda.sh/v1alpha1 ScaledObject', scaledObject],
    ['keda.sh/v1alpha1 TriggerAuthentication', triggerAuthentication],
    ['external-secrets.io/v1 SecretStore', secretStore],
    ['external-secrets.io/v1 ClusterSecretStore', clusterSecretStore],
    ['external-secrets.io/v1 ExternalSecret', externalSecret],
    ['kustomize.config.k8s.io/v1beta1 Kustomization', kustomization],
  ])('accepts a valid %s, maps (labels, annotations, template data) with any keys', async (_, doc) => {
    expect(await validateKubernetesObject(doc)).toEqual([])
  })

  it.each([
    [deployment, 'spec.replica', 'apps/v1/Deployment: unknown field "spec.replica"'],
    [deployment, 'metadata.label', 'apps/v1/Deployment: unknown field "metadata.label"'],
    [
      deployment,
      'spec.template.spec.containers.0.securityContext.runAsUsr',
      'apps/v1/Deployment: unknown field "spec.template.spec.containers[0].securityContext.runAsUsr"',
    ],
    [deployment, 'status2', 'apps/v1/Deployment: unknown field "status2"'],
    [
      scaledObject,
      'spec.triggers.0.authRef',
      'keda.sh/v1alpha1/ScaledObject: unknown field "spec.triggers[0].authRef"',
    ],
    [
      triggerAuthentication,
      'spec.podIdentity.role',
      'keda.sh/v1alpha1/TriggerAuthentication: unknown field "spec.podIdentity.role"',
    ],
    [
      secretStore,
      'spec.provider.aws.auth.jwt.serviceAccount',
      'external-secrets.io/v1/SecretStore: unknown field "spec.provider.aws.auth.jwt.serviceAccount"',
    ],
    [
      clusterSecretStore,
      'spec.provider.aws.regions',
      'external-secrets.io/v1/ClusterSecretStore: unknown field "spec.provider.aws.regions"',
    ],
    [
      externalSecret,
      'spec.data.0.remoteRef.version2',
      'external-secrets.io/v1/ExternalSecret: unknown field "spec.data[0].remoteRef.version2"',
    ],
  ])('fails on an injected unknown field (%#)', async (doc, path, message) => {
    expect(await validateKubernetesObject(withField(doc, path, 'x'))).toEqual([message])
  })

  it('fails on a missing required field, in built-in kinds and CRDs', async () => {
    const { selector: _, ...spec } = deployment.spec
    expect(await validateKubernetesObject({ ...deployment, spec })).toEqual([
      'apps/v1/Deployment: data/spec must have required property selector',
    ])
    const data = [{ remoteRef: { key: 'barber/database' } }]
    expect(
      await validateKubernetesObject({ ...externalSecret, spec: { ...externalSecret.spec, data } }),
    ).toEqual([
      'external-secrets.io/v1/ExternalSecret: data/spec/data/0 must have required property secretKey',
    ])
  })

  it('fails on an unknown field of a Kustomization, as kustomize does', async () => {
    const problems = await validateKubernetesObject({ ...kustomization, resource: ['a.yaml'] })
    expect(problems).toEqual(['kustomize.config.k8s.io/v1beta1/Kustomization: unknown field "resource"'])
  })

  it('refuses external-secrets.io/v1beta1, which External Secrets Operator no longer serves', async () => {
    expect(
      await validateKubernetesObject({ ...externalSecret, apiVersion: 'external-secrets.io/v1beta1' }),
    ).toEqual([
      'external-secrets.io/v1beta1/ExternalSecret: External Secrets Operator stopped serving external-secrets.io/v1beta1 in 0.17; use external-secrets.io/v1',
    ])
  })

  it('covers every built-in kind, not only those a bundle has today', async () => {
    const docs = [
      { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' }, value: 1000 },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { KEY: 'v' } },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i', annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } },
        spec: { ingressClassName: 'alb' },
      },
    ]
    for (const doc of docs) expect(await validateKubernetesObject(doc)).toEqual([])
    expect(await validateKubernetesObject({ ...docs[0], valeu: 1 })).toEqual([
      'scheduling.k8s.io/v1/PriorityClass: unknown field "valeu"',
    ])
  })
})
