/** A Prometheus alerting rule as written in a rule file. */
export interface AlertingRule {
  readonly alert: string
  readonly expr: string
  readonly for?: string
  readonly labels: Readonly<Record<string, string>>
  readonly annotations: {
    readonly summary: string
    readonly description: string
    readonly runbook_url: string
  }
}

/** A Prometheus recording rule. */
export interface RecordingRule {
  readonly record: string
  readonly expr: string
}

/** A rule group of a rule file. */
export interface RuleGroup {
  readonly name: string
  readonly interval?: string
  readonly rules: readonly (AlertingRule | RecordingRule)[]
}

/** The content of a `*.rules.yaml` file. */
export interface RuleFile {
  readonly groups: readonly RuleGroup[]
}

/** One synthetic series of a promtool rule test, in promtool's expanding notation. */
export interface TestSeries {
  readonly series: string
  readonly values: string
}

/**
 * A situation for the alerts of one alertname: the series of every rule of that name, the time to
 * evaluate at, and the alerts (rule plus the labels the expression keeps) expected to be firing.
 */
export interface AlertScenario {
  readonly name: string
  readonly series: readonly TestSeries[]
  /** Evaluation time in seconds from the start of the series. */
  readonly evalSeconds: number
  readonly firing: readonly {
    readonly rule: AlertingRule
    readonly labels: Readonly<Record<string, string>>
  }[]
}

/** The rules sharing one alertname, with scenarios that make each fire and one where none fires. */
export interface AlertFamily {
  readonly alert: string
  /** Section of the incident-response runbook that tells the responder what to do. */
  readonly anchor: string
  readonly rules: readonly AlertingRule[]
  readonly scenarios: readonly AlertScenario[]
  /** Seconds between samples of the synthetic series (and between rule evaluations) in its tests. */
  readonly interval: number
  /** Seconds between rule evaluations in its tests (a multiple of `interval`). */
  readonly evaluation: number
}
