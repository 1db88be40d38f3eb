import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

describe('traffic shares', () => {
  it('accept the example, whose live markets sum to 100%', () => {
    expect(errorsAfter()).toEqual([])
  })

  it('refuse live shares that do not sum to 100%', () => {
    const [d, ...rest] = diagnosticsOf(edit(argentinaText(), [['markets', 'cordoba', 'trafficShare'], '25%']))
    expect(rest).toEqual([])
    expect(d).toMatchObject({ code: 'SHARES_NOT_100', path: 'markets' })
    expect(d?.message).toBe('traffic shares of live markets sum to 105%, not 100%')
  })

  it('do not count float noise as a mismatch', () => {
    expect(
      errorsAfter(
        [['markets', 'cordoba', 'trafficShare'], '19.9%'],
        [['markets', 'rosario', 'trafficShare'], '15.1%'],
      ),
    ).toEqual([])
  })

  it('give a planned market no traffic', () => {
    expect(errorsAfter([['markets', 'mendoza', 'trafficShare'], '5%'])).toEqual([
      'SHARES_NOT_100 markets.mendoza.trafficShare',
    ])
  })
})

describe('min <= max', () => {
  it('CPU and memory requests stay within limits', () => {
    expect(errorsAfter([['compute', 'resources', 'requests', 'cpu'], '3000m'])).toEqual([
      'MIN_ABOVE_MAX compute.resources.requests.cpu',
    ])
    expect(errorsAfter([['compute', 'resources', 'requests', 'memory'], '8Gi'])).toEqual([
      'MIN_ABOVE_MAX compute.resources.requests.memory',
    ])
  })

  it('a workload override cannot put minReplicas above maxReplicas', () => {
    const errors = errorsAfter([
      ['verticals', 'psychology', 'workloads', 'api', 'autoscaling', 'minReplicas'],
      9,
    ])
    expect(errors).toContain('MIN_ABOVE_MAX verticals.psychology.workloads.api.autoscaling.minReplicas')
  })

  it('an inherited maximum counts: a workload that lowers only maxReplicas is checked against the default minimum', () => {
    const text = edit(argentinaText(), [
      ['verticals', 'beauty'],
      { workloads: { api: { autoscaling: { maxReplicas: 4 } } } },
    ])
    const messages = diagnosticsOf(text).map((d) => `${d.code} ${d.path}: ${d.message}`)
    expect(messages).toContain(
      'MIN_ABOVE_MAX verticals.beauty.workloads.api.autoscaling.minReplicas: minReplicas of beauty/api above maxReplicas: 5 is above 4',
    )
  })

  it('the scheduled minimums sit between minReplicas and maxReplicas, business below peak', () => {
    expect(errorsAfter([['compute', 'autoscaling', 'minReplicas'], 9])).toContain(
      'MIN_ABOVE_MAX compute.schedule.businessMinReplicas',
    )
    expect(errorsAfter([['compute', 'schedule', 'businessMinReplicas'], 13])).toContain(
      'MIN_ABOVE_MAX compute.schedule.peakMinReplicas',
    )
    expect(
      errorsAfter([['verticals', 'psychology', 'workloads', 'api', 'schedule', 'peakMinReplicas'], 9]),
    ).toEqual(['MIN_ABOVE_MAX verticals.psychology.workloads.api.schedule.peakMinReplicas'])
  })

  it('the pool alarm fits the pool, and the pool fits maxConnections', () => {
    expect(errorsAfter([['dataStores', 'postgres', 'pool', 'alarmAt'], 201])).toEqual([
      'MIN_ABOVE_MAX dataStores.postgres.pool.alarmAt',
    ])
    expect(errorsAfter([['dataStores', 'postgres', 'maxConnections'], 150])).toEqual([
      'MIN_ABOVE_MAX dataStores.postgres.pool.max',
    ])
  })

  it('provider utilization, RTO parts and the SLO period are ordered', () => {
    expect(errorsAfter([['monitoring', 'business', 'providerUtilization', 'min'], '90%'])).toEqual([
      'MIN_ABOVE_MAX monitoring.business.providerUtilization.min',
    ])
    expect(errorsAfter([['disasterRecovery', 'rto', 'application'], '3h'])).toEqual([
      'MIN_ABOVE_MAX disasterRecovery.rto.application',
    ])
    expect(errorsAfter([['disasterRecovery', 'rto', 'database'], '3h'])).toEqual([
      'MIN_ABOVE_MAX disasterRecovery.rto.database',
    ])
    expect(errorsAfter([['monitoring', 'retention'], '15d'])).toEqual(['MIN_ABOVE_MAX slo.period'])
  })

  it('a rolling update must be able to make progress', () => {
    expect(errorsAfter([['compute', 'rollingUpdate'], { maxSurge: 0, maxUnavailable: 0 }])).toEqual([
      'INVALID_VALUE compute.rollingUpdate',
    ])
  })
})

describe('pod disk and identity', () => {
  it('default to 256Mi requested, 1Gi limited, a 512Mi /tmp, and user and group 10001', () => {
    const { compute } = resolveText(argentinaText())
    expect(compute.resources.requests.ephemeralStorage).toBe(256 * 2 ** 20)
    expect(compute.resources.limits.ephemeralStorage).toBe(2 ** 30)
    expect(compute.tmpSize).toBe(512 * 2 ** 20)
    expect(compute.runAs).toEqual({ user: 10001, group: 10001 })
    expect(compute.priority).toBe(100_000)
  })

  it('keep the ephemeral-storage request and the /tmp size within the limit', () => {
    expect(errorsAfter([['compute', 'resources', 'requests', 'ephemeralStorage'], '2Gi'])).toEqual([
      'MIN_ABOVE_MAX compute.resources.requests.ephemeralStorage',
    ])
    expect(errorsAfter([['compute', 'tmpSize'], '2Gi'])).toEqual(['MIN_ABOVE_MAX compute.tmpSize'])
  })

  it('refuse root as the user the containers run as', () => {
    expect(errorsAfter([['compute', 'runAs'], { user: 0 }])).toEqual(['INVALID_VALUE compute.runAs.user'])
    expect(resolveText(edit(argentinaText(), [['compute', 'runAs'], { user: 2000 }])).compute.runAs).toEqual({
      user: 2000,
      group: 10001,
    })
  })
})
