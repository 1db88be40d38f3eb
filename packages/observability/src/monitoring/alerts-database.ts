import { METRICS } from '../contract'
import { alertRule, family, type MonitoringContext } from './context'
import { jobName, num, promDuration } from './promql'
import { gauge, sampleCount, seriesName } from './series'
import type { AlertFamily } from './types'

/** The RDS instance identifier the infrastructure bundle gives the vertical's database. */
export function databaseIdentifier(ctx: MonitoringContext): string {
  return jobName(ctx.platform, ctx.vertical, 'postgres')
}

/** VerticalsDatabaseCpuHigh: RDS CPU as the CloudWatch exporter reports it (percent). */
export function databaseCpu(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.databaseCpu
  const id = databaseIdentifier(ctx)
  const rule = alertRule(ctx, {
    alert: 'VerticalsDatabaseCpuHigh',
    expr: `max by (dbinstance_identifier) (aws_rds_cpuutilization_average{dbinstance_identifier=${JSON.stringify(id)}}) > ${num(cfg.threshold)}`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `${ctx.title} database CPU above ${num(cfg.threshold)}%`,
    description: `RDS instance ${id} has used more than ${num(cfg.threshold)}% CPU for ${promDuration(cfg.for)}.`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const at = (percent: number) => [
    gauge(seriesName('aws_rds_cpuutilization_average', { dbinstance_identifier: id }), percent, n),
  ]
  return family(
    ctx,
    'VerticalsDatabaseCpuHigh',
    [rule],
    [
      {
        name: 'halfway to 100%',
        series: at((100 + cfg.threshold) / 2),
        evalSeconds,
        firing: [{ rule, labels: { dbinstance_identifier: id } }],
      },
      { name: 'half the threshold', series: at(cfg.threshold / 2), evalSeconds, firing: [] },
    ],
  )
}

/** VerticalsDbPoolSaturation: a process holds at least `pool.alarmAt` of its `pool.max` connections. */
export function poolSaturation(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.poolSaturation
  const { alarmAt, max } = ctx.platform.dataStores.postgres.pool
  const name = METRICS.dbPoolConnections.name
  const rule = alertRule(ctx, {
    alert: 'VerticalsDbPoolSaturation',
    expr: `max by (instance) (${name}${ctx.own({ state: 'in_use' })}) >= ${alarmAt}`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `${ctx.title} PostgreSQL pool near exhaustion`,
    description: `Instance {{ $labels.instance }} has held at least ${alarmAt} of its ${max} pool connections for ${promDuration(cfg.for)}.`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const instance = '10.0.0.7:8080'
  const at = (inUse: number) => [
    gauge(seriesName(name, { vertical: ctx.vertical.name, state: 'in_use', instance }), inUse, n),
  ]
  return family(
    ctx,
    'VerticalsDbPoolSaturation',
    [rule],
    [
      {
        name: 'at the alarm level',
        series: at(alarmAt),
        evalSeconds,
        firing: [{ rule, labels: { instance } }],
      },
      { name: 'one below the alarm level', series: at(alarmAt - 1), evalSeconds, firing: [] },
    ],
  )
}
