// The `@verticals/core/migrations` entry: the SQL alone, without pg or ioredis, for tools that only ship
// the migrations (the generator copies them into the compliance bundle).
export { MIGRATIONS, type Migration } from './sql.generated'
