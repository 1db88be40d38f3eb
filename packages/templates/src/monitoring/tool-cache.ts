import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ToolRun } from './tools'

// Bumped when the key or the entry format changes, so an old cache directory is simply missed.
const FORMAT = 1

/**
 * Verdicts of promtool / amtool runs kept by content in the directory `VERTICALS_TOOL_CACHE` names:
 * the same tool binary, arguments and input files give the same verdict, so a run that was made
 * once (by this process or another one sharing the directory) is not made again. Unset: no cache.
 */
export interface ToolCache {
  /** The key of a run: the tool binary (path, size, mtime), its arguments and every input file. */
  key(tool: string, args: readonly string[], files: Readonly<Record<string, string>>): string
  /** The verdict stored under `key`, or undefined (missing or unreadable entries are misses). */
  get(key: string): ToolRun | undefined
  /** Stores a verdict; written to a temporary name and renamed, so readers never see half an entry. */
  set(key: string, run: ToolRun): void
}

/** The cache `VERTICALS_TOOL_CACHE` names, or null when the variable is unset or empty. */
export function toolCacheFromEnv(env: NodeJS.ProcessEnv = process.env): ToolCache | null {
  const dir = env.VERTICALS_TOOL_CACHE
  return dir ? createToolCache(dir) : null
}

/** A verdict cache in `dir` (created on first write). */
export function createToolCache(dir: string): ToolCache {
  // An upgraded or replaced binary is another tool: its verdicts are not reused.
  const binary = (tool: string): string => {
    const real = realpathSync(tool)
    const { size, mtimeMs } = statSync(real)
    return `${real}:${size}:${mtimeMs}`
  }
  return {
    key(tool, args, files) {
      const hash = createHash('sha256').update(JSON.stringify([FORMAT, binary(tool), args]))
      for (const name of Object.keys(files).sort()) {
        hash.update(`\0${name}\0`).update(
          createHash('sha256')
            .update(files[name] ?? '')
            .digest('hex'),
        )
      }
      return hash.digest('hex')
    },
    get(key) {
      try {
        const entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Partial<ToolRun>
        return typeof entry.ok === 'boolean' && typeof entry.output === 'string'
          ? { ok: entry.ok, output: entry.output }
          : undefined
      } catch {
        return undefined
      }
    },
    set(key, run) {
      mkdirSync(dir, { recursive: true })
      const partial = join(dir, `${key}.${process.pid}.tmp`)
      writeFileSync(partial, JSON.stringify({ ok: run.ok, output: run.output }))
      renameSync(partial, join(dir, `${key}.json`))
    },
  }
}
