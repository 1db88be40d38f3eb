import { expect, it, vi } from 'vitest'

// Counts the yaml library's parses, to show that a locator parses on its first lookup and only then.
const parses = vi.hoisted(() => ({ count: 0 }))
vi.mock('./yaml-library', async (importOriginal) => {
  const yaml = (await importOriginal<typeof import('./yaml-library')>()).yamlLibrary()
  const counted = {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      parses.count++
      return yaml.parseDocument(...args)
    },
  }
  return { yamlLibrary: () => counted }
})

const { locator } = await import('./positions')

it('parses the text on the first lookup, once, and not at all when nothing is looked up', () => {
  const before = parses.count
  const locate = locator('a:\n  b: 1\nc: [x, y]\n')
  locator('never: asked\n')
  expect(parses.count).toBe(before)
  expect(locate(['a', 'b'])).toEqual({ line: 2, column: 6 })
  expect(locate(['c', 1])).toEqual({ line: 3, column: 8 })
  expect(parses.count).toBe(before + 1)
})
