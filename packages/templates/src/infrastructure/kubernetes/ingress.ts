import type { ResolvedPlatform } from '@verticals/config-schema'
import { PORT_NAME } from '@verticals/observability'
import { type EdgePlan, LISTENER_PORTS } from '../edge'
import type { Vertical } from '../names'
import { verticalLabels } from '../names'

/** The AWS Load Balancer Controller's annotation prefix. */
const ALB = 'alb.ingress.kubernetes.io'

/**
 * The vertical's Ingress for the AWS Load Balancer Controller: an internet-facing ALB of its own
 * (ingress group `<platform>-<vertical>`; one ALB takes one web ACL), IP targets (the ALB connects
 * to pod IPs, so the NetworkPolicy admits its subnets), HTTPS only with the ELB policy of
 * `security.tls.minVersion` and HTTP redirected to it, the REGIONAL web ACL of waf.tf by name, and
 * target health checks on the readiness path of the deployment contract.
 */
export function ingress(
  platform: ResolvedPlatform,
  vertical: Vertical,
  edge: EdgePlan,
): Record<string, unknown> {
  const first = edge.routes[0]?.workload
  const readiness = first?.probes.readiness
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: vertical.name,
      namespace: vertical.namespace,
      labels: verticalLabels(platform, vertical),
      annotations: {
        [`${ALB}/scheme`]: 'internet-facing',
        [`${ALB}/target-type`]: 'ip',
        [`${ALB}/group.name`]: edge.groupName,
        [`${ALB}/listen-ports`]: JSON.stringify([
          { HTTP: LISTENER_PORTS.http },
          { HTTPS: LISTENER_PORTS.https },
        ]),
        [`${ALB}/ssl-redirect`]: String(LISTENER_PORTS.https),
        [`${ALB}/certificate-arn`]: edge.certificateArn,
        [`${ALB}/ssl-policy`]: edge.sslPolicy,
        [`${ALB}/wafv2-acl-name`]: edge.regionalAclName,
        [`${ALB}/backend-protocol`]: 'HTTP',
        [`${ALB}/healthcheck-protocol`]: 'HTTP',
        [`${ALB}/healthcheck-port`]: 'traffic-port',
        ...(readiness && {
          [`${ALB}/healthcheck-path`]: readiness.path,
          [`${ALB}/healthcheck-interval-seconds`]: String(Math.max(5, readiness.period)),
        }),
        [`${ALB}/success-codes`]: '200',
      },
    },
    spec: {
      ingressClassName: edge.ingressClass,
      rules: [
        {
          host: edge.host,
          http: {
            paths: edge.routes.map((route) => ({
              path: route.path,
              pathType: 'Prefix',
              backend: { service: { name: route.workload.name, port: { name: PORT_NAME } } },
            })),
          },
        },
      ],
    },
  }
}
