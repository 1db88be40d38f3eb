import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { finalizeText } from '../serialize'
import { buildVertical, examplePlatform } from './testing'

// Golden files: the compliance bundle of the example, byte for byte. A change to a template or builder
// shows up here as a reviewable diff; regenerate with UPDATE_GOLDEN=1 after checking it is intended.

const GOLDEN_DIR = fileURLToPath(new URL('../__fixtures__/compliance/', import.meta.url))
const update = process.env.UPDATE_GOLDEN === '1'
const platform = examplePlatform()
const artifacts = Object.keys(platform.verticals).flatMap((name) => buildVertical(platform, name))

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

if (update) {
  rmSync(GOLDEN_DIR, { recursive: true, force: true })
  for (const a of artifacts) {
    mkdirSync(dirname(join(GOLDEN_DIR, a.path)), { recursive: true })
    writeFileSync(join(GOLDEN_DIR, a.path), a.content)
  }
}

describe('compliance golden files', () => {
  test('exactly the generated files are committed', () => {
    expect(filesUnder(GOLDEN_DIR)).toEqual(artifacts.map((a) => a.path).sort())
  })

  test.each(artifacts.map((a) => [a.path, a.content]))('%s matches byte for byte', (path, content) => {
    expect(content).toBe(finalizeText(content))
    expect(content).toBe(readFileSync(join(GOLDEN_DIR, path), 'utf8'))
  })
})
