import { createMetrics } from '@verticals/observability'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { observabilityMetrics } from '../src/index'
import { createEnv, type Env, VERIFIED } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

describe('observability adapter', () => {
  it('feeds the metric contract series from real cache, consent, audit, DSR and retention calls', async () => {
    const vm = createMetrics(env.config, { vertical: 'psychology' })
    const platform = await env.platform('psychology', { metrics: observabilityMetrics(vm) })
    await platform.cache.wrap('api-responses', 'k', async () => 1, { subjectId: null })
    await platform.cache.wrap('api-responses', 'k', async () => 1, { subjectId: null })
    await platform.cache.wrap('session-notes', 'n', async () => 'secret', { subjectId: 'n' })
    await platform.consent.check('s', 'health-care')
    await platform.audit.append({ type: 'deploy', actor: 'ci' })
    await platform.dsr.open({ subjectId: 's', kind: 'access', verification: VERIFIED })
    await platform.dsr.overdue()
    await platform.retention.run({ recordClasses: ['system'] })
    const text = await vm.registry.metrics()
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1])
    expect(
      value(
        'verticals_cache_operations_total{data_class="api-responses",result="miss",vertical="psychology"}',
      ),
    ).toBe(1)
    expect(
      value(
        'verticals_cache_operations_total{data_class="api-responses",result="hit",vertical="psychology"}',
      ),
    ).toBe(1)
    expect(
      value(
        'verticals_cache_operations_total{data_class="session-notes",result="bypass",vertical="psychology"}',
      ),
    ).toBe(1)
    expect(
      value('verticals_consent_checks_total{purpose="health-care",result="denied",vertical="psychology"}'),
    ).toBe(1)
    expect(value('verticals_audit_appends_total{result="ok",vertical="psychology"}')).toBeGreaterThanOrEqual(
      2,
    )
    expect(value('verticals_dsr_requests_open{kind="access",vertical="psychology"}')).toBe(1)
    expect(
      value('verticals_retention_runs_total{record_class="system",result="ok",vertical="psychology"}'),
    ).toBe(1)
  })
})
