import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runToolOnFiles } from './tool-run'

// A real executable stands in for promtool: it counts its runs in a file and fails when its input says so.
let dir: string
let tool: string
let cache: string
const runs = () => readFileSync(join(dir, 'runs'), 'utf8').split('\n').filter(Boolean).length

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'verticals-tool-cache-'))
  tool = join(dir, 'tool.sh')
  cache = join(dir, 'cache')
  writeFileSync(join(dir, 'runs'), '')
  writeFileSync(
    tool,
    `#!/bin/sh\necho run >> '${join(dir, 'runs')}'\necho "checked $1"\ngrep -q broken "$1" && exit 1\nexit 0\n`,
  )
  chmodSync(tool, 0o755)
  vi.stubEnv('VERTICALS_TOOL_CACHE', cache)
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

describe('the tool verdict cache (VERTICALS_TOOL_CACHE)', () => {
  it('runs a tool once for the same binary, arguments and files, and gives the same verdict again', async () => {
    const first = await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    const second = await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    expect(first).toEqual({ ok: true, output: 'checked a.yaml' })
    expect(second).toEqual(first)
    expect(runs()).toBe(1)
  })

  it('keeps failures as failures, with their output', async () => {
    const first = await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'broken' })
    expect(await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'broken' })).toEqual(first)
    expect(first.ok).toBe(false)
    expect(runs()).toBe(1)
  })

  it('runs again when a file, a file name, an argument or the tool binary changes', async () => {
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine again' })
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine', 'b.yaml': 'extra' })
    await runToolOnFiles(tool, ['b.yaml'], { 'b.yaml': 'fine' })
    expect(runs()).toBe(4)
    const later = new Date(Date.now() + 60_000)
    utimesSync(tool, later, later)
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    expect(runs()).toBe(5)
  })

  it('treats an unreadable entry as a miss and replaces it', async () => {
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    const [entry] = readdirSync(cache)
    writeFileSync(join(cache, entry as string), '{"ok": tr')
    expect(await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })).toEqual({
      ok: true,
      output: 'checked a.yaml',
    })
    expect(runs()).toBe(2)
    expect(readdirSync(cache)).toEqual([entry])
  })

  it('runs at most one tool process per core at once', async () => {
    const log = join(dir, 'spans')
    const slow = join(dir, 'slow.sh')
    writeFileSync(
      slow,
      `#!/bin/sh\necho "+ $(date +%s%N)" >> '${log}'\nsleep 0.5\necho "- $(date +%s%N)" >> '${log}'\n`,
    )
    chmodSync(slow, 0o755)
    const count = availableParallelism() * 3
    await Promise.all(
      Array.from({ length: count }, (_, i) => runToolOnFiles(slow, [], { [`${i}.yaml`]: '' })),
    )
    const events = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => [BigInt(line.slice(2)), line[0] === '+' ? 1 : -1] as const)
      .sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1))
    let open = 0
    let most = 0
    for (const [, step] of events) {
      open += step
      most = Math.max(most, open)
    }
    expect(events.length).toBe(count * 2)
    expect(most).toBeLessThanOrEqual(availableParallelism())
  })

  it('runs the tool every time when the variable is unset', async () => {
    vi.stubEnv('VERTICALS_TOOL_CACHE', '')
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    await runToolOnFiles(tool, ['a.yaml'], { 'a.yaml': 'fine' })
    expect(runs()).toBe(2)
  })
})
