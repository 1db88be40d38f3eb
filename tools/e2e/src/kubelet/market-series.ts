// Per-market attribution, end to end: requests carrying the viewer headers CloudFront forwards (the
// origin request policy of edge.tf names them) reach the started service; its /metrics must show
// them under the markets platform.yaml recognizes, and the bundle's own per-market SLO recording
// rules must select those series. The scraped counters become a promtool unit test's input series
// (a steady rate at the scraped value per minute), run against the generated slo.rules.yaml.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { METRICS, VIEWER_HEADERS } from '@verticals/observability'
import { stringify } from 'yaml'
import { timeoutFor } from '../../../../testing/costs'
import type { ProcessTracker } from '../processes.ts'

/** One market and the viewer subdivision whose requests belong to it. */
export interface ViewerMarket {
  readonly market: string
  readonly country: string
  readonly region: string
}

/** A sample of the requests counter, parsed from the exposition text. */
interface Sample {
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

const REQUESTS = METRICS.httpRequests.name

function samplesOf(text: string, metric: string): Sample[] {
  const out: Sample[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue
    const close = line.lastIndexOf('}')
    const labels = Object.fromEntries(
      [...line.slice(metric.length + 1, close).matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(
        (m) => [m[1] as string, m[2] as string],
      ),
    )
    out.push({ labels, value: Number(line.slice(close + 1).trim()) })
  }
  return out
}

/** Sends `count` GETs of `path` as viewers of each market, then scrapes the requests counter. */
export async function requestsAsViewers(
  url: string,
  path: string,
  viewers: readonly ViewerMarket[],
  count: number,
): Promise<Sample[]> {
  for (const viewer of viewers) {
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${url}${path}`, {
        headers: { [VIEWER_HEADERS.country]: viewer.country, [VIEWER_HEADERS.region]: viewer.region },
      })
      await res.arrayBuffer()
      if (res.status >= 500)
        throw new Error(`GET ${path} as a viewer of ${viewer.market}: HTTP ${res.status}`)
    }
  }
  const scraped = await fetch(`${url}/metrics`).then((r) => r.text())
  return samplesOf(scraped, REQUESTS)
}

const seriesName = (s: Sample): string =>
  `${REQUESTS}{${Object.entries(s.labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`

/**
 * Runs the generated SLO rules over the scraped samples with `promtool test rules`: each market's
 * 5-minute error ratio must exist (every request of the scenario succeeded, so it is 0).
 */
export async function runSloRulesOver(
  tracker: ProcessTracker,
  options: {
    samples: readonly Sample[]
    rulesFile: string
    vertical: string
    markets: readonly string[]
    dir: string
  },
): Promise<{ code: number | null; output: string }> {
  const test = {
    rule_files: [options.rulesFile],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        // A counter that grows by its scraped value every minute: a steady rate, as if scraped live.
        input_series: options.samples.map((s) => ({ series: seriesName(s), values: `0+${s.value}x20` })),
        promql_expr_test: options.markets.map((market) => ({
          expr: `vertical_market:verticals_http_errors:ratio_rate5m{market="${market}"}`,
          eval_time: '10m',
          exp_samples: [
            {
              labels: `vertical_market:verticals_http_errors:ratio_rate5m{market="${market}",vertical="${options.vertical}"}`,
              value: 0,
            },
          ],
        })),
      },
    ],
  }
  const file = join(options.dir, 'market-slo.test.yaml')
  writeFileSync(file, stringify(test))
  const run = await tracker.run('promtool', ['test', 'rules', file], {
    cwd: options.dir,
    env: { PATH: process.env.PATH ?? '' },
    timeoutMs: timeoutFor({ ruleTests: 1 }),
  })
  return { code: run.code, output: `${run.stdout}${run.stderr}` }
}
