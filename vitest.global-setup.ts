import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * vitest globalSetup of every package: one promtool/amtool verdict cache per test run
 * (`VERTICALS_TOOL_CACHE`, read by @verticals/templates' validators and so by spawned CLIs), so a
 * rule test that several test files run on the same bytes runs once. Removed when the run ends.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.VERTICALS_TOOL_CACHE !== undefined) return undefined
  const dir = mkdtempSync(join(tmpdir(), 'verticals-tool-cache-'))
  process.env.VERTICALS_TOOL_CACHE = dir
  return () => {
    rmSync(dir, { recursive: true, force: true })
    delete process.env.VERTICALS_TOOL_CACHE
  }
}
