import { createHash } from 'node:crypto'

/** The sha256 of a migration's SQL, stored in schema_migrations when it is applied. */
export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex')
}
