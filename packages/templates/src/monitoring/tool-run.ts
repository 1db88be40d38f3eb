import { availableParallelism } from 'node:os'
import { toolCacheFromEnv } from './tool-cache'
import { inTempDir, runTool, type ToolRun } from './tools'

// promtool evaluates rule tests on every core it finds; more runs than cores at once only makes
// each of them slower (a four-vertical bundle has twelve rule-test files).
const slots = Math.max(1, availableParallelism())
let running = 0
const waiting: (() => void)[] = []

async function inSlot<T>(fn: () => Promise<T>): Promise<T> {
  // A finishing run hands its slot straight to the next waiter, so `running` never overshoots.
  if (running < slots) running++
  else await new Promise<void>((resolve) => waiting.push(resolve))
  try {
    return await fn()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/**
 * Runs a tool on `files` (name -> content) written into a fresh temporary directory, with at most
 * as many tool processes at once as there are cores; a verdict already in the cache that
 * `VERTICALS_TOOL_CACHE` names is returned without running the tool.
 */
export async function runToolOnFiles(
  tool: string,
  args: readonly string[],
  files: Readonly<Record<string, string>>,
): Promise<ToolRun> {
  const cache = toolCacheFromEnv()
  const key = cache?.key(tool, args, files)
  const cached = key === undefined ? undefined : cache?.get(key)
  if (cached) return cached
  const run = await inSlot(() => inTempDir(files, (dir) => runTool(tool, args, dir)))
  if (key !== undefined) cache?.set(key, run)
  return run
}
