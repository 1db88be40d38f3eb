import { readFileSync } from 'node:fs'
import { parse as parseConfig, postgresOf, type ResolvedVertical } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, parseDocument } from 'yaml'
import type { Artifact } from '../artifact'
import { createTextEngine } from '../text/engine'
import { parseTerraform } from '../validate/terraform'
import { HOSTILE, hostilePlatform, INTERPRETED_FIELDS } from './hostile'
import { infrastructureBundle } from './index'
import { buildAll, EXAMPLE_CONFIG, examplePlatform, exampleSource } from './testing'

// The structure of a parsed file with every string replaced by a placeholder: same documents, kinds,
// resources, keys and list lengths, whatever the strings say.
function shape(value: unknown): unknown {
  if (typeof value === 'string') return '<string>'
  if (Array.isArray(value)) return value.map(shape)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
  return value
}

async function structure(artifact: Artifact): Promise<unknown> {
  if (artifact.kind === 'terraform') return shape(await parseTerraform(artifact))
  // SQL (a shared store's members.sql): its lines with every quoted literal and identifier a placeholder.
  if (artifact.kind === 'sql-migration')
    return artifact.content
      .replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (m) => (m.startsWith("'") ? "'<s>'" : '"<i>"'))
      .split('\n')
  return parseAllDocuments(artifact.content).map((doc) => {
    expect(doc.errors).toEqual([])
    const js = doc.toJS() as { apiVersion: string; kind: string }
    return { apiVersion: js.apiVersion, kind: js.kind, shape: shape(js) }
  })
}

const clean = buildAll(examplePlatform())
const { platform: hostile, mutated } = hostilePlatform(examplePlatform())
// A hostile comment in the source reaches no file: bundles depend on what the config resolves to.
const hostileSource = { file: 'platform.yaml', text: `${exampleSource().text}# ${HOSTILE}\t${HOSTILE}` }
const dirty = buildAll(hostile, undefined, hostileSource)

describe('hostile strings in every printed field of the example', () => {
  it('reach the builders: hundreds of fields are mutated, including names, labels and descriptions', () => {
    expect(mutated.length).toBeGreaterThan(200)
    for (const field of [
      'metadata.name',
      'verticals.barber.namespace',
      'security.edge.domain',
      'compute.image.tag',
    ]) {
      expect(mutated).toContain(field)
    }
  })

  it('produce the same files; all but the three that print no config value differ', () => {
    expect(dirty.map((a) => [a.path, a.kind])).toEqual(clean.map((a) => [a.path, a.kind]))
    const unchanged = dirty
      .filter((a, i) => a.content === clean[i]!.content)
      .map((a) => a.path.split('/').pop())
    // versions.tf names the state bucket, which defaults to the platform's name.
    expect(new Set(unchanged)).toEqual(new Set(['variables.tf', 'outputs.tf', 'kustomization.yaml']))
  })

  // A cost report's lines follow which resources the price table prices: a hostile instance class
  // is listed as unpriced instead, so its structure differs by design; it must still be plain JSON.
  it('keeps hostile instance classes in cost reports as data, listed as unpriced', () => {
    for (const report of dirty.filter((a) => a.kind === 'cost-report')) {
      const parsed = JSON.parse(report.content) as { unpriced: { item: string }[] }
      // The class of the vertical's own PostgreSQL, or of the shared store it is a member of.
      const { instanceClass } = postgresOf(hostile, report.vertical).settings
      expect(parsed.unpriced.map((u) => u.item)).toContain(`rds:${instanceClass}`)
    }
  })

  it.each(clean.flatMap((a, i) => (a.kind === 'cost-report' ? [] : [[a.path, a, i] as const])))(
    '%s parses to the same structure',
    async (_path, artifact, index) => {
      expect(await structure(dirty[index]!)).toEqual(await structure(artifact))
    },
  )

  it('keep the hostile text as data: it comes back verbatim from YAML, JSON and PromQL', () => {
    const namespace = dirty.find((a) => a.path.endsWith('barber/infrastructure/kubernetes/namespace.yaml'))!
    const doc = parseDocument(namespace.content).toJS() as { metadata: { name: string } }
    expect(doc.metadata.name).toBe(`turnos-barber${HOSTILE}`)
    const config = dirty.find((a) => a.path.endsWith('barber/infrastructure/kubernetes/runtime-config.yaml'))!
    const settings = JSON.parse(
      (parseDocument(config.content).toJS() as { data: Record<string, string> }).data['platform.json']!,
    )
    expect(settings.platform).toBe(`turnos${HOSTILE}`)
    const data = (parseDocument(config.content).toJS() as { data: Record<string, string> }).data
    const view = JSON.parse(data['resolved.json']!)
    expect(view.platform.metadata.name).toBe(`turnos${HOSTILE}`)
    expect(view.platform.verticals.barber.namespace).toBe(`turnos-barber${HOSTILE}`)
    const scaling = parseAllDocuments(
      dirty.find((a) => a.path.endsWith('barber/infrastructure/kubernetes/autoscaling.yaml'))!.content,
    )
    const query = JSON.stringify(scaling.map((d) => d.toJS()))
    const literal = /workload=("(?:[^"\\]|\\.)*")/.exec(
      JSON.parse(query.match(/"query":("(?:[^"\\]|\\.)*")/)![1]!),
    )
    expect(JSON.parse(literal![1]!)).toBe(`booking${HOSTILE}`)
  })

  it('keep HCL interpolation inert: ${ and %{ are escaped in every string literal', () => {
    for (const artifact of dirty.filter((a) => a.kind === 'terraform')) {
      for (const line of artifact.content.split('\n').filter((l) => l.includes('kind: ClusterRole'))) {
        expect(line, artifact.path).not.toMatch(/(^|[^$])\$\{x\}/)
        expect(line, artifact.path).not.toMatch(/(^|[^%])%\{y\}/)
      }
    }
  })
})

describe('fields the bundle interprets are closed sets, refused by validation', () => {
  const text = readFileSync(EXAMPLE_CONFIG, 'utf8')
  const cases: [string, (string | number)[]][] = [
    ['verticals.barber.workloads.web.kind', ['verticals', 'barber', 'workloads', 'web', 'kind']],
    ['compute.schedule.businessHours.start', ['compute', 'schedule', 'businessHours', 'start']],
    ['compute.schedule.businessHours.days[0]', ['compute', 'schedule', 'businessHours', 'days', 0]],
    ['compute.schedule.peaks[0].end', ['compute', 'schedule', 'peaks', 0, 'end']],
    ['security.waf.managedRules[0]', ['security', 'waf', 'managedRules', 0]],
    ['security.tls.minVersion', ['security', 'tls', 'minVersion']],
    ['dataClasses.static-assets.storage[0]', ['dataClasses', 'static-assets', 'storage', 0]],
    ['maintenance.timeZone', ['maintenance', 'timeZone']],
    ['maintenance.windows.database.scope', ['maintenance', 'windows', 'database', 'scope']],
    ['verticals.barber.dataStores.postgres', ['verticals', 'barber', 'dataStores', 'postgres']],
  ]

  it('covers every kind of interpreted field (vertical names have their own test below)', () => {
    const dotted = cases.map(([path]) => path.replace(/\[(\d+)\]/g, '.$1'))
    const uncovered = INTERPRETED_FIELDS.filter(
      (re) => !re.test('verticals.barber.name') && !dotted.some((p) => re.test(p)),
    )
    expect(uncovered).toEqual([])
  })

  it.each(cases)('%s', (path, segments) => {
    const doc = parseDocument(text)
    doc.setIn(segments, `x${HOSTILE}`)
    const result = parseConfig(doc.toString())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics.map((d) => d.path)).toContain(path)
  })

  it('refuses a vertical name that could not be a bundle directory, with a PlatformError', () => {
    const platform = examplePlatform()
    const vertical = { ...platform.verticals.barber!, name: `../barber${HOSTILE}` } as ResolvedVertical
    expect(() =>
      infrastructureBundle({
        platform,
        vertical,
        source: exampleSource(),
        text: createTextEngine(),
        migrations: [],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('cannot name a bundle directory'),
      }),
    )
  })
})
