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

describe('query timing', () => {
  const series = (text: string, name: string, le?: number) =>
    Number(
      new RegExp(
        `^verticals_db_query_duration_seconds_${name}\\{${le === undefined ? '' : `le="${le}",`}vertical="psychology"\\} (\\S+)$`,
        'm',
      ).exec(text)?.[1] ?? Number.NaN,
    )

  it('observes every query core makes, with its real duration, in verticals_db_query_duration_seconds', async () => {
    const vm = createMetrics(env.config, { vertical: 'psychology' })
    const platform = await env.platform('psychology', { metrics: observabilityMetrics(vm) })
    const { slowQuery } = env.config.dataStores.postgres
    const read = async () => {
      const text = await vm.registry.metrics()
      return {
        count: series(text, 'count'),
        sum: series(text, 'sum'),
        fast: series(text, 'bucket', slowQuery),
      }
    }
    // The migrations ran through the timed pool (a transaction on one client).
    const migrated = await read()
    expect(migrated.count).toBeGreaterThan(0)

    // An uncached consent check is one query on the pool.
    await platform.consent.check('s', 'health-care')
    const checked = await read()
    expect(checked.count).toBe(migrated.count + 1)
    expect(checked.sum).toBeGreaterThan(migrated.sum)

    // The same check while another session holds the table it reads: the query waits for the lock, and
    // the histogram sees that wait as a slow query (not faster than slowQuery).
    const holdMs = Math.max(300, slowQuery * 3000)
    const locker = await env.pool.connect()
    try {
      await locker.query('BEGIN')
      await locker.query(`LOCK TABLE "${env.schema}".subject_restrictions IN ACCESS EXCLUSIVE MODE`)
      const started = performance.now()
      const check = platform.consent.check('s', 'health-care')
      await new Promise((resolve) => setTimeout(resolve, holdMs))
      await locker.query('COMMIT')
      expect((await check).reason).not.toBe('unavailable')
      const waited = (performance.now() - started) / 1000
      const slow = await read()
      expect(slow.count).toBe(checked.count + 1)
      expect(slow.fast).toBe(checked.fast)
      expect(slow.sum - checked.sum).toBeGreaterThanOrEqual(holdMs / 1000 - 0.01)
      expect(slow.sum - checked.sum).toBeLessThanOrEqual(waited)
    } finally {
      locker.release()
    }

    // A verify runs in a transaction on a checked-out client: BEGIN, its reads and COMMIT are timed
    // too, and with a worker the COPY that streams the entries on a second client, until it closes.
    for (let i = 0; i < 3; i += 1) await platform.audit.append({ type: 'deploy', actor: 'ci', data: { i } })
    const appended = await read()
    expect(appended.count).toBeGreaterThan(checked.count + 1)
    expect(await platform.audit.verify({ workers: 1 })).toMatchObject({ ok: true, checked: 3 })
    expect((await read()).count).toBeGreaterThanOrEqual(appended.count + 4)
  })
})
