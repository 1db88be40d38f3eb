// The data stores a pod of the bundle connects to, started for one test: a PostgreSQL database of its
// own on the local server (dropped afterwards) and a redis-server with a password and TLS only
// (`--port 0`), its certificate signed by a throwaway CA made with openssl. Both are stopped by PID.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { TEST_SERVICES } from '../../../../scripts/test-services.mjs'
import { delay, describeRun, type ProcessTracker } from '../processes.ts'

/** The stores, with the URLs a service uses to reach them and a way to remove them. */
export interface BackingStores {
  readonly databaseUrl: string
  /** `rediss://:<password>@localhost:<port>?sslrootcert=<ca>`: TLS, AUTH, the throwaway CA. */
  readonly redisUrl: string
  dispose(): Promise<void>
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

async function must(tracker: ProcessTracker, label: string, command: string, args: string[], cwd: string) {
  const result = await tracker.run(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    timeoutMs: 60_000,
  })
  if (result.code !== 0) throw new Error(describeRun(label, result))
  return result
}

// A CA and a server certificate for localhost / 127.0.0.1, valid one day.
async function certificates(tracker: ProcessTracker, dir: string): Promise<void> {
  const ssl = (label: string, args: string[]) => must(tracker, label, 'openssl', args, dir)
  await ssl('openssl CA', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=verticals e2e CA',
  ])
  await ssl('openssl CSR', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'redis.key',
    '-out',
    'redis.csr',
    '-subj',
    '/CN=localhost',
  ])
  await ssl('openssl sign', [
    'x509',
    '-req',
    '-in',
    'redis.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'redis.crt',
    '-days',
    '1',
    '-extfile',
    'san.cnf',
  ])
}

/** Starts the stores in `dir` (a fresh temp directory). */
export async function startBackingStores(tracker: ProcessTracker, dir: string): Promise<BackingStores> {
  const tls = join(dir, 'tls')
  mkdirSync(tls, { recursive: true })
  await import('node:fs/promises').then((fs) =>
    fs.writeFile(join(tls, 'san.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n'),
  )
  await certificates(tracker, tls)
  const password = randomBytes(24).toString('hex')
  const port = await freePort()
  const redis = tracker.start(
    'redis-server',
    [
      '--port',
      '0',
      '--tls-port',
      String(port),
      '--tls-cert-file',
      join(tls, 'redis.crt'),
      '--tls-key-file',
      join(tls, 'redis.key'),
      '--tls-ca-cert-file',
      join(tls, 'ca.crt'),
      '--tls-auth-clients',
      'no',
      '--requirepass',
      password,
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      tls,
    ],
    { cwd: dir, env: { PATH: process.env.PATH ?? '' } },
  )
  let redisLog = ''
  redis.stdout?.on('data', (chunk: Buffer) => {
    redisLog += chunk.toString()
  })
  redis.stderr?.on('data', (chunk: Buffer) => {
    redisLog += chunk.toString()
  })
  const deadline = Date.now() + 10_000
  while (!/Ready to accept connections/.test(redisLog)) {
    if (redis.exitCode !== null || Date.now() > deadline) {
      await tracker.stop(redis)
      throw new Error(`redis-server with TLS did not start:\n${redisLog}`)
    }
    await delay(50)
  }
  const database = `verticals_e2e_${randomBytes(5).toString('hex')}`
  const admin = TEST_SERVICES.pg
  await must(
    tracker,
    'CREATE DATABASE',
    'psql',
    [admin, '-v', 'ON_ERROR_STOP=1', '-Atc', `CREATE DATABASE ${database}`],
    dir,
  )
  const url = new URL(admin)
  url.pathname = `/${database}`
  return {
    databaseUrl: url.toString(),
    redisUrl: `rediss://:${password}@localhost:${port}?sslrootcert=${join(tls, 'ca.crt')}`,
    async dispose() {
      await tracker.stop(redis)
      await must(
        tracker,
        'DROP DATABASE',
        'psql',
        [admin, '-v', 'ON_ERROR_STOP=1', '-Atc', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`],
        dir,
      )
    },
  }
}
