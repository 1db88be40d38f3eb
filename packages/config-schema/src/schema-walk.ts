import type * as z from 'zod'

interface Def {
  type: string
  innerType?: z.ZodType
  in?: z.ZodType
  shape?: Record<string, z.ZodType>
  valueType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

/** Strips optional/default/prefault/transform wrappers down to the schema that describes the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(current)
    if (def.innerType) current = def.innerType
    else if (def.type === 'pipe' && def.in) current = def.in
    else break
  }
  return current
}

/** The keys an object at `path` may have, for did-you-mean suggestions. */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = unwrap(root)
  for (const segment of path) {
    if (!current) return []
    const def = defOf(current)
    if (def.type === 'object' && def.shape) current = def.shape[String(segment)]
    else if (def.type === 'record') current = def.valueType
    else if (def.type === 'array') current = def.element
    else return []
    current = current ? unwrap(current) : undefined
  }
  if (!current) return []
  const def = defOf(current)
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : []
}
