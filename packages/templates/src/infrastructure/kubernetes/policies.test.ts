import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing'
import { findDoc, kubernetesDocs } from './testing'

const platform = examplePlatform()
const find = findDoc

describe.each(Object.values(platform.verticals).map((v) => [v.name, v] as const))(
  'the %s namespace, policies and runtime settings',
  (name, vertical) => {
    const docs = kubernetesDocs(platform, name)
    const special = vertical.specialCategories.length > 0
    it('put everything namespaced into the vertical namespace', () => {
      const ns = find(docs, 'Namespace', vertical.namespace)
      for (const mode of ['enforce', 'audit', 'warn'])
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}`]).toBe('restricted')
      // The Namespace and the PriorityClass are cluster-scoped; the kustomization is kustomize's, not an object.
      const clusterScoped = ['Namespace', 'PriorityClass', 'Kustomization']
      for (const doc of docs.filter((d) => !clusterScoped.includes(d.kind)))
        expect(doc.metadata.namespace).toBe(vertical.namespace)
    })

    it('mark special-category data on the Namespace only where the vertical processes it', () => {
      const ns = find(docs, 'Namespace', vertical.namespace)
      expect(ns.metadata.labels?.['verticals.dev/special-category']).toBe(special ? 'true' : undefined)
      expect(ns.metadata.annotations?.['verticals.dev/special-categories']).toBe(
        special ? vertical.specialCategories.join(',') : undefined,
      )
    })

    it("deny all traffic by default, admit the ALB's subnets to HTTP ports, and egress only to data stores and DNS", () => {
      const { network } = platform.security
      expect(find(docs, 'NetworkPolicy', 'default-deny-all').spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      })
      for (const w of Object.values(vertical.workloads).filter((w) => w.kind === 'http')) {
        expect(find(docs, 'NetworkPolicy', `${w.name}-allow-ingress`).spec?.ingress).toEqual([
          {
            // IP targets: the ALB's nodes connect to pod IPs from its subnets, and nothing else may.
            from: platform.security.edge?.loadBalancerSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } })),
            ports: [{ protocol: 'TCP', port: w.port }],
          },
        ])
      }
      for (const w of Object.values(vertical.workloads)) {
        expect(find(docs, 'NetworkPolicy', `${w.name}-allow-metrics-scrape`).spec?.ingress[0].ports).toEqual([
          { protocol: 'TCP', port: w.port },
        ])
      }
      const egress = find(docs, 'NetworkPolicy', 'allow-egress').spec?.egress
      // Data stores only inside the VPC ranges of the config, never any address.
      expect(egress[0]).toEqual({
        to: network.vpcCidrs.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [
          { protocol: 'TCP', port: network.postgresPort },
          { protocol: 'TCP', port: network.redisPort },
        ],
      })
      expect(network.vpcCidrs).toEqual(['10.20.0.0/16'])
      // DNS only to the cluster's DNS pods, in every vertical.
      expect(egress[1]).toEqual({
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { protocol: 'UDP', port: network.dnsPort },
          { protocol: 'TCP', port: network.dnsPort },
        ],
      })
      // HTTPS only where the vertical calls an AWS API itself: its object-storage bucket (beauty).
      expect(egress.slice(2)).toEqual(
        vertical.objectStorage ? [{ ports: [{ protocol: 'TCP', port: 443 }] }] : [],
      )
      expect(vertical.objectStorage).toBe(name === 'beauty')
      expect(docs.filter((d) => d.kind === 'NetworkPolicy').map((d) => d.metadata.name)).toContain(
        'allow-egress',
      )
    })

    it('publish the runtime settings @verticals/core reads, mounted into every container', () => {
      const settings = JSON.parse(find(docs, 'ConfigMap', `${name}-platform`).data?.['platform.json'] ?? '{}')
      for (const dataClass of vertical.dataClasses)
        expect(settings.cache.ttl[dataClass]).toBe(platform.dataClasses[dataClass]?.cacheTtl)
      for (const purpose of vertical.purposes) {
        const p = platform.consent.purposes[purpose]!
        expect(settings.consent.purposes[purpose]).toMatchObject({
          explicit: p.explicit,
          validity: p.validity,
        })
      }
      expect(settings.dsr.deadlines).toEqual(platform.dsr.deadlines)
      expect(Object.keys(settings.retention.recordClasses).sort()).toEqual(
        Object.keys(platform.retention.recordClasses).sort(),
      )
      for (const w of Object.values(vertical.workloads)) {
        expect(find(docs, 'Deployment', w.name).spec?.template.spec.volumes).toContainEqual({
          name: 'runtime-config',
          configMap: { name: `${name}-platform` },
        })
      }
    })
  },
)
it('never caches psychology session notes: their TTL reaches the runtime as 0', () => {
  const settings = JSON.parse(
    find(kubernetesDocs(platform, 'psychology'), 'ConfigMap', 'psychology-platform').data?.[
      'platform.json'
    ] ?? '{}',
  )
  expect(settings.cache.ttl['session-notes']).toBe(0)
  expect(settings.consent.purposes['health-care']).toMatchObject({ explicit: true, special: true })
})
