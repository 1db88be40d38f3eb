export { MIGRATIONS, type Migration } from './migrations/sql.generated'
