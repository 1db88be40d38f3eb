import { PlatformError, type ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../vertical'
import { promDuration, rateWindowSeconds, selector } from './promql'
import { type AlertName, RUNBOOK_ANCHORS, runbookUrl } from './runbook'
import type { AlertFamily, AlertingRule, AlertScenario } from './types'

/** What every rule builder reads: the platform, the vertical, and values derived once from them. */
export interface MonitoringContext {
  readonly platform: ResolvedPlatform
  readonly vertical: Vertical
  /** The vertical's display name, safe inside an annotation (a Go template). */
  readonly title: string
  /** Matchers of the vertical's own series: `{vertical="barber"}` plus extras. */
  readonly own: (extra?: Readonly<Record<string, string>>, regex?: Readonly<Record<string, string>>) => string
  /** Matchers of Kubernetes series (cAdvisor, kube-state-metrics) of the vertical's namespace. */
  readonly inNamespace: (extra?: Readonly<Record<string, string>>) => string
  /** Short rate() window, as seconds and as a PromQL duration. */
  readonly rateSeconds: number
  readonly rate: string
  /** The sample interval of synthetic test series (the fastest scrape interval of the vertical). */
  readonly testInterval: number
  /** Seconds between rule evaluations in tests: the short rate window (our `for`s are at least that long). */
  readonly evaluation: number
  /** `seconds` rounded up to a whole number of evaluations, so promtool's eval_time lands on one. */
  readonly at: (seconds: number) => number
}

/** Builds the context of one vertical. */
export function monitoringContext(platform: ResolvedPlatform, vertical: Vertical): MonitoringContext {
  const rateSeconds = rateWindowSeconds(platform, vertical)
  return {
    platform,
    vertical,
    title: annotationLiteral(vertical.displayName),
    own: (extra = {}, regex = {}) => selector({ vertical: vertical.name, ...extra }, regex),
    inNamespace: (extra = {}) => selector({ namespace: vertical.namespace, ...extra }),
    rateSeconds,
    rate: promDuration(rateSeconds),
    evaluation: rateSeconds,
    at: (seconds) => Math.ceil(seconds / rateSeconds) * rateSeconds,
    testInterval: Math.min(
      platform.monitoring.scrapeInterval,
      ...Object.values(vertical.workloads).map((w) => w.scrapeInterval),
    ),
  }
}

/** The parts of an alerting rule a builder chooses; the rest (labels, runbook) is the same for all. */
export interface RuleSpec {
  readonly alert: AlertName
  readonly expr: string
  readonly forSeconds?: number
  readonly severity: string
  readonly labels?: Readonly<Record<string, string>>
  readonly summary: string
  readonly description: string
}

/** An alerting rule with severity and vertical labels and the runbook link; checks the severity exists. */
export function alertRule(ctx: MonitoringContext, spec: RuleSpec): AlertingRule {
  if (!ctx.platform.incidents.severities[spec.severity])
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `alert ${spec.alert} uses severity "${spec.severity}", not declared in incidents.severities`,
    )
  return {
    alert: spec.alert,
    expr: spec.expr,
    ...(spec.forSeconds ? { for: promDuration(spec.forSeconds) } : {}),
    labels: { severity: spec.severity, vertical: ctx.vertical.name, ...spec.labels },
    annotations: {
      summary: spec.summary,
      description: spec.description,
      runbook_url: runbookUrl(ctx.vertical.name, spec.alert, ctx.platform.monitoring.runbookBaseUrl),
    },
  }
}

/** Groups the rules of one alertname with their test scenarios. */
export function family(
  ctx: MonitoringContext,
  alert: AlertName,
  rules: readonly AlertingRule[],
  scenarios: readonly AlertScenario[],
  interval = ctx.testInterval,
  evaluation = ctx.evaluation,
): AlertFamily {
  return { alert, anchor: RUNBOOK_ANCHORS[alert], rules, scenarios, interval, evaluation }
}

/**
 * Config text as a literal inside a Prometheus annotation: annotations are Go templates, so a `{{`
 * from platform.yaml is written as the template action that prints `{{`, never run as one.
 */
export function annotationLiteral(text: string): string {
  return text.replaceAll('{{', '{{ "{{" }}')
}
