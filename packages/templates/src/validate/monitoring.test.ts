import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse, stringify } from 'yaml'
import { timeoutFor } from '../../../../testing/costs'
import { type Artifact, type ArtifactKind, PLATFORM_DIR } from '../artifact'
import { examplePlatform } from '../infrastructure/testing'
import { buildAllMonitoring } from '../monitoring/testing'
import { validateMonitoring, validateRuleTests } from './monitoring'

const bundle = buildAllMonitoring(examplePlatform()).filter(
  (a) => a.vertical === 'barber' || a.vertical === PLATFORM_DIR,
)
const find = (suffix: string) => bundle.find((a) => a.path.endsWith(suffix)) as Artifact
const artifact = (
  kind: ArtifactKind,
  content: string,
  path = 'x/monitoring/prometheus/x.yaml',
): Artifact => ({ path, kind, vertical: 'x', content })

describe('validateMonitoring rejects what Prometheus, Alertmanager and Grafana would', () => {
  it('rejects a rule whose PromQL does not parse (promtool check rules)', async () => {
    const rules = parse(find('alerts.rules.yaml').content)
    rules.groups[0].rules[0].expr = 'sum(rate(verticals_http_requests_total[5m]'
    const problems = await validateMonitoring(artifact('prometheus-rules', stringify(rules)))
    expect(problems.join('\n')).toMatch(/promtool check rules rejected it:.*parse error/s)
  })

  it('rejects an alert without a runbook link before running any tool', async () => {
    const rules = parse(find('alerts.rules.yaml').content)
    delete rules.groups[0].rules[0].annotations.runbook_url
    expect(await validateMonitoring(artifact('prometheus-rules', stringify(rules)))).toEqual([
      'verticals-barber-alerts rule 1 (VerticalsServiceDown): annotation runbook_url missing',
    ])
  })

  it('rejects an Alertmanager config with a bad duration (amtool) or an undefined receiver', async () => {
    const config = parse(find('alertmanager.yaml').content)
    config.route.routes[1].routes[1].repeat_interval = 'soon'
    expect(
      (await validateMonitoring(artifact('alertmanager-config', stringify(config)))).join('\n'),
    ).toContain('amtool check-config rejected it')
    const orphan = parse(find('alertmanager.yaml').content)
    orphan.route.routes[1].routes[1].receiver = 'nobody'
    expect(await validateMonitoring(artifact('alertmanager-config', stringify(orphan)))).toEqual([
      'route uses receiver "nobody", which is not defined',
    ])
  })

  it('rejects a scrape config with an invalid interval (promtool check config)', async () => {
    const scrape = parse(find('scrape.yaml').content)
    scrape.scrape_configs[0].scrape_interval = '5 seconds'
    expect(
      (await validateMonitoring(artifact('prometheus-scrape-config', stringify(scrape)))).join('\n'),
    ).toContain('promtool check config rejected it')
  })

  it('rejects a dashboard that leaves the schema of what we emit', async () => {
    const dashboard = JSON.parse(find('overview.json').content)
    dashboard.schemaVersion = 16
    dashboard.panels[0].targets = []
    const problems = await validateMonitoring(
      artifact('grafana-dashboard', JSON.stringify(dashboard), 'x/monitoring/grafana/x.json'),
    )
    expect(problems.some((p) => p.startsWith('schemaVersion:'))).toBe(true)
    expect(problems.some((p) => p.startsWith('panels.0.targets:'))).toBe(true)
  })

  it(
    'fails promtool test rules when a test expects what the rules do not do',
    async () => {
      const tests = parse(find('alerts.test.yaml').content)
      tests.tests[0].alert_rule_test[0].exp_alerts[0].exp_labels.severity = 'low'
      const edited = { ...find('alerts.test.yaml'), content: stringify(tests) }
      const set = [find('alerts.rules.yaml'), edited]
      const problems = await validateRuleTests(set)
      expect(problems.map((p) => p.path)).toEqual(['barber/monitoring/prometheus/alerts.test.yaml'])
      expect(problems[0]?.message).toContain('promtool test rules failed')
    },
    timeoutFor({ ruleTests: 1 }),
  )
})

describe('validateMonitoring without the tools', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('falls back to structural checks and says so once', async () => {
    vi.stubEnv('VERTICALS_PROMTOOL', '')
    vi.stubEnv('VERTICALS_AMTOOL', '')
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    const rules = parse(find('alerts.rules.yaml').content)
    rules.groups[0].rules[0].expr = 'sum(rate(broken[5m]'
    // The PromQL error needs promtool; structure alone accepts it, and the warning says what was skipped.
    expect(await validateMonitoring(artifact('prometheus-rules', stringify(rules)))).toEqual([])
    delete rules.groups[0].rules[0].labels.severity
    expect(await validateMonitoring(artifact('prometheus-rules', stringify(rules)))).toEqual([
      'verticals-barber-alerts rule 1 (VerticalsServiceDown): label severity missing',
    ])
    expect(await validateRuleTests(bundle)).toEqual([])
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('promtool is not installed'),
    ])
  })
})
