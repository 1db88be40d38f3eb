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
  readonly #ownGroups: boolean

  /**
   * With `ownGroups: false` a child stays in this process's group and is signalled by its PID alone:
   * whoever stops this process's group (a test ending `npm run registry`, even with SIGKILL, which
   * leaves no time to stop children) stops the child with it.
   */
  constructor(options: { ownGroups?: boolean } = {}) {
    this.#ownGroups = options.ownGroups ?? true
  }

  /** What a signal for the child `pid` goes to: its group, or the process alone. */
  #target(pid: number): number {
    return this.#ownGroups ? -pid : pid
  }

  /** Starts a long-running process (a server); it runs until `stop` or `stopAll`. */
  start(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: this.#ownGroups,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const pid = child.pid
    if (pid === undefined) throw new Error(`could not start ${command}`)
    this.#live.set(pid, child)
    watchOnExit(this.#target(pid))
    // Forget the group only once all of it is gone: a grandchild left behind is still ours to end.
    child.once('exit', () => {
      if (!alive(this.#target(pid))) this.#forget(pid)
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
    const target = this.#target(pid)
    signal(target, 'SIGTERM')
    const deadline = Date.now() + graceMs
    while (alive(target) && Date.now() < deadline) await delay(100)
    if (alive(target)) signal(target, 'SIGKILL')
    this.#forget(pid)
  }

  #forget(pid: number): void {
    this.#live.delete(pid)
    unwatched(this.#target(pid))
  }

  /** Ends every process group this tracker started that may still be running. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#live.values()].map((child) => this.stop(child)))
  }
}

// Children still running when this process ends (Ctrl-C, a killed worker) are killed on the way
// out, because detached groups would otherwise outlive us. A target is a process (its PID) or a
// group (minus the PID of its leader), as process.kill takes them.
const watched = new Set<number>()
let handlersInstalled = false

/** Makes sure `target` is killed if this process exits or is interrupted first. */
function watchOnExit(target: number): void {
  watched.add(target)
  if (handlersInstalled) return
  handlersInstalled = true
  const killWatched = () => {
    for (const each of watched) signal(each, 'SIGKILL')
  }
  process.once('exit', killWatched)
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(name, () => {
      killWatched()
      // Re-raise with the handler gone, so the default action (terminate) still happens.
      process.kill(process.pid, name)
    })
  }
}

/** Stops watching a target that has ended. */
function unwatched(target: number): void {
  watched.delete(target)
}

/** Sends `name` to a process or a group; one that already ended is fine. */
function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name)
  } catch {
    // ESRCH: it has exited already.
  }
}

/** Whether the process, or any process of the group, still exists. */
function alive(target: number): boolean {
  try {
    process.kill(target, 0)
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
