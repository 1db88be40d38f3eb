// No setting may silently do nothing: each setting of `markets`, `security` and `cache` in the example
// config, changed alone, changes at least one infrastructure file of the bundle (Kubernetes, Terraform,
// the cost report). Settings that only the runtime reads change the runtime ConfigMap, which
// @verticals/core and @verticals/observability load; settings that are documentation on purpose are
// listed, with the reason, in DOCUMENTATION_ONLY. A new setting without a decision fails the test.
import { parse } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml'
import { generate } from './engine/generate'
import { exampleSource } from './testing/fixtures'

/** The value each setting takes in its variant; a path ending in a list names the whole list. */
const CHANGES: Readonly<Record<string, unknown>> = {
  'markets.buenos-aires.city': 'Ciudad de Buenos Aires',
  'markets.buenos-aires.tier': 'tier-2',
  'markets.buenos-aires.trafficShare': '59%',
  'markets.buenos-aires.budget': 'USD 4700',
  'markets.buenos-aires.recognize.viewerRegions': ['AR-B'],
  'markets.rosario.recognize.viewerCities': ['Funes'],
  'markets.la-plata.status': 'planned',
  'markets.mendoza.latencyP95': '170ms',
  'security.waf.allowCountries': ['AR', 'UY'],
  'security.waf.rateLimits.0.path': '/v1/',
  'security.waf.rateLimits.0.requests': 200,
  'security.waf.rateLimits.0.window': '120s',
  'security.waf.managedRules': ['sql-injection', 'common'],
  'security.tls.minVersion': '1.2',
  'security.headers.hstsMaxAge': '180d',
  'security.headers.contentSecurityPolicy': "default-src 'self' https://cdn.turnos.example",
  'security.headers.frameOptions': 'SAMEORIGIN',
  'security.headers.referrerPolicy': 'no-referrer',
  'security.edge.domain': 'turnos.example.ar',
  'security.edge.certificateArn':
    'arn:aws:acm:sa-east-1:123456789012:certificate/11111111-2222-4333-8444-555555555555',
  'security.edge.loadBalancerSubnetCidrs': ['10.20.0.0/24'],
  'security.edge.cdn.enabled': false,
  'security.edge.cdn.certificateArn':
    'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-4333-8444-555555555555',
  'security.edge.cdn.paths.static-assets': ['/static/*'],
  'security.edge.cdn.paths.api-responses': ['/api/catalog/*'],
  'security.network.postgresPort': 5433,
  'security.network.redisPort': 6380,
  'security.network.dnsPort': 5353,
  'security.network.vpcCidrs': ['10.30.0.0/16'],
  'security.identity.oidcProvider':
    'arn:aws:iam::123456789012:oidc-provider/oidc.eks.sa-east-1.amazonaws.com/id/00000000000000000000000000000000',
  'cache.ttl.static-assets': '7d',
  'cache.ttl.api-responses': '5m',
  'cache.ttl.user-profiles': '1h',
  'cache.cdnTtl.static-assets': '30d',
  'cache.cdnTtl.api-responses': '1m',
  'cache.timeout': '80ms',
  'cache.jitter': '5%',
  'cache.maxValueSize': '256Ki',
}

/** Edits that need a companion edit to stay valid (a market's share moves to another). */
const COMPANIONS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'markets.buenos-aires.trafficShare': { 'markets.cordoba.trafficShare': '21%' },
  'markets.la-plata.status': {
    'markets.la-plata.trafficShare': '0%',
    'markets.buenos-aires.trafficShare': '65%',
  },
  'security.edge.cdn.enabled': {
    'markets.buenos-aires.recognize': { hosts: ['ba.turnos.example'] },
    'markets.cordoba.recognize': { hosts: ['cba.turnos.example'] },
    'markets.rosario.recognize': { pathPrefixes: ['/rosario/'] },
    'markets.la-plata.recognize': { pathPrefixes: ['/la-plata/'] },
  },
}

/** Settings that the bundle prints only into documents, on purpose, and why. */
const DOCUMENTATION_ONLY: Readonly<Record<string, string>> = {
  'cache.ttl.session-notes':
    'special-category data: validation admits only 0s (never cached), so there is no other value to try',
  'markets.*.edgeCache':
    'a capacity figure: CloudFront has no per-market cache size; validation requires one per live market behind the CDN and warns without a CDN',
  'security.encryptionAtRest':
    'one allowed value (AES-256), which the KMS-encrypted storage of database.tf, cache.tf and the buckets provides whatever the field says',
}

const SECTIONS = ['markets', 'security', 'cache']

/** Every setting the example writes under the sections, as dotted paths (lists are one setting). */
function settings(node: Node | null, path: string[] = []): string[] {
  if (isMap(node))
    return node.items.flatMap((pair) =>
      settings(pair.value as Node, [...path, String((pair.key as { value: unknown }).value)]),
    )
  if (isSeq(node) && node.items.every((item) => isMap(item)))
    return node.items.flatMap((item, i) => settings(item as Node, [...path, String(i)]))
  if (isScalar(node) || isSeq(node)) return [path.join('.')]
  return []
}

// Every market has the same settings: one decision per field, whichever market the change is tried on.
const kind = (path: string): string => path.replace(/^markets\.[^.]+\./, 'markets.*.')
const decided = new Set([...Object.keys(CHANGES), ...Object.keys(DOCUMENTATION_ONLY)].map(kind))

function infrastructure(text: string): Map<string, string> {
  const parsed = parse(text, 'platform.yaml')
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => `${d.path} ${d.message}`).join('\n'))
  const files = generate(parsed.platform, {
    source: { file: 'platform.yaml', text },
    configSha256: 'x',
  }).files
  return new Map(files.filter((f) => f.path.includes('/infrastructure/')).map((f) => [f.path, f.content]))
}

function variant(text: string, changes: Readonly<Record<string, unknown>>): string {
  const doc = parseDocument(text)
  for (const [path, value] of Object.entries(changes)) {
    const segments = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))
    doc.setIn(segments, doc.createNode(value))
  }
  return doc.toString({ lineWidth: 0 })
}

describe('every edge, security, market and cache setting changes the infrastructure', () => {
  const { text } = exampleSource()
  const base = infrastructure(text)
  const written = SECTIONS.flatMap((s) => settings(parseDocument(text).get(s, true) as Node, [s]))

  it('decides for each setting of the example: a change to try, or a reason it only documents', () => {
    const undecided = written.filter((p) => !decided.has(kind(p)))
    expect(undecided).toEqual([])
  })

  it.each(Object.keys(CHANGES).map((p) => [p]))('%s', (path) => {
    const changed = infrastructure(variant(text, { [path]: CHANGES[path], ...COMPANIONS[path] }))
    const differing = [...changed.keys()].filter((file) => changed.get(file) !== base.get(file))
    const removed = [...base.keys()].filter((file) => !changed.has(file))
    expect(
      [...differing, ...removed].length,
      `changing ${path} changed no infrastructure file`,
    ).toBeGreaterThan(0)
  })
})
