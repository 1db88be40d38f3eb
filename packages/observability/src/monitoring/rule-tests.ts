import { promDuration } from './promql'
import type { AlertFamily } from './types'

/** The content of a `promtool test rules` file. */
export interface RuleTestFile {
  readonly rule_files: readonly string[]
  readonly evaluation_interval: string
  readonly tests: readonly unknown[]
}

const LABEL_REF = /\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g

/** An annotation with `{{ $labels.x }}` expanded, as Prometheus renders it for the alert. */
export function renderAnnotation(text: string, labels: Readonly<Record<string, string>>): string {
  return text.replace(LABEL_REF, (_, name: string) => labels[name] ?? '').replaceAll('{{ "{{" }}', '{{')
}

/**
 * A promtool rule-test file for families sharing one sample interval: per scenario a test group
 * whose expected alerts carry the rule's labels plus those its expression keeps, and the rendered
 * annotations. Paths in `rule_files` are relative to the test file.
 */
export function ruleTestFile(
  ruleFiles: readonly string[],
  families: readonly AlertFamily[],
  interval: number,
): RuleTestFile {
  return {
    rule_files: ruleFiles,
    evaluation_interval: promDuration(interval),
    tests: families.flatMap((f) =>
      f.scenarios.map((s) => ({
        name: `${f.alert}: ${s.name}`,
        interval: promDuration(f.interval),
        input_series: s.series,
        alert_rule_test: [
          {
            eval_time: promDuration(s.evalSeconds),
            alertname: f.alert,
            exp_alerts: s.firing.map(({ rule, labels }) => {
              const all = { ...rule.labels, ...labels }
              return {
                exp_labels: all,
                exp_annotations: {
                  summary: renderAnnotation(rule.annotations.summary, all),
                  description: renderAnnotation(rule.annotations.description, all),
                  runbook_url: rule.annotations.runbook_url,
                },
              }
            }),
          },
        ],
      })),
    ),
  }
}
