import { parse, type ResolvedPlatform, readVerticalView, verticalView } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, parseDocument } from 'yaml'
import type { ConfigSource } from '../../artifact'
import { buildAll, examplePlatform, exampleSource } from '../testing'
import { verticalConfigChecksum } from './runtime-config'
import type { Doc } from './testing'
import { findDoc, workloadDeployments } from './testing'

const platform = examplePlatform()
const enabled = Object.values(platform.verticals).filter((v) => v.enabled)

// The Kubernetes documents of one vertical, built from the given platform and source text.
function docsOf(vertical: string, from: ResolvedPlatform = platform, source?: ConfigSource): Doc[] {
  return buildAll(from, undefined, source)
    .filter((a) => a.kind === 'kubernetes' && a.vertical === vertical)
    .flatMap((a) => parseAllDocuments(a.content).map((d) => d.toJS() as Doc))
}

// The platform of the example after an edit of its YAML text (comments and layout kept).
function editedPlatform(path: (string | number)[], value: unknown): ResolvedPlatform {
  const doc = parseDocument(exampleSource().text)
  doc.setIn(path, value)
  const result = parse(doc.toString({ lineWidth: 0 }), 'platform.yaml')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.platform
}

const checksums = (docs: Doc[]) =>
  workloadDeployments(docs).map(
    (d) => d.spec?.template.metadata.annotations['verticals.dev/config-sha256'] as string,
  )

describe.each(enabled.map((v) => [v.name, v] as const))('the %s runtime ConfigMap', (name, vertical) => {
  const docs = docsOf(name)
  const configMap = findDoc(docs, 'ConfigMap', `${name}-platform`)

  it("holds the vertical's resolved view, which reads back to exactly that view, beside the summary", () => {
    expect(Object.keys(configMap.data ?? {})).toEqual(['platform.json', 'resolved.json'])
    const read = readVerticalView(configMap.data?.['resolved.json'] ?? '')
    expect(read?.ok && read.view.platform).toEqual(verticalView(platform, name))
    expect(configMap.metadata.annotations).toBeUndefined()
  })

  it('points every container at it and names the vertical it runs as', () => {
    for (const w of Object.values(vertical.workloads)) {
      const container = findDoc(docs, 'Deployment', w.name).spec?.template.spec.containers[0]
      expect(container.env).toEqual([
        { name: 'VERTICALS_CONFIG', value: '/etc/verticals/resolved.json' },
        { name: 'VERTICALS_RUNTIME_CONFIG', value: '/etc/verticals/platform.json' },
        { name: 'VERTICALS_VERTICAL', value: name },
        { name: 'VERTICALS_WORKLOAD', value: w.name },
        { name: 'VERTICALS_PORT', value: String(w.port) },
        { name: 'NODE_ENV', value: 'production' },
        // audit-anchors.tf's bucket, in the primary region where the vertical's Terraform creates it.
        { name: 'VERTICALS_AUDIT_ANCHORS_BUCKET', value: `turnos-${name}-audit-anchors` },
        { name: 'AWS_REGION', value: 'sa-east-1' },
        // Every vertical of the example erases platform-wide with one on another PostgreSQL store.
        { name: 'VERTICALS_ERASURE_RELAY_BUCKET', value: 'turnos-erasure-relay' },
        ...[
          'database-url',
          'redis-url',
          'audit-key',
          'dsr-auth-secret',
          'subject-key',
          'monitoring-database-url',
        ].map((key, i) => ({
          name: [
            'VERTICALS_DATABASE_URL',
            'VERTICALS_REDIS_URL',
            'VERTICALS_AUDIT_KEY',
            'VERTICALS_DSR_AUTH_SECRET',
            'VERTICALS_SUBJECT_KEY',
            'VERTICALS_MONITORING_DATABASE_URL',
          ][i],
          valueFrom: { secretKeyRef: { name: `${name}-runtime`, key } },
        })),
      ])
      expect(container.volumeMounts).toContainEqual({
        name: 'runtime-config',
        mountPath: '/etc/verticals',
        readOnly: true,
      })
    }
  })

  it('gives every Deployment the checksum the manifest records for the vertical', () => {
    const sums = checksums(docs)
    expect(sums.length).toBe(Object.keys(vertical.workloads).length)
    for (const sum of sums) expect(sum).toBe(verticalConfigChecksum(platform, vertical))
    expect(sums[0]).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('a change of platform.yaml', () => {
  const verticalFiles = (from: ResolvedPlatform, source?: ConfigSource) =>
    new Map(buildAll(from, undefined, source).map((a) => [a.path, a.content]))
  const changedPaths = (before: Map<string, string>, after: Map<string, string>) =>
    [...after].filter(([path, content]) => before.get(path) !== content).map(([path]) => path)

  it('that only edits comments and layout changes no infrastructure file of any vertical', () => {
    const text = exampleSource().text
    const edited = { ...exampleSource(), text: `# reviewed\n${text.replace(/ # [^\n"]*$/gm, '')}\n\n` }
    const reparsed = parse(edited.text, 'platform.yaml')
    if (!reparsed.ok) throw new Error('the edited example is invalid')
    expect(changedPaths(verticalFiles(platform), verticalFiles(reparsed.platform, edited))).toEqual([])
  })

  it("to psychology's autoscaling changes psychology's files only, and rolls only its pods", () => {
    const edited = editedPlatform(
      ['verticals', 'psychology', 'workloads', 'api', 'autoscaling', 'maxReplicas'],
      9,
    )
    const changed = changedPaths(verticalFiles(platform), verticalFiles(edited))
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((path) => path.startsWith('psychology/'))).toBe(true)
    expect(changed).toContain('psychology/infrastructure/kubernetes/runtime-config.yaml')
    expect(checksums(docsOf('psychology', edited))).not.toEqual(checksums(docsOf('psychology')))
    expect(checksums(docsOf('barber', edited))).toEqual(checksums(docsOf('barber')))
  })

  it('shared by every vertical changes every checksum, so every pod restarts and reads it', () => {
    const edited = editedPlatform(['cache', 'timeout'], '60ms')
    for (const v of enabled) {
      expect(verticalConfigChecksum(edited, v), v.name).not.toBe(verticalConfigChecksum(platform, v))
    }
  })

  it('keeps the ConfigMap under the 1 MiB Kubernetes accepts, or refuses with OUTPUT_INVALID', () => {
    // 6000 declared data classes of 200-character descriptions: the view holds every one of them.
    const template = platform.dataClasses['api-responses']!
    const many = Object.fromEntries(
      Array.from({ length: 6000 }, (_, i) => [
        `c${i}`,
        { ...template, name: `c${i}`, description: 'x'.repeat(200) },
      ]),
    )
    const huge = { ...platform, dataClasses: { ...platform.dataClasses, ...many } }
    expect(() => buildAll(huge)).toThrow(expect.objectContaining({ code: 'OUTPUT_INVALID' }))
  })
})
