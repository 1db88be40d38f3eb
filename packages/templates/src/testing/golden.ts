// Test support: golden files of a bundle, compared byte for byte. Not exported from the package.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Artifact } from '../artifact'
import { finalizeText } from '../serialize'

const FIXTURES = fileURLToPath(new URL('../__fixtures__/', import.meta.url))

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

/**
 * Registers the golden-file tests of one bundle: `__fixtures__/<bundle>/` holds exactly one file per
 * artifact (at `goldenPath(artifact.path)`), each equal byte for byte, and a second build gives the
 * same bytes. Golden files change only on purpose: run the test with `UPDATE_GOLDEN=1`, then review.
 */
export function describeGolden(options: {
  bundle: string
  build: () => Artifact[]
  goldenPath?: (path: string) => string
}): Artifact[] {
  const dir = join(FIXTURES, options.bundle)
  const goldenPath = options.goldenPath ?? ((path: string) => path)
  const artifacts = options.build()

  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(dir, { recursive: true, force: true })
    for (const artifact of artifacts) {
      const file = join(dir, goldenPath(artifact.path))
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, artifact.content)
    }
  }

  describe(`golden files of the example ${options.bundle} bundle`, () => {
    it('has exactly one golden file per generated file', () => {
      expect(listFiles(dir)).toEqual(artifacts.map((a) => goldenPath(a.path)).sort())
    })

    it.each(artifacts.map((a) => [a.path, a.content] as const))(
      '%s matches its golden file byte for byte',
      (path, content) => {
        expect(content).toBe(readFileSync(join(dir, goldenPath(path)), 'utf8'))
      },
    )

    it('is deterministic: a second build gives the same bytes', () => {
      expect(options.build()).toEqual(artifacts)
    })

    it('writes LF only and exactly one trailing newline', () => {
      for (const { content } of artifacts) expect(content).toBe(finalizeText(content))
    })
  })
  return artifacts
}
