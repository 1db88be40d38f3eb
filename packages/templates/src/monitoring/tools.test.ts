import { alertmanagerRouteCases } from '@verticals/observability'
import { beforeAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { type Artifact, PLATFORM_DIR } from '../artifact'
import { examplePlatform } from '../infrastructure/testing'
import { validateMonitoring, validateRuleTests } from '../validate/monitoring'
import { buildAllMonitoring } from './testing'
import { runToolOnFiles } from './tool-run'
import { findTool } from './tools'

// The real tools are part of the test environment (.ci/run installs Debian's prometheus and
// prometheus-alertmanager); without them these tests fail rather than pass on structure alone.
const artifacts = buildAllMonitoring(examplePlatform())
const VERTICALS = ['barber', 'psychology', 'beauty', 'fitness']
const checked = artifacts.filter((a) => a.kind !== 'prometheus-rule-tests')

// Every tool verdict of the bundle is asked for once, all at once, before the tests read them: the
// runs share the cores (runToolOnFiles keeps one per core) instead of one vertical's long SLO rule
// test holding a core while the other waits, and each verdict lands in the run's verdict cache, where
// `generate --verify` and the validator tests of other files find the same bytes already judged.
// A new case reads `verdicts` or `ruleTestProblems`; it does not run the tools again.
const verdicts = new Map<Artifact, string[]>()
let ruleTestProblems: { path: string; message: string }[] = []

beforeAll(
  async () => {
    const checks = checked.map(async (a) => verdicts.set(a, await validateMonitoring(a)))
    const [problems] = await Promise.all([validateRuleTests(artifacts), ...checks])
    ruleTestProblems = problems
  },
  timeoutFor({ ruleTests: VERTICALS.length }),
)

describe('the example monitoring bundle under promtool and amtool', () => {
  it('finds promtool and amtool', () => {
    expect(findTool('promtool')).not.toBeNull()
    expect(findTool('amtool')).not.toBeNull()
  })

  it('has rules, rule tests, a scrape config and a dashboard for all four verticals, one Alertmanager config for the platform', () => {
    expect(artifacts.filter((a) => a.kind === 'alertmanager-config').map((a) => a.path)).toEqual([
      `${PLATFORM_DIR}/monitoring/alertmanager/alertmanager.yaml`,
    ])
    for (const vertical of VERTICALS) {
      const kinds = new Set(artifacts.filter((a) => a.vertical === vertical).map((a) => a.kind))
      expect([...kinds].sort()).toEqual(
        ['grafana-dashboard', 'prometheus-rule-tests', 'prometheus-rules', 'prometheus-scrape-config'].sort(),
      )
    }
  })

  it.each(checked.map((a) => [a.path, a] as const))(
    '%s passes promtool check / amtool check-config / the dashboard schema',
    (_path, artifact) => {
      expect(verdicts.get(artifact)).toEqual([])
    },
  )

  it.each(VERTICALS)('%s: promtool test rules passes every generated rule test', (vertical) => {
    const mine = artifacts.filter((a) => a.vertical === vertical)
    expect(mine.filter((a) => a.kind === 'prometheus-rule-tests').length).toBeGreaterThanOrEqual(2)
    expect(ruleTestProblems.filter((p) => p.path.startsWith(`${vertical}/`))).toEqual([])
  })

  it('no rule-test file of the bundle fails promtool test rules', () => {
    // The per-vertical verdicts above are only as good as the runs behind them: no file left out.
    const tests = artifacts.filter((a) => a.kind === 'prometheus-rule-tests')
    expect(tests.length).toBeGreaterThanOrEqual(2 * VERTICALS.length)
    expect(ruleTestProblems).toEqual([])
  })

  it(
    'routes every vertical’s alerts to the receivers its severities name (amtool config routes test)',
    async () => {
      const config = artifacts.find((a) => a.kind === 'alertmanager-config')?.content ?? ''
      const cases = alertmanagerRouteCases(examplePlatform())
      expect(new Set(cases.map((c) => c.labels.vertical))).toEqual(new Set(VERTICALS))
      const amtool = findTool('amtool') ?? 'amtool'
      const runs = await Promise.all(
        cases.map(async (c) => {
          const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)
          const verify = `--verify.receivers=${c.receivers.join(',')}`
          const args = ['config', 'routes', 'test', '--config.file=alertmanager.yaml', verify, ...labels]
          const run = await runToolOnFiles(amtool, args, { 'alertmanager.yaml': config })
          // amtool exits 1 when the resolved receivers differ, and prints the ones it found.
          return { labels: c.labels, receivers: run.ok ? c.receivers : [run.output] }
        }),
      )
      expect(runs).toEqual(cases.map((c) => ({ labels: c.labels, receivers: c.receivers })))
    },
    timeoutFor({ amtoolRoutes: 1 }),
  )
})
