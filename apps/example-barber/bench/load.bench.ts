import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon, { type Result } from 'autocannon'
import { expect, it } from 'vitest'
import { recordBenchmark } from '../../../scripts/bench/report.ts'
import { contractEnv, isolation } from '../test/harness'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const SECONDS = 10
const CONNECTIONS = 16
const CUSTOMERS = 200
const ROUNDS = 2

/** Starts bench/server.ts in a child process with its own schema and prefix. */
async function serve(baseline: boolean) {
  const iso = isolation()
  const env = {
    ...process.env,
    ...contractEnv(),
    HOST: '127.0.0.1',
    DB_SCHEMA: iso.schema,
    REDIS_PREFIX: iso.redisPrefix,
  }
  const args = ['--import', 'tsx', 'bench/server.ts', ...(baseline ? ['--baseline'] : [])]
  const child = spawn(process.execPath, args, { cwd: appDir, env, stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /"port":(\d+)/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)))
  })
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      await iso.cleanup()
    },
  }
}

/** Three provider listings to one booking, each booking a fresh slot for a consenting customer. */
let n = 0 // across runs, so the warm-up and the measured run never book the same slot
async function load(url: string, seconds: number): Promise<Result> {
  const json = { 'content-type': 'application/json' }
  const list = { method: 'GET', path: '/providers' }
  const book = {
    method: 'POST',
    path: '/bookings',
    headers: json,
    setupRequest: (request: object) => {
      n += 1
      const startsAt = new Date(Date.UTC(2027, 0, 1) + n * 60_000).toISOString()
      const body = { customerId: `c${n % CUSTOMERS}`, providerId: 'ana-gomez', service: 'haircut', startsAt }
      return { ...request, body: JSON.stringify(body) }
    },
  }
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: [list, list, list, book] })
}

interface Figures {
  rps: number
  p50: number
  p99: number
}

async function consentAll(url: string): Promise<void> {
  for (let i = 0; i < CUSTOMERS; i += 1) {
    await fetch(`${url}/consents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subjectId: `c${i}`, purpose: 'booking' }),
    })
  }
}

function checked(result: Result): Result {
  expect(result.errors, 'connection errors under load').toBe(0)
  expect(result.non2xx, JSON.stringify(result.statusCodeStats)).toBe(0)
  return result
}

const mean = (rs: Result[], pick: (r: Result) => number) => rs.reduce((s, r) => s + pick(r), 0) / rs.length
const figuresOf = (rs: Result[]): Figures => ({
  rps: Math.round(mean(rs, (r) => r.requests.average)),
  p50: Number(mean(rs, (r) => r.latency.p50).toFixed(1)),
  p99: Number(mean(rs, (r) => r.latency.p99).toFixed(1)),
})

// Both variants run side by side and take turns (ROUNDS times), so a busy moment on the machine
// weighs on both alike.
it('the SDK costs at most 15 % throughput under a mixed list/book load', async () => {
  const raw = await serve(true)
  const sdk = await serve(false)
  const runs: { raw: Result[]; sdk: Result[] } = { raw: [], sdk: [] }
  try {
    await consentAll(sdk.url)
    await load(raw.url, 2) // warm-up: JIT, pools, cache
    await load(sdk.url, 2)
    for (let round = 0; round < ROUNDS; round += 1) {
      runs.raw.push(checked(await load(raw.url, SECONDS / ROUNDS)))
      runs.sdk.push(checked(await load(sdk.url, SECONDS / ROUNDS)))
    }
  } finally {
    await Promise.all([raw.stop(), sdk.stop()])
  }
  const base = figuresOf(runs.raw)
  const withSdk = figuresOf(runs.sdk)
  const ratio = withSdk.rps / base.rps
  const text = (f: Figures) => `p50 ${f.p50} ms, p99 ${f.p99} ms`
  recordBenchmark({
    group: 'example-barber',
    name: `load: 3 GET /providers : 1 POST /bookings, ${CONNECTIONS} connections, ${SECONDS} s per variant (throughput)`,
    value: withSdk.rps,
    unit: 'req/s',
    baseline: { name: 'same handlers without SDK middleware, consent, cache', value: base.rps },
    target: '>= 0.85x the baseline',
    met: ratio >= 0.85,
    notes: `with SDK ${text(withSdk)}; baseline ${text(base)}; loopback, server in its own process, ${ROUNDS} alternating rounds`,
  })
  recordBenchmark({
    group: 'example-barber',
    name: 'load: p99 latency with the SDK',
    value: withSdk.p99,
    unit: 'ms',
    baseline: { name: 'baseline p99', value: base.p99 },
    target: 'reported (no target)',
    met: true,
    notes: `p50 ${withSdk.p50} ms with the SDK, ${base.p50} ms without`,
  })
}, 120_000)
