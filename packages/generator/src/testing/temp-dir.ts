import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temporary directory, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verticals-generator-'))
  made.push(dir)
  return dir
}

/** Every file under `dir` with its bytes as text, by relative path: compare two snapshots for equality. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name)
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`)
      else out[`${prefix}${name}`] = readFileSync(full, 'utf8')
    }
  }
  walk(dir, '')
  return out
}

/** Names in `dir` (to show no temporary sibling was left behind). */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort()
}
