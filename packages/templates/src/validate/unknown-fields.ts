// kubernetes-models validates types, formats and required fields but ignores fields its schema does
// not declare, where the API server (strict field validation) and `kubeconform -strict` reject them.
// Its validators are compiled JSON Schema (ajv) and test each declared property of an object, and
// enumerate the keys of a map (labels, data): watching them through a Proxy tells, for every object
// of a document, which keys the schema knows. A key it never looked at is an unknown field.

interface Seen {
  readonly read: Set<string>
  enumerated: boolean
}

type Tree = Readonly<Record<string, unknown>> | readonly unknown[]

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null

/** Runs `validate` on a watched copy of `document`; returns what it threw and the unknown fields. */
export function validateStrictly(
  validate: (data: unknown) => void,
  document: object,
): { error: unknown; unknown: string[] } {
  const seen = new Map<object, Seen>()
  const proxies = new WeakMap<object, object>()
  const watch = (value: unknown): unknown => {
    if (!isTree(value)) return value
    const known = proxies.get(value)
    if (known) return known
    const record: Seen = { read: new Set(), enumerated: false }
    seen.set(value, record)
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') record.read.add(key)
        return watch(Reflect.get(target, key, receiver))
      },
      has(target, key) {
        if (typeof key === 'string') record.read.add(key)
        return Reflect.has(target, key)
      },
      ownKeys(target) {
        record.enumerated = true
        return Reflect.ownKeys(target)
      },
    })
    proxies.set(value, proxy)
    return proxy
  }
  let error: unknown
  try {
    validate(watch(document))
  } catch (thrown) {
    error = thrown
  }
  return { error, unknown: unknownFields(document, seen, '') }
}

// An object whose keys the schema enumerated is a map; one it never read a key of is free-form
// (x-kubernetes-preserve-unknown-fields): both accept any key, as kubeconform -strict does.
function unknownFields(value: unknown, seen: ReadonlyMap<object, Seen>, path: string): string[] {
  if (!isTree(value)) return []
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownFields(item, seen, `${path}[${i}]`))
  const record = seen.get(value)
  if (!record) return []
  const found: string[] = []
  const free = record.enumerated || record.read.size === 0
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (free || record.read.has(key)) found.push(...unknownFields(child, seen, at))
    else found.push(at)
  }
  return found
}
