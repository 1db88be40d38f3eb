import * as configSchema from '@verticals/config-schema'
import { type CommandIo, printJson, resolveIo } from '../io'

/** Options of `verticals schema`. */
export type SchemaCommandOptions = CommandIo

// The config package may export its own toJsonSchema() (with titles and $id); until it does, zod's
// converter over the exported schema gives the same structure. The namespace import keeps both working.
function jsonSchema(): unknown {
  const own: unknown = Reflect.get(configSchema, 'toJsonSchema')
  if (typeof own === 'function') return own()
  return configSchema.platformSchema.toJSONSchema({ io: 'input' })
}

/** Prints the JSON Schema of platform.yaml on stdout (for `# yaml-language-server: $schema=`). */
export async function schemaCommand(options: SchemaCommandOptions = {}): Promise<number> {
  const io = resolveIo(options)
  printJson(io.stdout, jsonSchema())
  return 0
}
