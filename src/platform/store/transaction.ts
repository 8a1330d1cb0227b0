import type { Kysely, TransactionSettings } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `work` in a new transaction: commits when it resolves, rolls back when it throws, and
 * always rethrows `work`'s own error. Kysely's `transaction().execute()` lets a failed ROLLBACK
 * replace that error, which hides the cause when the database already rolled back by itself
 * (SQLite does after SQLITE_FULL: the ROLLBACK then fails with "no transaction is active", and
 * a full disk would be reported as an unrelated error). A failed COMMIT is rolled back too, so
 * the connection never stays inside a half-done transaction. `settings` (isolation level, access
 * mode) are for PostgreSQL; SQLite ignores them.
 */
export async function runTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
  settings: TransactionSettings = {},
): Promise<T> {
  let builder = db.startTransaction();
  if (settings.isolationLevel !== undefined) {
    builder = builder.setIsolationLevel(settings.isolationLevel);
  }
  if (settings.accessMode !== undefined) builder = builder.setAccessMode(settings.accessMode);
  const trx = await builder.execute();
  const rollbackQuietly = async (): Promise<void> => {
    if (trx.isRolledBack || trx.isCommitted) return;
    try {
      await trx.rollback().execute();
    } catch {
      // Already rolled back by the database; the error worth reporting is the caller's.
    }
  };
  let result: T;
  try {
    result = await work(trx);
  } catch (error) {
    await rollbackQuietly();
    throw error;
  }
  try {
    await trx.commit().execute();
  } catch (error) {
    await rollbackQuietly();
    throw error;
  }
  return result;
}

/**
 * Runs `work` in a transaction on `db`, or directly on `db` when it already is one (a repository
 * bound to `store.transaction`'s handle): Kysely refuses nested transactions, and the caller's
 * transaction already gives the all-or-nothing this repository method needs.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : runTransaction(db, work);
}
