import * as z from 'zod'

// zod's strictObject builds a z.never() as the catchall of every object: a hundred of them, a tenth of
// the schema the CLI builds at each start. One shared catchall refuses unknown keys the same way
// (zod never changes a catchall), and the JSON Schema is the same (a test holds schema.json to it).
// For the same reason a field's description is registered on the schema made for that field,
// `.register(z.globalRegistry, { description })`, rather than given with describe(), which copies the
// schema first; describe() stays on shared schemas (a unit such as `duration`), where registering
// would describe every use.
const NO_OTHER_KEYS = z.never()

/** `z.strictObject(shape)`: an object whose unknown keys are refused, with the shared catchall. */
export function strictObject<T extends z.core.$ZodLooseShape>(
  shape: T,
): z.ZodObject<z.core.util.Writeable<T>, z.core.$strict> {
  return new z.ZodObject({ type: 'object', shape, catchall: NO_OTHER_KEYS }) as z.ZodObject<
    z.core.util.Writeable<T>,
    z.core.$strict
  >
}
