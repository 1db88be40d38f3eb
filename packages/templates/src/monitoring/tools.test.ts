import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { examplePlatform } from '../infrastructure/testing'
import { validateMonitoring, validateRuleTests } from '../validate/monitoring'
import { buildAllMonitoring } from './testing'
import { findTool } from './tools'

// The real tools are part of the test environment (.ci/run installs Debian's prometheus and
// prometheus-alertmanager); without them these tests fail rather than pass on structure alone.
const artifacts = buildAllMonitoring(examplePlatform())
const VERTICALS = ['barber', 'psychology', 'beauty', 'fitness']

describe('the example monitoring bundle under promtool and amtool', () => {
  it('finds promtool and amtool', () => {
    expect(findTool('promtool')).not.toBeNull()
    expect(findTool('amtool')).not.toBeNull()
  })

  it('has rules, rule tests, a scrape config, an Alertmanager config and a dashboard for all four verticals', () => {
    for (const vertical of VERTICALS) {
      const kinds = new Set(artifacts.filter((a) => a.vertical === vertical).map((a) => a.kind))
      expect([...kinds].sort()).toEqual(
        [
          'alertmanager-config',
          'grafana-dashboard',
          'prometheus-rule-tests',
          'prometheus-rules',
          'prometheus-scrape-config',
        ].sort(),
      )
    }
  })

  it.each(artifacts.filter((a) => a.kind !== 'prometheus-rule-tests').map((a) => [a.path, a] as const))(
    '%s passes promtool check / amtool check-config / the dashboard schema',
    async (_path, artifact) => {
      expect(await validateMonitoring(artifact)).toEqual([])
    },
  )

  it.each(VERTICALS)(
    '%s: promtool test rules passes every generated rule test',
    async (vertical) => {
      const mine = artifacts.filter((a) => a.vertical === vertical)
      expect(mine.filter((a) => a.kind === 'prometheus-rule-tests').length).toBeGreaterThanOrEqual(2)
      expect(await validateRuleTests(mine)).toEqual([])
    },
    timeoutFor({ ruleTests: 1 }),
  )
})
