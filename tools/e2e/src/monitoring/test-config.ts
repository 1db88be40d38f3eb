// The example's platform.yaml with every duration the monitoring loop waits on shortened, so the run
// takes minutes: scrapes every two seconds, `for:` clauses of seconds, an SLO period of one day (which
// scales the page windows to 2 min / 10 s and 12 min / 1 min) and Alertmanager batching of seconds. Everything else is the example's own config; the bundle is generated from this file.
import { parseDocument } from 'yaml'

/** The SLO period of the test config (`slo.period` below): one day instead of 30. */
const SLO_PERIOD_MS = 24 * 3600 * 1000

/**
 * The longest short window of the burn-rate page pairs (30 minutes of a 30-day period, scaled to the
 * test's period: 1 min). A page resolves only once that window has no errors left, so a wait for
 * its resolution must last at least this long.
 */
export const LONGEST_PAGE_SHORT_WINDOW_MS = (SLO_PERIOD_MS * 30) / (30 * 24 * 60)

/** The settings the loop shortens, as paths into platform.yaml and their test values. */
export const SHORTENED: readonly (readonly [readonly string[], unknown])[] = [
  [['monitoring', 'scrapeInterval'], '2s'],
  [['slo', 'period'], '1d'], // SLO_PERIOD_MS
  [['monitoring', 'retention'], '1d'],
  [['monitoring', 'grouping'], { wait: '1s', interval: '2s' }],
  [['monitoring', 'deadMansSwitch'], { repeatInterval: '10s' }],
  [['alerts', 'serviceDown', 'for'], '5s'],
  [['alerts', 'postgresDown', 'for'], '5s'],
  [['alerts', 'redisDown', 'for'], '5s'],
  [['alerts', 'errorRate', 'for'], '5s'],
]

/** platform.yaml text with the SHORTENED settings applied. */
export function shortenedConfig(text: string): string {
  const doc = parseDocument(text)
  for (const [path, value] of SHORTENED) doc.setIn(path, value)
  return doc.toString()
}
