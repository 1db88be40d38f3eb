import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'

// A real Redis Cluster for the integration tests: six Debian redis-server processes (three primaries,
// three replicas) on free local ports, joined by `redis-cli --cluster create`. Every process is
// stopped by its PID and every directory removed by stop(), whatever state the test left them in.

const run = promisify(execFile)
/** Milliseconds before a silent node counts as failed and its replica takes over; low, so tests stay short. */
export const NODE_TIMEOUT_MS = 1000
/** Milliseconds between readiness polls. */
const POLL_MS = 50

/** One node of the test cluster. */
export interface ClusterNode {
  port: number
  process: ChildProcess
  dir: string
}

/** A running six-node cluster. */
export interface TestCluster {
  nodes: ClusterNode[]
  /** redis://127.0.0.1:<port> of the first node: the seed a cluster client starts from. */
  url: string
  /** Kills the primary that owns `key`'s slot (SIGKILL, by PID) and returns its port. */
  killPrimaryOf(key: string): Promise<number>
  /**
   * Stops a node's process (SIGSTOP, by PID) until `resume`: a stopped replica receives nothing from
   * its primary, so what the primary acknowledges meanwhile exists nowhere else.
   */
  pause(port: number): void
  /** Lets a node paused by `pause` run again (SIGCONT). */
  resume(port: number): void
  /**
   * Starts every killed node again on its port and directory: each rejoins as a replica of the node
   * that took its slots over. Resolves once every node runs, the cluster is ok, every replica is in sync
   * and every node sees every other connected (so every node answers CLUSTER SLOTS alike).
   */
  revive(timeoutMs: number): Promise<void>
  /** Resolves once every slot is served by a live primary and the cluster says ok. */
  waitHealthy(timeoutMs: number): Promise<void>
  stop(): Promise<void>
}

// Node ports come from 11000-20999 and their bus ports (+10000) from 21000-30999: both below Linux's
// ephemeral range (32768-60999), so a port a killed node frees is never handed to another test's
// server that asked for port 0 while the cluster's clients still route to it.
const PORT_BASE = 11_000
const PORT_SPAN = 10_000

/** A port that is free, whose cluster bus port (port + 10000) is free too, outside the ephemeral range. */
async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = PORT_BASE + Math.floor(Math.random() * PORT_SPAN)
    if (taken.has(port)) continue
    if ((await listenOnce(port).catch(() => 0)) === 0) continue
    if ((await listenOnce(port + 10_000).catch(() => 0)) === 0) continue
    taken.add(port)
    return port
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number }
      server.close(() => resolve(bound))
    })
  })
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > deadline) throw new Error(`redis cluster: ${what} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

async function command(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), ...args])
  return stdout
}

function startNode(port: number, dir = mkdtempSync(join(tmpdir(), 'verticals-cluster-'))): ClusterNode {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, 'nodes.conf'),
      '--cluster-node-timeout',
      String(NODE_TIMEOUT_MS),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      // Replicas sync at once instead of after the default 5 s batching delay.
      '--repl-diskless-sync-delay',
      '0',
      '--daemonize',
      'no',
      '--logfile',
      join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  )
  return { port, process: child, dir }
}

function running(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null
}

function exited(child: ChildProcess): Promise<void> {
  if (!running(child)) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Starts six nodes and creates a cluster of three primaries with one replica each. */
export async function startCluster(timeoutMs: number): Promise<TestCluster> {
  const taken = new Set<number>()
  const nodes: ClusterNode[] = []
  const signal = (port: number, name: NodeJS.Signals) => {
    const node = nodes.find((n) => n.port === port)
    if (node === undefined || !running(node.process)) throw new Error(`no running node on port ${port}`)
    process.kill(node.process.pid as number, name)
  }
  const stop = async () => {
    for (const node of nodes) if (running(node.process)) process.kill(node.process.pid as number, 'SIGKILL')
    await Promise.all(nodes.map((n) => exited(n.process)))
    for (const node of nodes) rmSync(node.dir, { recursive: true, force: true })
  }
  const healthy = async () => {
    const live = nodes.filter((n) => running(n.process))
    const ports = new Set(live.map((n) => String(n.port)))
    for (const node of live) {
      const info = await command(node.port, 'cluster', 'info')
      if (!info.includes('cluster_state:ok') || !info.includes('cluster_slots_ok:16384')) return false
      // `CLUSTER NODES`: id ip:port@bus flags master ping pong epoch link-state slot...; every node
      // that serves slots must be alive in this node's view too (a killed primary is not, until
      // its replica has taken its slots over).
      for (const line of (await command(node.port, 'cluster', 'nodes')).trim().split('\n')) {
        const [, address = '', flags = '', , , , , , ...slots] = line.split(' ')
        const port = address.split('@')[0]?.split(':')[1] ?? ''
        if (slots.length > 0 && (!ports.has(port) || flags.includes('fail'))) return false
      }
    }
    return true
  }
  // Every node knows every other as connected and well: right after a revive, gossip has not yet
  // told each node about the rejoined replica, and CLUSTER SLOTS answers differ from node to node.
  const converged = async () => {
    for (const node of nodes) {
      const lines = (await command(node.port, 'cluster', 'nodes')).trim().split('\n')
      if (lines.length !== nodes.length) return false
      for (const line of lines) {
        const [, , flags = '', , , , , link = ''] = line.split(' ')
        if (link !== 'connected' || /fail|handshake|noaddr/.test(flags)) return false
      }
    }
    return true
  }
  const synced = async () => {
    for (const node of nodes) {
      const info = await command(node.port, 'info', 'replication')
      if (!info.includes('role:master') && !info.includes('master_link_status:up')) return false
    }
    return true
  }
  try {
    for (let i = 0; i < 6; i++) nodes.push(startNode(await freePort(taken)))
    await until('six nodes answering PING', timeoutMs, async () => {
      for (const node of nodes) if (!(await command(node.port, 'ping')).includes('PONG')) return false
      return true
    })
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes.map((n) => `127.0.0.1:${n.port}`),
      '--cluster-replicas',
      '1',
      '--cluster-yes',
    ])
    await until('every node reporting cluster_state:ok', timeoutMs, healthy)
    // A replica that has not synced yet cannot take over: wait until every one has.
    await until('every replica in sync with its primary', timeoutMs, synced)
    await until('every node seeing every other connected', timeoutMs, converged)
  } catch (error) {
    await stop()
    throw error
  }
  const first = nodes[0] as ClusterNode
  return {
    nodes,
    url: `redis://127.0.0.1:${first.port}`,
    async killPrimaryOf(key) {
      // Asked of a live node: an earlier kill may have taken the first one.
      const asked = nodes.find((n) => running(n.process)) ?? first
      const slot = Number((await command(asked.port, 'cluster', 'keyslot', key)).trim())
      const probe = new Redis({ port: asked.port, host: '127.0.0.1', lazyConnect: true })
      try {
        await probe.connect()
        const shards = (await probe.call('CLUSTER', 'SLOTS')) as [number, number, [string, number]][]
        const owner = shards.find(([from, to]) => slot >= from && slot <= to)
        const port = owner?.[2][1]
        const node = nodes.find((n) => n.port === port)
        if (node?.process.pid === undefined) throw new Error(`no node owns slot ${slot}`)
        process.kill(node.process.pid, 'SIGKILL')
        await exited(node.process)
        return node.port
      } finally {
        probe.disconnect()
      }
    },
    async revive(ms) {
      for (const [i, node] of nodes.entries())
        if (!running(node.process)) nodes[i] = startNode(node.port, node.dir)
      await until('killed nodes rejoining', ms, healthy)
      await until('every revived replica in sync', ms, async () => {
        const replicas = await Promise.all(nodes.map((n) => command(n.port, 'role')))
        return replicas.filter((r) => r.startsWith('slave')).length === 3 && (await synced())
      })
      await until('every node seeing every other connected', ms, converged)
    },
    pause: (port) => signal(port, 'SIGSTOP'),
    resume: (port) => signal(port, 'SIGCONT'),
    waitHealthy: (ms) => until('failover to a replica', ms, healthy),
    stop,
  }
}
