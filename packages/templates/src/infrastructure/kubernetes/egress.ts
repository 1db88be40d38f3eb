import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { AWS_API_PORT, CLUSTER } from '../toolchain'

type Rule = Record<string, unknown>

/**
 * What a vertical's pods may reach, and nothing more: PostgreSQL and Redis on their ports, only inside
 * the VPC ranges of `security.network.vpcCidrs`; DNS only to the cluster's DNS pods; HTTPS only where
 * the vertical calls an AWS API itself (its object-storage bucket). Secrets come through External
 * Secrets Operator, which runs elsewhere, so no pod needs Secrets Manager.
 */
export function egressRules(platform: ResolvedPlatform, vertical: Vertical): Rule[] {
  const { network } = platform.security
  const vpc = network.vpcCidrs.map((cidr) => ({ ipBlock: { cidr } }))
  const rules: Rule[] = [
    {
      to: vpc,
      ports: [
        { protocol: 'TCP', port: network.postgresPort },
        { protocol: 'TCP', port: network.redisPort },
      ],
    },
    {
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': CLUSTER.dnsNamespace } },
          podSelector: { matchLabels: { ...CLUSTER.dnsPodLabels } },
        },
      ],
      ports: [
        { protocol: 'UDP', port: network.dnsPort },
        { protocol: 'TCP', port: network.dnsPort },
      ],
    },
  ]
  // S3 answers on public addresses (or a gateway endpoint's prefix list), which no CIDR of the config
  // names: the rule opens the port, not an address range, and only for a vertical with a bucket.
  if (vertical.objectStorage) rules.push({ ports: [{ protocol: 'TCP', port: AWS_API_PORT }] })
  return rules
}
