import { describe, expect, it } from 'vitest'
import { METRIC_LIST, RUNTIME_METRICS } from '../contract'
import { examplePlatform, exampleVerticals } from '../testing/example'
import { verticalOf } from '../vertical'
import { EXPORTER_METRICS, seriesNames } from './exporters'
import { buildMonitoring } from './index'

const platform = examplePlatform()
const HISTOGRAM_SUFFIXES = ['_bucket', '_count', '_sum']

// A queried series name -> the contract metric it belongs to (histograms are queried by their series).
function contractMetric(name: string): string | undefined {
  const exact = METRIC_LIST.find((m) => m.name === name)
  if (exact) return exact.name
  return METRIC_LIST.find(
    (m) => m.type === 'histogram' && HISTOGRAM_SUFFIXES.some((s) => name === `${m.name}${s}`),
  )?.name
}

function queries(vertical: string) {
  const build = buildMonitoring(platform, verticalOf(platform, vertical))
  const rules = build.ruleSets.flatMap((s) => s.rules.groups.flatMap((g) => g.rules))
  const recorded = new Set(rules.flatMap((r) => ('record' in r ? [r.record] : [])))
  const fromRules = rules.map((r) => r.expr)
  const fromPanels = build.dashboards.flatMap((d) =>
    d.dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
  )
  return { recorded, exprs: [...fromRules, ...fromPanels] }
}

describe.each(exampleVerticals(platform))('contract coverage of %s', (vertical) => {
  const { recorded, exprs } = queries(vertical)
  const names = [...new Set(exprs.flatMap(seriesNames))]

  it('queries only contract metrics, declared exporter metrics and its own recording rules', () => {
    const runtime = new Set(Object.values(RUNTIME_METRICS).flatMap((n) => [n, `${n}_sum`, `${n}_count`]))
    const unknown = names.filter(
      (n) => !contractMetric(n) && !(n in EXPORTER_METRICS) && !recorded.has(n) && !runtime.has(n),
    )
    expect(unknown).toEqual([])
    expect(names.length).toBeGreaterThan(20)
  })

  it('uses every contract metric in a rule or panel unless it is marked unalerted', () => {
    const used = new Set(names.map(contractMetric).filter((n): n is string => n !== undefined))
    const unused = METRIC_LIST.filter((m) => !used.has(m.name) && !m.unalerted).map((m) => m.name)
    expect(unused).toEqual([])
    const staleMarks = METRIC_LIST.filter((m) => m.unalerted && used.has(m.name)).map((m) => m.name)
    expect(staleMarks).toEqual([])
  })

  it('uses every declared exporter metric (the list holds nothing stale)', () => {
    expect(Object.keys(EXPORTER_METRICS).filter((n) => !names.includes(n))).toEqual([])
  })
})

describe('seriesNames', () => {
  it('finds series and skips functions, keywords, labels, strings and durations', () => {
    expect(
      seriesNames(
        'sum by (job, le) (rate(a_total{x="b_total",le="0.1"}[5m])) / on (job) b:c:ratio_rate1h > (14.4 * 0.001) or absent(up{job="x"})',
      ),
    ).toEqual(['a_total', 'b:c:ratio_rate1h', 'up'])
  })
})
