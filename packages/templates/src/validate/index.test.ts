import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { examplePlatform } from '../infrastructure/testing'
import { buildAllMonitoring } from '../monitoring/testing'
import { validateArtifacts } from './index'

// Each case runs promtool on every monitoring file of one vertical, its rule tests included.
const PROMTOOL_TIMEOUT = timeoutFor({ ruleTests: 1 })

describe('validateArtifacts', () => {
  const barber = buildAllMonitoring(examplePlatform()).filter((a) => a.vertical === 'barber')

  it(
    'accepts the monitoring bundle, rule unit tests included',
    async () => {
      expect(await validateArtifacts(barber)).toEqual([])
    },
    PROMTOOL_TIMEOUT,
  )

  it(
    'runs promtool test rules with the rule files beside the tests, so a broken rule is caught',
    async () => {
      // A rule that no longer matches what its generated unit test expects: valid on its own, wrong as a pair.
      const broken = barber.map((a) =>
        a.kind === 'prometheus-rules' && a.path.endsWith('alerts.rules.yaml')
          ? { ...a, content: a.content.replace(/severity: critical/g, 'severity: medium') }
          : a,
      )
      const problems = await validateArtifacts(broken)
      expect(problems.length).toBeGreaterThan(0)
      expect(problems.every((p) => p.kind === 'prometheus-rule-tests')).toBe(true)
      expect(problems[0]?.message).toMatch(/promtool test rules failed/)
    },
    PROMTOOL_TIMEOUT,
  )
})
