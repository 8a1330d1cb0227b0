import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import type { StoreDialect } from '../schema.js';
import { initialMigration } from './001-initial.js';

/** Ordered migrations, by name; names sort in application order. Never edit a shipped one. */
export function migrationsFor(dialect: StoreDialect): Record<string, Migration> {
  return {
    '001-initial': initialMigration(dialect),
  };
}

export function dialectOf(db: Kysely<unknown>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Brings the database to the latest schema; idempotent. On PostgreSQL the bookkeeping tables
 * live in the current schema (first of search_path) so isolated schemas do not see each other.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResultSet> {
  const untyped = db as unknown as Kysely<unknown>;
  const dialect = dialectOf(untyped);
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(migrationsFor(dialect)),
  };
  let migrationTableSchema: string | undefined;
  if (dialect === 'postgres') {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      untyped,
    );
    migrationTableSchema = result.rows[0]?.schema;
  }
  const migrator = new Migrator({
    db: untyped,
    provider,
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
  const resultSet = await migrator.migrateToLatest();
  if (resultSet.error !== undefined) {
    if (resultSet.error instanceof Error) throw resultSet.error;
    throw new Error('Migration failed.', { cause: resultSet.error });
  }
  return resultSet;
}
