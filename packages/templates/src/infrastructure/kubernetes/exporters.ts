import type { ResolvedPlatform } from '@verticals/config-schema'
import {
  EXPORTER_SECRET_ENV,
  EXPORTER_STORES,
  type ExporterStore,
  exporterName,
  runtimeSecretName,
} from '@verticals/observability'
import type { Vertical } from '../names'
import { MANAGER, verticalLabels } from '../names'
import { cpuQuantity, memoryQuantity } from '../quantity'
import { CLUSTER } from '../toolchain'
import { containerSecurityContext, podSecurityContext, TMP_MOUNT, tmpVolume } from './security'

type Doc = Record<string, unknown>

/** Name of the exporters' metrics port (the Service and the probes refer to it by name). */
export const EXPORTER_PORT_NAME = 'metrics'

// Each exporter is a single replica: a second would double every store metric and the scrape load.
const EXPORTER_REPLICAS = 1

/** Labels that select an exporter's pods: the scrape job keeps exactly the pods with this name label. */
export function exporterSelector(vertical: Vertical, store: ExporterStore): Record<string, string> {
  return {
    'app.kubernetes.io/name': exporterName(store),
    'app.kubernetes.io/instance': `${vertical.name}-${exporterName(store)}`,
  }
}

function exporterLabels(platform: ResolvedPlatform, vertical: Vertical, store: ExporterStore) {
  return {
    ...verticalLabels(platform, vertical),
    ...exporterSelector(vertical, store),
    'app.kubernetes.io/component': 'exporter',
    'app.kubernetes.io/version': platform.monitoring.exporters[store].image.tag,
    'app.kubernetes.io/managed-by': MANAGER,
  }
}

function container(platform: ResolvedPlatform, vertical: Vertical, store: ExporterStore): Doc {
  const { port, image, resources } = platform.monitoring.exporters[store]
  const probe = { tcpSocket: { port: EXPORTER_PORT_NAME }, periodSeconds: platform.monitoring.scrapeInterval }
  return {
    name: exporterName(store),
    image: `${image.repository}:${image.tag}`,
    imagePullPolicy: 'Always',
    args: [`--web.listen-address=:${port}`],
    ports: [{ name: EXPORTER_PORT_NAME, containerPort: port, protocol: 'TCP' }],
    // The store's monitoring identity from the runtime Secret: never the key the service reads.
    env: Object.entries(EXPORTER_SECRET_ENV[store]).map(([name, key]) => ({
      name,
      valueFrom: { secretKeyRef: { name: runtimeSecretName(vertical.name), key } },
    })),
    resources: {
      requests: {
        cpu: cpuQuantity(resources.requests.cpu),
        memory: memoryQuantity(resources.requests.memory),
      },
      limits: { cpu: cpuQuantity(resources.limits.cpu), memory: memoryQuantity(resources.limits.memory) },
    },
    livenessProbe: probe,
    readinessProbe: probe,
    securityContext: containerSecurityContext(platform),
    volumeMounts: [TMP_MOUNT],
  }
}

function deployment(platform: ResolvedPlatform, vertical: Vertical, store: ExporterStore): Doc {
  const labels = exporterLabels(platform, vertical, store)
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: exporterName(store), namespace: vertical.namespace, labels },
    spec: {
      replicas: EXPORTER_REPLICAS,
      selector: { matchLabels: exporterSelector(vertical, store) },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurityContext(platform),
          containers: [container(platform, vertical, store)],
          volumes: [tmpVolume(platform)],
        },
      },
    },
  }
}

function service(platform: ResolvedPlatform, vertical: Vertical, store: ExporterStore): Doc {
  const { port } = platform.monitoring.exporters[store]
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: exporterName(store),
      namespace: vertical.namespace,
      labels: exporterLabels(platform, vertical, store),
    },
    spec: {
      type: 'ClusterIP',
      selector: exporterSelector(vertical, store),
      ports: [{ name: EXPORTER_PORT_NAME, port, targetPort: EXPORTER_PORT_NAME, protocol: 'TCP' }],
    },
  }
}

// Only Prometheus's namespace reaches an exporter, and only on its port. Egress (to the store's port
// inside the VPC, and DNS) is the vertical's allow-egress policy, which selects every pod.
function scrapePolicy(platform: ResolvedPlatform, vertical: Vertical, store: ExporterStore): Doc {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: `${exporterName(store)}-allow-metrics-scrape`,
      namespace: vertical.namespace,
      labels: verticalLabels(platform, vertical),
    },
    spec: {
      podSelector: { matchLabels: exporterSelector(vertical, store) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': CLUSTER.monitoringNamespace },
              },
            },
          ],
          ports: [{ protocol: 'TCP', port: platform.monitoring.exporters[store].port }],
        },
      ],
    },
  }
}

/**
 * postgres_exporter and redis_exporter for one vertical: a Deployment and a Service each, logging in
 * with their least-privilege monitoring identities (MONITORING_SECRET_KEYS of the runtime Secret), and a NetworkPolicy that lets only Prometheus scrape them.
 * The `*Down` alerts query `pg_up` / `redis_up` of exactly these pods' scrape jobs.
 */
export function exporterManifests(platform: ResolvedPlatform, vertical: Vertical): Doc[] {
  return EXPORTER_STORES.flatMap((store) => [
    deployment(platform, vertical, store),
    service(platform, vertical, store),
    scrapePolicy(platform, vertical, store),
  ])
}
