// The claims contract, checked on what generate writes: every security statement in the records of
// processing, the DPIA and the runbooks names the generated resource (file and address) that keeps it,
// and that resource is in the bundle; a statement nothing backs is not made.
import { parse } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { generate } from './engine/generate'
import { examplePlatform, exampleSource } from './testing/fixtures'

type File = { path: string; content: string }

// Words that make a table row a security measure (per-class cache and retention facts are the data map's).
const SECURITY =
  /encrypt|\btls\b|firewall|\bwaf\b|rate limit|strict transport|content security|framing|network (ingress|egress)|tamper|ledgers|audit anchors/i
// `<address> in <file>`, as the Enforced by cells print it (after Markdown escapes are undone).
const REFERENCE =
  /([a-z0-9_]+\.[a-z0-9_]+|[A-Z][A-Za-z]+\/[a-z0-9-]+|table [a-z0-9_]+) in ([a-z0-9-]+\/(?:infrastructure|compliance)\/[^\s;|]+)/g

/** Whether `address` names something defined in `file`: a Terraform resource, a Kubernetes object or a table. */
function defines(file: File, address: string): boolean {
  const text = file.content.replace(/\\(.)/g, '$1')
  if (file.path.endsWith('.tf')) {
    const [type, name] = address.split('.')
    return new RegExp(`^resource "${type}" "${name}" \\{`, 'm').test(text)
  }
  if (file.path.endsWith('.yaml')) {
    const [kind, name] = address.split('/')
    return parseAllDocuments(text).some((d) => {
      const o = d.toJS() as { kind?: string; metadata?: { name?: string } }
      return o?.kind === kind && o.metadata?.name === name
    })
  }
  const table = address.replace(/^table /, '')
  return new RegExp(`(CREATE|ALTER) TABLE (IF NOT EXISTS )?("?[a-z_:"]+"?\\.)?${table}\\b`).test(text)
}

/** Every security statement of the documents, with the references it carries. */
function statements(files: readonly File[]) {
  return files
    .filter((f) => /\/(compliance|runbooks)\/[^/]+\.md$/.test(f.path))
    .flatMap((f) =>
      f.content
        .split('\n')
        .filter((line) => line.startsWith('|') && SECURITY.test(line))
        .map((line) => line.replace(/\\(.)/g, '$1'))
        .map((line) => ({ doc: f.path, line, refs: [...line.matchAll(REFERENCE)].map((m) => [m[2], m[1]]) })),
    )
}

function bundle(platform: ReturnType<typeof examplePlatform>['platform']): readonly File[] {
  return generate(platform, { source: exampleSource(), configSha256: 'test' }).files
}

describe('security claims are backed by generated resources', () => {
  const files = bundle(examplePlatform().platform)

  it('every security statement names resources that the bundle defines', () => {
    const found = statements(files)
    // The measures tables of four records of processing and two DPIAs at least.
    expect(found.length).toBeGreaterThan(40)
    const byPath = new Map(files.map((f) => [f.path, f]))
    const unbacked = found.filter((s) => s.refs.length === 0).map((s) => `${s.doc}: ${s.line}`)
    expect(unbacked, 'security statements without an Enforced by reference').toEqual([])
    const dangling = found.flatMap((s) =>
      s.refs
        .filter(([path, address]) => {
          const file = byPath.get(path as string)
          return file === undefined || !defines(file, address as string)
        })
        .map(([path, address]) => `${s.doc} names ${path} ${address}, which the bundle does not define`),
    )
    expect(dangling).toEqual([])
  })

  it('tells a defined resource from one the bundle lacks, in each kind of file', () => {
    const at = (path: string) => files.find((f) => f.path === path) as File
    const tf = at('barber/infrastructure/terraform/edge.tf')
    expect(defines(tf, 'aws_wafv2_web_acl.edge')).toBe(true)
    expect(defines(tf, 'aws_wafv2_web_acl.missing')).toBe(false)
    const k8s = at('barber/infrastructure/kubernetes/ingress.yaml')
    expect(defines(k8s, 'Ingress/barber')).toBe(true)
    expect(defines(k8s, 'Ingress/psychology')).toBe(false)
    const sql = at('barber/compliance/migrations/002-audit.sql')
    expect(defines(sql, 'table audit_entries')).toBe(true)
    expect(defines(sql, 'table audit_missing')).toBe(false)
  })

  it('does not state TLS, firewall or header measures when no generated edge enforces them', () => {
    const text = exampleSource()
      .text.replace(/\n {2}edge:\n(?: {4}.*\n)+/, '\n')
      .replace('  network:\n', '  network:\n    ingressNamespace: ingress-nginx\n')
    const parsed = parse(
      text
        .replace(/, recognize: \{ viewer(Regions|Cities): \[[^\]]*\] \}/g, '')
        .replace(/edgeCache: \d+G/g, 'edgeCache: 0G')
        .replace(/\n {2}cdnTtl:\n(?: {4}.*\n)+/, '\n'),
      'platform.yaml',
    )
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => `${d.path} ${d.message}`).join('\n'))
    const records = bundle(parsed.platform).find(
      (f) => f.path === 'barber/compliance/records-of-processing.md',
    )
    for (const measure of ['Encryption in transit', 'Web application firewall', 'Strict transport security'])
      expect(records?.content).not.toContain(`| ${measure}`)
    expect(records?.content).toContain('| Encryption at rest')
    for (const s of statements(bundle(parsed.platform))) expect(s.refs.length, s.line).toBeGreaterThan(0)
  })
})
