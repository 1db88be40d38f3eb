import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { platformSchema } from './platform'
import { strictObject } from './strict-object'

interface Def {
  type: string
  catchall?: z.ZodType
  [key: string]: unknown
}

/** Every schema reachable from `root` through its definition, each once. */
function everySchema(root: z.ZodType): Set<z.ZodType> {
  const seen = new Set<z.ZodType>()
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return
    const zod = (value as { _zod?: { def: Def } })._zod
    if (Array.isArray(value) || zod === undefined) {
      for (const part of Object.values(value)) visit(part)
      return
    }
    if (seen.has(value as z.ZodType)) return
    seen.add(value as z.ZodType)
    for (const part of Object.values(zod.def)) visit(part)
  }
  visit(root)
  return seen
}

describe('strictObject', () => {
  it('refuses unknown keys as z.strictObject does', () => {
    const schema = strictObject({ a: strictObject({ b: strictObject({}) }) })
    expect(schema.safeParse({ a: { b: {} } }).success).toBe(true)
    const result = schema.safeParse({ a: { b: { c: 1 }, d: 2 } })
    expect(result.error?.issues.map((i) => [i.code, i.path, 'keys' in i ? i.keys : []])).toEqual([
      ['unrecognized_keys', ['a', 'b'], ['c']],
      ['unrecognized_keys', ['a'], ['d']],
    ])
  })

  it('is every strict object of the platform schema: one shared catchall, not one z.never() each', () => {
    const objects = [...everySchema(platformSchema as unknown as z.ZodType)]
      .map((s) => (s as unknown as { _zod: { def: Def } })._zod.def)
      .filter((def) => def.type === 'object')
    expect(objects.length).toBeGreaterThan(90)
    // Every object refuses unknown keys, all through the one catchall.
    const catchalls = new Set(objects.map((def) => def.catchall))
    expect(catchalls.size).toBe(1)
    const [only] = catchalls as Set<unknown>
    expect((only as { _zod: { def: Def } } | undefined)?._zod.def.type).toBe('never')
  })
})
