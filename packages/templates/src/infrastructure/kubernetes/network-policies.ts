import type { ResolvedPlatform } from '@verticals/config-schema'
import { edgePlan } from '../edge'
import type { Vertical } from '../names'
import { selectorLabels, verticalLabels, workloadsOf } from '../names'
import { CLUSTER } from '../toolchain'
import { egressRules } from './egress'

type Doc = Record<string, unknown>

function policy(platform: ResolvedPlatform, vertical: Vertical, name: string, spec: Doc): Doc {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: vertical.namespace, labels: verticalLabels(platform, vertical) },
    spec,
  }
}

/**
 * Where requests reach an HTTP workload's port from: with `security.edge`, the ALB's subnets (IP
 * targets: the ALB's nodes connect to pod IPs from there); else the in-cluster ingress controller's namespace.
 */
function requestSources(platform: ResolvedPlatform, vertical: Vertical): Doc[] {
  const edge = edgePlan(platform, vertical)
  if (edge) return edge.loadBalancerSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } }))
  return [
    {
      namespaceSelector: {
        matchLabels: { 'kubernetes.io/metadata.name': platform.security.network.ingressNamespace ?? '' },
      },
    },
  ]
}

/**
 * Default deny in both directions; ingress only to each HTTP workload's port from where requests come
 * (`requestSources`), and to every workload's port (which serves /metrics) from Prometheus's;
 * egress only as `egressRules` allows (data stores in the VPC, the cluster DNS, HTTPS for a bucket).
 */
export function networkPolicies(platform: ResolvedPlatform, vertical: Vertical): Doc[] {
  const ingress = workloadsOf(vertical)
    .filter((w) => w.kind === 'http')
    .map((w) =>
      policy(platform, vertical, `${w.name}-allow-ingress`, {
        podSelector: { matchLabels: selectorLabels(vertical, w) },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: requestSources(platform, vertical),
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
    policy(platform, vertical, 'allow-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: egressRules(platform, vertical),
    }),
  ]
}
