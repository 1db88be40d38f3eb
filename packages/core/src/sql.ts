import { createHash } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

/** Validates a PostgreSQL schema name (lower case, no quoting tricks) and returns it quoted. */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) {
    throw new PlatformError('INVALID_ARGUMENT', `schema "${schema}" is not a plain PostgreSQL identifier`, {
      hint: 'Use lower-case letters, digits and underscores, starting with a letter, e.g. verticals or verticals_test.',
    })
  }
  return `"${schema}"`
}

/**
 * A named prepared statement factory for one schema. Names must be unique per connection for a given
 * text, so they carry a digest of the text: two platforms with different schemas can share a pool.
 */
export function statement(text: string): { name: string; text: string } {
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16)
  return { name: `vx_${digest}`, text }
}
