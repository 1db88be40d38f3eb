import { describe, expect, it } from 'vitest'
import { readMigrationFiles } from '../../scripts/embed-migrations'
import { MIGRATIONS } from './sql.generated'

describe('MIGRATIONS', () => {
  it('embeds exactly the .sql files under migrations/ (run `npm run migrations` after editing them)', () => {
    expect(MIGRATIONS).toEqual(readMigrationFiles())
  })

  it('lists migrations in name order, each with SQL that creates or changes tables, indexes, functions or roles', () => {
    const names = MIGRATIONS.map((m) => m.name)
    expect(names).toEqual([...names].sort())
    expect(names[0]).toBe('0001_consent')
    for (const migration of MIGRATIONS)
      expect(migration.sql).toMatch(/CREATE (TABLE|INDEX|FUNCTION|ROLE)|ALTER TABLE/)
  })

  it('never qualifies a table with a schema, so migrate() can place them in any schema', () => {
    for (const migration of MIGRATIONS) expect(migration.sql).not.toMatch(/\b(CREATE TABLE|ON)\s+\w+\.\w+/)
  })
})
