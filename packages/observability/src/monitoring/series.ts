import { promDuration } from './promql'
import type { TestSeries } from './types'

/** Enough samples to reach `evalSeconds` at `interval`, with a margin. */
export function sampleCount(evalSeconds: number, interval: number): number {
  return Math.ceil(evalSeconds / interval) + 2
}

/** A counter rising by `step` per sample. */
export function counter(series: string, step: number, samples: number): TestSeries {
  return { series, values: `0+${step}x${samples}` }
}

/** A gauge holding `value`. */
export function gauge(series: string, value: number, samples: number): TestSeries {
  return { series, values: `${value}x${samples}` }
}

/** `name{a="b",...}` for a test series. */
export function seriesName(name: string, labels: Readonly<Record<string, string>>): string {
  return `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`
}

/** Seconds as promtool's eval_time. */
export function evalTime(seconds: number): string {
  return promDuration(seconds)
}
