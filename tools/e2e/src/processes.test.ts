import { describe, expect, it } from 'vitest'
import { cleanEnv } from './npm-env.ts'
import { ProcessTracker } from './processes.ts'

const options = { cwd: process.cwd(), env: cleanEnv() }

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
    const grandchild = await new Promise<number>((resolve) => {
      server.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())))
    })
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
