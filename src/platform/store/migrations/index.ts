import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import type { StoreDialect } from '../schema.js';
import { initialMigration } from './001-initial.js';
import { analysesDocumentsMigration } from './002-analyses-documents.js';
import { loginThrottleInvitationsMigration } from './003-login-throttle-invitations.js';
import { documentQuotasMigration } from './004-document-quotas.js';
import { findingWorkMigration } from './005-finding-work.js';
import { accountsMailMigration } from './006-accounts-mail.js';
import { auditCampaignsMigration } from './007-audit-campaigns.js';

/** Ordered migrations, by name; names sort in application order. Never edit a shipped one. */
export function migrationsFor(dialect: StoreDialect): Record<string, Migration> {
  return {
    '001-initial': initialMigration(dialect),
    '002-analyses-documents': analysesDocumentsMigration(dialect),
    '003-login-throttle-invitations': loginThrottleInvitationsMigration(),
    '004-document-quotas': documentQuotasMigration(),
    '005-finding-work': findingWorkMigration(),
    '006-accounts-mail': accountsMailMigration(),
    '007-audit-campaigns': auditCampaignsMigration(),
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
  const run = (on: Kysely<unknown>): Promise<MigrationResultSet> =>
    new Migrator({
      db: on,
      provider,
      ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
    }).migrateToLatest();
  // On PostgreSQL, migrations run under a cluster-wide advisory lock, on one connection: several
  // instances starting together migrate one after the other, and Kysely's introspection (which
  // scans every schema) never runs while a schema is being dropped (see `withSchemaLock`).
  const resultSet =
    dialect === 'postgres' ? await withSchemaLock(untyped, run) : await run(untyped);
  if (resultSet.error !== undefined) {
    if (resultSet.error instanceof Error) throw resultSet.error;
    throw new Error('Migration failed.', { cause: resultSet.error });
  }
  return resultSet;
}

/** Key of the advisory lock taken around migrations and schema drops (any constant works). */
const SCHEMA_LOCK_KEY = 726_481_903;

/** Runs `work` on one connection holding the PostgreSQL schema lock. */
export async function withSchemaLock<T>(
  db: Kysely<unknown>,
  work: (connection: Kysely<unknown>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${SCHEMA_LOCK_KEY})`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(${SCHEMA_LOCK_KEY})`.execute(connection);
    }
  });
}
