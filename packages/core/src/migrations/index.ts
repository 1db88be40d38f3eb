// The `@verticals/core/migrations` entry: the SQL alone, without pg or ioredis, for tools that only ship
// the migrations (the generator copies them into the compliance bundle, each wrapped by psqlMigration).
export { checksum } from './checksum'
export { DEFAULT_SCHEMA, psqlMigration } from './psql'
export { DEFAULT_ROLES, type PostgresRoles } from './roles'
export { MIGRATIONS, type Migration } from './sql.generated'
