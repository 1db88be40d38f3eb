import * as z from 'zod'
import { platformSchema } from './schema/platform'

/** The JSON Schema (draft 2020-12) of platform.yaml as written, for editors and other validators. */
export function toJsonSchema(): Record<string, unknown> {
  // io: 'input' describes what a user writes (units as strings, defaulted fields optional); refinements and
  // cross-field rules cannot be expressed in JSON Schema and stay with `parse`.
  return z.toJSONSchema(platformSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override: ({ jsonSchema }) => {
      // A percentage also reads numbers, only to refuse them with a helpful message; editors should
      // offer the string form alone, which the unit's own `type` metadata already states.
      if (jsonSchema.type === 'string' && jsonSchema.anyOf) delete jsonSchema.anyOf
    },
  })
}
