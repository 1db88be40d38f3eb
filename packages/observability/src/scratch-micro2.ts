import { createMetrics } from './metrics'
import { examplePlatform } from './testing/example'

const metrics = createMetrics(examplePlatform(), { vertical: 'barber' })
const labels = { market: 'cordoba', route: '/bookings/:id', method: 'GET', status_class: '2xx' }
function time(name: string, fn: () => void, n = 200000) {
  const r = []
  for (let k = 0; k < 7; k++) {
    const s = process.hrtime.bigint()
    for (let i = 0; i < n; i++) fn()
    r.push(Number(process.hrtime.bigint() - s) / n)
  }
  r.sort((a, b) => a - b)
  console.log(name, r[0]!.toFixed(0), r[3]!.toFixed(0), 'ns (min, median)')
}
time('hist.observe', () => metrics.instruments.httpRequestDuration.observe(labels, 0.01))
time('counter.inc', () => metrics.instruments.httpRequests.inc(labels))
time('record', () =>
  metrics.recordHttpRequest({
    market: 'cordoba',
    route: '/bookings/:id',
    method: 'GET',
    status: 200,
    seconds: 0.01,
  }),
)
