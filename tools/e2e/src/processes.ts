import { type ChildProcess, spawn } from 'node:child_process'

/** How a finished command ended, with everything it printed. */
export interface RunResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** Options shared by `run` and `start`. */
export interface SpawnOptions {
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  /** Milliseconds before `run` stops the command's whole process group. */
  readonly timeoutMs?: number
}

/**
 * Starts every child in its own process group and remembers its PID, so `stopAll` can end it
 * and whatever it spawned (npx -> npm -> node -> vitest ...) by PID, also after a failure.
 */
export class ProcessTracker {
  readonly #live = new Map<number, ChildProcess>()

  /** Starts a long-running process (a server); it runs until `stop` or `stopAll`. */
  start(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const pid = child.pid
    if (pid === undefined) throw new Error(`could not start ${command}`)
    this.#live.set(pid, child)
    watchOnExit(pid)
    // Forget the group only once all of it is gone: a grandchild left behind is still ours to end.
    child.once('exit', () => {
      if (!groupAlive(pid)) this.#forget(pid)
    })
    return child
  }

  /** Runs a command to completion and collects its output; never rejects on a non-zero exit. */
  run(command: string, args: readonly string[], options: SpawnOptions): Promise<RunResult> {
    const child = this.start(command, args, options)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => void this.stop(child), options.timeoutMs ?? 5 * 60_000)
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code, signal) => {
        clearTimeout(timer)
        resolve({ code, signal, stdout, stderr })
      })
    })
  }

  /** Ends one process group: SIGTERM, then SIGKILL if it is still there after a grace period. */
  async stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
    const pid = child.pid
    if (pid === undefined) return
    signalGroup(pid, 'SIGTERM')
    const deadline = Date.now() + graceMs
    while (groupAlive(pid) && Date.now() < deadline) await delay(100)
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL')
    this.#forget(pid)
  }

  #forget(pid: number): void {
    this.#live.delete(pid)
    unwatched(pid)
  }

  /** Ends every process group this tracker started that may still be running. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#live.values()].map((child) => this.stop(child)))
  }
}

// Groups still running when this process ends (Ctrl-C, a killed worker) are killed on the way
// out, because detached groups would otherwise outlive us.
const watched = new Set<number>()
let handlersInstalled = false

/** Makes sure the group led by `pid` is killed if this process exits or is interrupted first. */
function watchOnExit(pid: number): void {
  watched.add(pid)
  if (handlersInstalled) return
  handlersInstalled = true
  const killWatched = () => {
    for (const group of watched) signalGroup(group, 'SIGKILL')
  }
  process.once('exit', killWatched)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killWatched()
      // Re-raise with the handler gone, so the default action (terminate) still happens.
      process.kill(process.pid, signal)
    })
  }
}

/** Stops watching a group that has ended. */
function unwatched(pid: number): void {
  watched.delete(pid)
}

/** Sends `signal` to the process group led by `pid`; a group that already ended is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group has exited already.
  }
}

/** Whether any process of the group led by `pid` still exists. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** A command line and its output, for assertion messages. */
export function describeRun(label: string, result: RunResult): string {
  const tail = (text: string) => text.split('\n').slice(-40).join('\n')
  return `${label} exited ${result.code ?? result.signal}\n--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}`
}
