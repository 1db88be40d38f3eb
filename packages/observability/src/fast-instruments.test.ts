import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { FastCounter, FastHistogram } from './fast-instruments'

describe('FastCounter and FastHistogram', () => {
  it('expose what prom-client would: cumulative buckets, sum, count, default labels', async () => {
    const registry = new Registry()
    registry.setDefaultLabels({ vertical: 'barber' })
    const counter = new FastCounter('jobs_total', 'Jobs.', ['queue'], registry)
    const histogram = new FastHistogram('job_seconds', 'Job time.', ['queue'], [0.1, 1], registry)
    counter.inc({ queue: 'a' })
    counter.inc({ queue: 'a' }, 2)
    for (const v of [0.05, 0.1, 0.5, 3]) histogram.observe({ queue: 'a' }, v)
    const text = await registry.metrics()
    expect(text).toContain('jobs_total{queue="a",vertical="barber"} 3')
    expect(text).toContain('job_seconds_bucket{le="0.1",queue="a",vertical="barber"} 2')
    expect(text).toContain('job_seconds_bucket{le="1",queue="a",vertical="barber"} 3')
    expect(text).toContain('job_seconds_bucket{le="+Inf",queue="a",vertical="barber"} 4')
    expect(text).toContain('job_seconds_sum{queue="a",vertical="barber"} 3.65')
    expect(text).toContain('job_seconds_count{queue="a",vertical="barber"} 4')
    registry.resetMetrics()
    expect(await registry.metrics()).not.toContain('queue="a"')
  })

  it('refuses a missing label and a non-finite observation', () => {
    const registry = new Registry()
    const histogram = new FastHistogram('x_seconds', 'X.', ['a', 'b'], [1], registry)
    expect(() => histogram.observe({ a: '1' } as never, 1)).toThrow(/label "b" is missing/)
    expect(() => histogram.observe({ a: '1', b: '2' }, Number.NaN)).toThrow(/not a finite number/)
  })
})
