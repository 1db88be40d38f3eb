import * as z from 'zod'
import { DEFAULT_NPM_NAME, NPM_SCOPE_PATTERN } from '../npm-package'
import { strictObject } from './strict-object'

/** `metadata.npm`: how `verticals pack` and `verticals publish --registry` name each vertical's package. */
export const npmNamingSchema = strictObject({
  scope: z
    .string()
    .regex(NPM_SCOPE_PATTERN, 'expected an npm scope such as @turnos (lowercase, starting with @)')
    .optional()
    .register(z.globalRegistry, {
      description: 'npm scope of the bundle packages, e.g. @turnos (default: @ and metadata.name).',
    }),
  name: z.string().min(1).default(DEFAULT_NPM_NAME).register(z.globalRegistry, {
    description:
      'Package name of each vertical inside the scope; {vertical} and {platform} are replaced (default {vertical}-bundle).',
  }),
})
  .prefault({})
  .register(z.globalRegistry, {
    description: 'npm package names of the bundles (verticals pack, verticals publish --registry).',
  })
