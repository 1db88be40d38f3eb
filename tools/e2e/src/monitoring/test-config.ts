// The example's platform.yaml with every duration the monitoring loop waits on shortened, so the run
// takes minutes: scrapes every two seconds, `for:` clauses of seconds, an SLO period of one day (which
// scales the page windows to 2 min / 10 s and 12 min / 1 min) and Alertmanager batching of seconds. Everything else is the example's own config; the bundle is generated from this file.
import { parseDocument } from 'yaml'

/** The settings the loop shortens, as paths into platform.yaml and their test values. */
export const SHORTENED: readonly (readonly [readonly string[], unknown])[] = [
  [['monitoring', 'scrapeInterval'], '2s'],
  [['slo', 'period'], '1d'],
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
