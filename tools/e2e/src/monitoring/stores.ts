// A PostgreSQL server and a redis-server owned by one test, on free ports, that the test may stop
// and start again (the faults of the monitoring loop). PostgreSQL runs from Debian's binaries
// (initdb, postgres) in a temp directory; both are stopped by PID.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { timeoutFor } from '../../../../testing/costs'
import { freePort } from '../kubelet/backing.ts'
import { delay, describeRun, type ProcessTracker } from '../processes.ts'

/** Debian's PostgreSQL 15 binaries (initdb and postgres are not on PATH). */
export const PG_BIN = '/usr/lib/postgresql/15/bin'

/** A store the test can stop and start again on the same port and data. */
export interface OwnedStore {
  readonly url: string
  readonly port: number
  start(): Promise<void>
  stop(): Promise<void>
}

const env = () => ({ PATH: process.env.PATH ?? '' })

async function waitFor(label: string, child: ChildProcess, log: () => string, ready: RegExp): Promise<void> {
  const deadline = Date.now() + 30_000
  while (!ready.test(log())) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${label} did not start:\n${log()}`)
    await delay(50)
  }
}

function capture(child: ChildProcess): () => string {
  let log = ''
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString()
  })
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString()
  })
  return () => log
}

// initdb and postgres refuse to run as root: as root (CI containers), the cluster belongs to Debian's
// `postgres` user and its binaries run through runuser; the directory is made traversable for it.
function pgUser(dir: string): { wrap: (bin: string, args: string[]) => [string, string[]]; home: string } {
  const home = join(dir, 'pg-home')
  mkdirSync(home, { recursive: true })
  if (process.getuid?.() !== 0) return { wrap: (bin, args) => [join(PG_BIN, bin), args], home }
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'))
  const [, , uid, gid] = line?.split(':') ?? []
  if (uid === undefined || gid === undefined)
    throw new Error('running as root, and there is no postgres user to run PostgreSQL as')
  chmodSync(dir, 0o711)
  chownSync(home, Number(uid), Number(gid))
  return { wrap: (bin, args) => ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]], home }
}

/** A PostgreSQL cluster of its own (initdb in `dir`), user `postgres` with a password. */
export async function ownPostgres(tracker: ProcessTracker, dir: string): Promise<OwnedStore> {
  const { wrap, home } = pgUser(dir)
  const data = join(home, 'data')
  const password = randomBytes(12).toString('hex')
  const pwfile = join(home, 'pg.pw')
  writeFileSync(pwfile, password)
  if (process.getuid?.() === 0) chownSync(pwfile, statSync(home).uid, statSync(home).gid)
  const [initdb, initArgs] = wrap('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '-A',
    'scram-sha-256',
    '--no-sync',
  ])
  const init = await tracker.run(initdb, initArgs, { cwd: home, env: env(), timeoutMs: 60_000 })
  if (init.code !== 0) throw new Error(describeRun('initdb', init))
  const port = await freePort()
  let child: ChildProcess | undefined
  const store: OwnedStore = {
    // No TLS on this local server: lib/pq (the exporter) would otherwise insist on it.
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async start() {
      const [postgres, args] = wrap('postgres', [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        home,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
      ])
      child = tracker.start(postgres, args, { cwd: home, env: env() })
      await waitFor('postgres', child, capture(child), /ready to accept connections/)
    },
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, not waited for.
      if (child?.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGINT')
        } catch {
          // already gone
        }
      }
      if (child) await tracker.stop(child)
    },
  }
  await store.start()
  return store
}

/** A redis-server the test owns, which can also hold ACL users (as ElastiCache RBAC users would). */
export interface OwnedRedis extends OwnedStore {
  /** Creates an ACL user now (`ACL SETUSER <rules>`) and again at every later start (nothing persists). */
  addUser(rules: readonly string[]): Promise<void>
}

/** A redis-server of its own with a password, no persistence. */
export async function ownRedis(tracker: ProcessTracker, dir: string): Promise<OwnedRedis> {
  const password = randomBytes(12).toString('hex')
  const port = await freePort()
  let child: ChildProcess | undefined
  const users: string[][] = []
  const store: OwnedRedis = {
    url: `redis://:${password}@127.0.0.1:${port}`,
    port,
    async start() {
      child = tracker.start(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--requirepass',
          password,
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
          ...users.flatMap((rules) => ['--user', ...rules]),
        ],
        { cwd: dir, env: env() },
      )
      await waitFor('redis-server', child, capture(child), /Ready to accept connections/)
    },
    async stop() {
      if (child) await tracker.stop(child)
    },
    async addUser(rules) {
      users.push([...rules])
      const args = ['-p', String(port), '-a', password, '--no-auth-warning', 'ACL', 'SETUSER', ...rules]
      // A client's one short command, as one psql statement is.
      const r = await tracker.run('redis-cli', args, {
        cwd: dir,
        env: env(),
        timeoutMs: timeoutFor({ psql: 1 }),
      })
      if (r.code !== 0 || !r.stdout.includes('OK')) throw new Error(describeRun('redis-cli ACL SETUSER', r))
    },
  }
  await store.start()
  return store
}
