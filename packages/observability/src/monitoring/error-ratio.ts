import { leMatcher } from '../buckets'
import { METRICS } from '../contract'
import { CLIENT_CLOSED_CLASS } from '../labels'

const REQUESTS = METRICS.httpRequests.name
const DURATION = METRICS.httpRequestDuration.name

/** The `status_class` values that count as errors whatever their duration: server errors. */
export const ERROR_CLASSES = '5xx'

/** Builds the matchers of the series an error ratio reads: fixed labels, then regex ones. */
export type SeriesSelector = (
  extra?: Readonly<Record<string, string>>,
  regex?: Readonly<Record<string, string>>,
) => string

/**
 * Errors over total, as Sloth and Pyrra write it: a total outage (only 5xx answered, the 2xx series
 * gone) still yields a ratio of 1. Errors are the 5xx answers plus the requests whose client closed
 * the connection (499) after waiting longer than `latency`: a server timeout as the client saw it, read
 * from the duration histogram; a client leaving sooner is its own choice. `or 0 * total` keeps a
 * healthy service at 0 when no error series exists yet, and `> 0` on the divisor leaves idle windows
 * out instead of yielding NaN. The availability SLI, VerticalsErrorRateHigh and the dashboard's error
 * panel all read errors through this one expression, so they agree on what an error is.
 */
export function errorRatioExpr(select: SeriesSelector, by: string, latency: number, window: string): string {
  const sum = (series: string) => `sum by (${by}) (rate(${series}[${window}]))`
  const total = sum(`${REQUESTS}${select()}`)
  const errors = sum(`${REQUESTS}${select({}, { status_class: ERROR_CLASSES })}`)
  const closed = select({ status_class: CLIENT_CLOSED_CLASS })
  const closedInTime = select({ status_class: CLIENT_CLOSED_CLASS }, { le: leMatcher(latency) })
  const timedOut = `${sum(`${DURATION}_count${closed}`)} - ${sum(`${DURATION}_bucket${closedInTime}`)}`
  return `((${errors} or 0 * ${total}) + (${timedOut} or 0 * ${total})) / (${total} > 0)`
}
