import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { selectorLabels, verticalLabels, workloadsOf } from '../names'
import { CLUSTER } from '../toolchain'
import { handlesSpecialData } from './namespace'

type Doc = Record<string, unknown>

function policy(platform: ResolvedPlatform, vertical: Vertical, name: string, spec: Doc): Doc {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: vertical.namespace, labels: verticalLabels(platform, vertical) },
    spec,
  }
}

// DNS anywhere by default (clusters with NodeLocal DNSCache answer from a link-local address); only the
// cluster's DNS pods where special-category data is processed.
function dnsPeers(vertical: Vertical): Doc[] | undefined {
  if (!handlesSpecialData(vertical)) return undefined
  return [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': CLUSTER.dnsNamespace } },
      podSelector: { matchLabels: { ...CLUSTER.dnsPodLabels } },
    },
  ]
}

/**
 * Default deny in both directions; ingress only to each HTTP workload's port from the ingress
 * controller's namespace, and to every workload's port (which serves /metrics) from Prometheus's;
 * egress only to PostgreSQL, Redis and DNS (UDP and TCP).
 */
export function networkPolicies(platform: ResolvedPlatform, vertical: Vertical): Doc[] {
  const { network } = platform.security
  const dns = dnsPeers(vertical)
  const ingress = workloadsOf(vertical)
    .filter((w) => w.kind === 'http')
    .map((w) =>
      policy(platform, vertical, `${w.name}-allow-ingress`, {
        podSelector: { matchLabels: selectorLabels(vertical, w) },
        policyTypes: ['Ingress'],
        ingress: [
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
        ],
      }),
    )
  const scrape = workloadsOf(vertical).map((w) =>
    policy(platform, vertical, `${w.name}-allow-metrics-scrape`, {
      podSelector: { matchLabels: selectorLabels(vertical, w) },
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
          ports: [{ protocol: 'TCP', port: w.port }],
        },
      ],
    }),
  )
  return [
    policy(platform, vertical, 'default-deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    ...ingress,
    ...scrape,
    policy(platform, vertical, 'allow-egress-datastores-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          ports: [
            { protocol: 'TCP', port: network.postgresPort },
            { protocol: 'TCP', port: network.redisPort },
          ],
        },
        {
          ...(dns ? { to: dns } : {}),
          ports: [
            { protocol: 'UDP', port: network.dnsPort },
            { protocol: 'TCP', port: network.dnsPort },
          ],
        },
      ],
    }),
  ]
}
