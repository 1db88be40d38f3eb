import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing'
import { findDoc, kubernetesDocs } from './testing'

const platform = examplePlatform()
const edge = platform.security.edge

describe.each(Object.values(platform.verticals).map((v) => [v.name, v] as const))(
  'the %s Ingress for the AWS Load Balancer Controller',
  (name, vertical) => {
    const docs = kubernetesDocs(platform, name)
    const ingress = findDoc(docs, 'Ingress', name)
    const annotations = ingress.metadata.annotations ?? {}

    it('is an internet-facing ALB of its own, IP targets, HTTPS only with HTTP redirected', () => {
      expect(ingress.spec?.ingressClassName).toBe('alb')
      expect(annotations).toMatchObject({
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/group.name': `${platform.metadata.name}-${name}`,
        'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80},{"HTTPS":443}]',
        'alb.ingress.kubernetes.io/ssl-redirect': '443',
        'alb.ingress.kubernetes.io/certificate-arn': edge?.certificateArn,
      })
    })

    it('takes its TLS policy from security.tls.minVersion and its web ACL from waf.tf', () => {
      expect(platform.security.tls.minVersion).toBe('1.3')
      expect(annotations['alb.ingress.kubernetes.io/ssl-policy']).toBe('ELBSecurityPolicy-TLS13-1-3-2021-06')
      expect(annotations['alb.ingress.kubernetes.io/wafv2-acl-name']).toBe(
        `${platform.metadata.name}-${name}-web`,
      )
    })

    it('checks target health on the readiness path of the deployment contract', () => {
      const readiness = Object.values(vertical.workloads)[0]?.probes.readiness
      expect(annotations['alb.ingress.kubernetes.io/healthcheck-path']).toBe(readiness?.path)
    })

    it('routes its host to every HTTP workload Service by the contract port name', () => {
      const [rule] = ingress.spec?.rules ?? []
      expect(rule.host).toBe(`${name}.${edge?.domain}`)
      const http = Object.values(vertical.workloads).filter((w) => w.kind === 'http')
      expect(
        rule.http.paths.map((p: { backend: { service: { name: string } } }) => p.backend.service.name).sort(),
      ).toEqual(http.map((w) => w.name).sort())
      for (const p of rule.http.paths) {
        expect(p.backend.service.port).toEqual({ name: 'http' })
        findDoc(docs, 'Service', p.backend.service.name)
      }
    })
  },
)
