import { err, type Rule, type RuleFinding } from './shared'

/** Time windows start before they end (none crosses midnight). */
export const windows: Rule = (config) => {
  const findings: RuleFinding[] = []
  const check = (path: (string | number)[], start: string, end: string) => {
    if (start >= end)
      findings.push(
        err(
          'SCHEDULE',
          path,
          `the window ${start}-${end} ends before it starts (windows may not cross midnight)`,
        ),
      )
  }
  const s = config.compute.schedule
  check(['compute', 'schedule', 'businessHours'], s.businessHours.start, s.businessHours.end)
  for (const [i, p] of s.peaks.entries()) check(['compute', 'schedule', 'peaks', i], p.start, p.end)
  for (const [name, w] of Object.entries(config.maintenance.windows))
    check(['maintenance', 'windows', name], w.start, w.end)
  return findings
}
