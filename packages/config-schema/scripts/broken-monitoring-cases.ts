import { type BrokenCase, c } from './broken-case.ts'

/** Monitoring settings that contradict each other (appended after the older cases to keep their numbers). */
export const MONITORING_CASES: BrokenCase[] = [
  c('rule-service-down-slower-than-mttd', 'DETECTION_TOO_SLOW', 'alerts.serviceDown.for', [
    'serviceDown: { for: 1m, severity: critical }',
    'serviceDown: { for: §10m, severity: critical }',
  ]),
]
