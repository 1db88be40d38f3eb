import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import type { ConfigSource } from '../../artifact'
import { buildAll, examplePlatform, exampleSource } from '../testing'
import type { Doc } from './testing'
import { findDoc } from './testing'

const platform = examplePlatform()
const enabled = Object.values(platform.verticals).filter((v) => v.enabled)

// The Kubernetes documents of one vertical, built from the given source text.
function docsOf(vertical: string, source: ConfigSource = exampleSource()): Doc[] {
  return buildAll(platform, undefined, source)
    .filter((a) => a.kind === 'kubernetes' && a.vertical === vertical)
    .flatMap((a) => parseAllDocuments(a.content).map((d) => d.toJS() as Doc))
}

describe.each(enabled.map((v) => [v.name, v] as const))('the %s runtime ConfigMap', (name, vertical) => {
  const docs = docsOf(name)
  const configMap = findDoc(docs, 'ConfigMap', `${name}-platform`)

  it('holds the exact platform.yaml the bundle was generated from, beside the summary', () => {
    expect(Object.keys(configMap.data ?? {})).toEqual(['platform.json', 'platform.yaml'])
    expect(configMap.data?.['platform.yaml']).toBe(exampleSource().text)
    expect(configMap.metadata.annotations).toEqual({ 'verticals.dev/source-file': 'platform.yaml' })
  })

  it('points every container at it and names the vertical it runs as', () => {
    for (const w of Object.values(vertical.workloads)) {
      const container = findDoc(docs, 'Deployment', w.name).spec?.template.spec.containers[0]
      expect(container.env).toEqual([
        { name: 'VERTICALS_CONFIG', value: '/etc/verticals/platform.yaml' },
        { name: 'VERTICALS_RUNTIME_CONFIG', value: '/etc/verticals/platform.json' },
        { name: 'VERTICALS_VERTICAL', value: name },
        { name: 'VERTICALS_WORKLOAD', value: w.name },
        { name: 'VERTICALS_PORT', value: String(w.port) },
        { name: 'NODE_ENV', value: 'production' },
        ...['database-url', 'redis-url', 'audit-key'].map((key, i) => ({
          name: ['VERTICALS_DATABASE_URL', 'VERTICALS_REDIS_URL', 'VERTICALS_AUDIT_KEY'][i],
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
})

describe('a change of platform.yaml', () => {
  const checksums = (docs: Doc[]) =>
    docs
      .filter((d) => d.kind === 'Deployment')
      .map((d) => d.spec?.template.metadata.annotations['verticals.dev/config-sha256'] as string)

  it('changes the pod-template checksum of every Deployment, so the pods restart and read it', () => {
    const before = checksums(docsOf('barber'))
    const after = checksums(
      docsOf('barber', { ...exampleSource(), text: `${exampleSource().text}# edited\n` }),
    )
    expect(before.length).toBeGreaterThan(0)
    for (const sum of [...before, ...after]) expect(sum).toMatch(/^[0-9a-f]{64}$/)
    expect(new Set(before).size).toBe(1)
    expect(after.every((sum, i) => sum !== before[i])).toBe(true)
  })

  it('keeps the same checksum when nothing changed (generation is deterministic)', () => {
    expect(checksums(docsOf('barber'))).toEqual(checksums(docsOf('barber')))
  })

  it('keeps the ConfigMap under the 1 MiB Kubernetes accepts, or refuses with OUTPUT_INVALID', () => {
    const huge = { file: 'big.yaml', text: `${exampleSource().text}#${'x'.repeat(1024 * 1024)}\n` }
    expect(() => buildAll(platform, undefined, huge)).toThrow(
      expect.objectContaining({ code: 'OUTPUT_INVALID', hint: expect.stringContaining('big.yaml') }),
    )
  })
})
