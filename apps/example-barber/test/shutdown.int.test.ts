import { type ChildProcess, spawn } from 'node:child_process'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { call, contractEnv, futureDay, type Isolation, isolation } from './harness'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const running: { child: ChildProcess; iso: Isolation }[] = []

/** Starts `src/main.ts` as `npm start` does, in its own schema and prefix; resolves with its port. */
async function startProcess(drainMs: number) {
  const iso = isolation()
  const env = {
    ...process.env,
    ...contractEnv(),
    HOST: '127.0.0.1',
    DB_SCHEMA: iso.schema,
    REDIS_PREFIX: iso.redisPrefix,
    DRAIN_TIMEOUT_MS: String(drainMs),
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: appDir, env })
  running.push({ child, iso })
  let log = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const match = /"port":(\d+)/.exec(log)
      if (match) resolve(Number(match[1]))
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
    })
    void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${log}`)))
  })
  return { child, port, exited, log: () => log }
}

/** Opens POST /bookings and sends only the headers and half the body: an in-flight request. */
function halfSentBooking(port: number, customerId: string) {
  const body = JSON.stringify({
    customerId,
    providerId: 'ana-gomez',
    service: 'beard',
    startsAt: `${futureDay(9)}T10:00:00Z`,
  })
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/bookings',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  })
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = ''
      res.on('data', (c: Buffer) => {
        text += c.toString()
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
  })
  req.write(body.slice(0, 10))
  return { finish: () => req.end(body.slice(10)), response }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

afterEach(async () => {
  for (const { child, iso } of running.splice(0)) {
    if (child.exitCode === null) child.kill('SIGKILL')
    await iso.cleanup()
  }
})

describe('SIGTERM', () => {
  it('stops accepting, finishes the in-flight request, closes the pools and exits 0', async () => {
    const svc = await startProcess(10_000)
    const url = `http://127.0.0.1:${svc.port}`
    await call(url, 'POST', '/consents', { subjectId: 'dana', purpose: 'booking' })
    const inflight = halfSentBooking(svc.port, 'dana')
    await sleep(200)
    svc.child.kill('SIGTERM')
    await sleep(300)
    await expect(fetch(`${url}/health`)).rejects.toThrow()
    inflight.finish()
    const res = await inflight.response
    expect(res.status, res.text).toBe(201)
    expect(await svc.exited).toBe(0)
    expect(svc.log()).toContain('barber service stopped')
  })

  it('cuts a request that outlives the drain timeout, then exits 0', async () => {
    const svc = await startProcess(300)
    const stuck = halfSentBooking(svc.port, 'erin')
    await sleep(200)
    const started = Date.now()
    svc.child.kill('SIGTERM')
    await expect(stuck.response).rejects.toThrow()
    expect(await svc.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(svc.log()).toContain('drain timeout')
  })
})
