import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cleanEnv } from './npm-env.ts'
import { ProcessTracker } from './processes.ts'

const options = { cwd: process.cwd(), env: cleanEnv() }

/** The first line of a child's stdout that is a PID (tsx or node may print warnings first). */
function firstPid(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`no PID printed within 20 s: ${seen}`)), 20_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const line = seen.split('\n').find((text) => /^\d+$/.test(text.trim()))
      if (line === undefined) return
      clearTimeout(timer)
      resolve(Number(line.trim()))
    })
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing a PID: ${seen}`)))
  })
}

/** Whether a process with this PID exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('ProcessTracker', () => {
  it('runs a command to completion and returns its exit code and output', async () => {
    const result = await new ProcessTracker().run('sh', ['-c', 'echo out; echo err >&2; exit 3'], options)
    expect(result).toEqual({ code: 3, signal: null, stdout: 'out\n', stderr: 'err\n' })
  })

  it('stops a command that outlives its timeout', async () => {
    const started = Date.now()
    const result = await new ProcessTracker().run('sleep', ['30'], { ...options, timeoutMs: 200 })
    expect(result.signal).toBe('SIGTERM')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('stops a server and the children it spawned, by PID', async () => {
    const tracker = new ProcessTracker()
    const server = tracker.start('sh', ['-c', 'sleep 60 & echo $!; wait'], options)
    const grandchild = await firstPid(server)
    expect(alive(grandchild)).toBe(true)
    await tracker.stopAll()
    expect(alive(server.pid!)).toBe(false)
    expect(alive(grandchild)).toBe(false)
  })

  it('still stops a grandchild whose parent already exited', async () => {
    const tracker = new ProcessTracker()
    const result = await tracker.run('sh', ['-c', 'sleep 60 >/dev/null 2>&1 & echo $!'], options)
    const orphan = Number(result.stdout.trim())
    expect(alive(orphan)).toBe(true)
    await tracker.stopAll()
    expect(alive(orphan)).toBe(false)
  })
})

it('kills the groups it started when the test process itself is interrupted', async () => {
  const tracker = new ProcessTracker()
  const script = [
    "import { ProcessTracker } from './processes.ts'",
    'const tracker = new ProcessTracker()',
    "const child = tracker.start('sleep', ['60'], { cwd: process.cwd(), env: process.env })",
    'console.log(String(child.pid))',
    'setInterval(() => {}, 1000)',
  ].join('\n')
  const parent = tracker.start(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    ...options,
    cwd: import.meta.dirname,
  })
  const sleeper = await firstPid(parent)
  expect(alive(sleeper)).toBe(true)
  process.kill(parent.pid!, 'SIGTERM')
  await new Promise((resolve) => parent.once('exit', resolve))
  for (let i = 0; i < 50 && alive(sleeper); i++) await new Promise((resolve) => setTimeout(resolve, 100))
  expect(alive(sleeper)).toBe(false)
  await tracker.stopAll()
})

it('with ownGroups: false, a child dies with the group of the process that started it, even by SIGKILL', async () => {
  // serve-registry's verdaccio: a test stopping `npm run registry` may SIGKILL its whole group, which
  // leaves no handler time to stop children that lead groups of their own.
  const tracker = new ProcessTracker()
  const script = (trackerOptions: string) =>
    [
      "import { ProcessTracker } from './processes.ts'",
      `const tracker = new ProcessTracker(${trackerOptions})`,
      "const child = tracker.start('sleep', ['60'], { cwd: process.cwd(), env: process.env })",
      'console.log(String(child.pid))',
      'setInterval(() => {}, 1000)',
    ].join('\n')
  const sleepers: number[] = []
  /** Starts the script in a group of its own, SIGKILLs that group, and says whether its sleep lives on. */
  const sleepOutlivesGroupKill = async (trackerOptions: string) => {
    const parent = tracker.start(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script(trackerOptions)],
      {
        ...options,
        cwd: import.meta.dirname,
      },
    )
    const sleeper = await firstPid(parent)
    sleepers.push(sleeper)
    expect(alive(sleeper)).toBe(true)
    process.kill(-parent.pid!, 'SIGKILL')
    await new Promise((resolve) => parent.once('exit', resolve))
    for (let i = 0; i < 50 && alive(sleeper); i++) await new Promise((resolve) => setTimeout(resolve, 100))
    return alive(sleeper)
  }
  try {
    expect(await sleepOutlivesGroupKill('{ ownGroups: false }')).toBe(false)
    // The control: a child in a group of its own outlives the same SIGKILL.
    expect(await sleepOutlivesGroupKill('')).toBe(true)
  } finally {
    // The sleeps lead their own groups when the tracker gave them one.
    for (const pid of sleepers)
      for (const target of [pid, -pid]) {
        try {
          process.kill(target, 'SIGKILL')
        } catch {}
      }
    await tracker.stopAll()
  }
})
