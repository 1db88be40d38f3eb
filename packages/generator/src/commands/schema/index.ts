import { toJsonSchema } from '@verticals/config-schema'
import { type CommandIo, printJson, resolveIo } from '../io'

/** Options of `verticals schema`. */
export type SchemaCommandOptions = CommandIo

/** Prints the JSON Schema of platform.yaml on stdout (for `# yaml-language-server: $schema=`). */
export async function schemaCommand(options: SchemaCommandOptions = {}): Promise<number> {
  const io = resolveIo(options)
  printJson(io.stdout, toJsonSchema())
  return 0
}
