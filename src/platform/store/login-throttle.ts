/**
 * What the login throttle keeps: the account-wide lock and the per-(account, source) delays,
 * both keyed by an opaque account key (a hash of the e-mail, whether an account uses it or
 * not), and where each account signed in successfully before (known devices and sources).
 *
 * The counters are updated with compare-and-set writes (`write*` return false when another
 * request changed the row meanwhile), so concurrent attempts cannot all read the same count.
 * The decisions themselves (thresholds, delays) live in `platform/auth`.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from './errors.js';
import type { Clock, Database } from './schema.js';

/** A throttle counter as stored. Times are ISO-8601 strings. */
export interface ThrottleRow {
  readonly failures: number;
  /** Account lock end, or the end of a pair's delay. */
  readonly until: string | null;
  readonly lastFailureAt: string;
}

/** Most known devices and sources kept per account (the least recently used are forgotten). */
export const MAX_KNOWN_PER_USER = 20;

export type LoginThrottleRepository = ReturnType<typeof createLoginThrottleRepository>;

export function createLoginThrottleRepository(db: Kysely<Database>, clock: Clock) {
  const readAccount = async (accountKey: string): Promise<ThrottleRow | undefined> => {
    const row = await db
      .selectFrom('login_throttle')
      .selectAll()
      .where('account_key', '=', accountKey)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { failures: row.failures, until: row.locked_until, lastFailureAt: row.last_failure_at };
  };

  const readPair = async (accountKey: string, source: string): Promise<ThrottleRow | undefined> => {
    const row = await db
      .selectFrom('login_pair_throttle')
      .selectAll()
      .where('account_key', '=', accountKey)
      .where('source', '=', source)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { failures: row.failures, until: row.blocked_until, lastFailureAt: row.last_failure_at };
  };

  /** Inserts, or false when the row appeared meanwhile. */
  const insertOnce = async (insert: () => Promise<unknown>): Promise<boolean> => {
    try {
      await insert();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  };

  return {
    readAccount,
    readPair,

    /**
     * Replaces the account's counter with `next` if it still is `expected` (undefined: no row
     * yet). False when another attempt changed it first.
     */
    async writeAccount(
      accountKey: string,
      expected: ThrottleRow | undefined,
      next: ThrottleRow,
    ): Promise<boolean> {
      const values = {
        failures: next.failures,
        locked_until: next.until,
        last_failure_at: next.lastFailureAt,
      };
      if (expected === undefined) {
        return insertOnce(() =>
          db
            .insertInto('login_throttle')
            .values({ account_key: accountKey, ...values })
            .execute(),
        );
      }
      const result = await db
        .updateTable('login_throttle')
        .set(values)
        .where('account_key', '=', accountKey)
        .where('failures', '=', expected.failures)
        .where('last_failure_at', '=', expected.lastFailureAt)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Same as `writeAccount`, for one (account, source) pair. */
    async writePair(
      accountKey: string,
      source: string,
      expected: ThrottleRow | undefined,
      next: ThrottleRow,
    ): Promise<boolean> {
      const values = {
        failures: next.failures,
        blocked_until: next.until,
        last_failure_at: next.lastFailureAt,
      };
      if (expected === undefined) {
        return insertOnce(() =>
          db
            .insertInto('login_pair_throttle')
            .values({ account_key: accountKey, source, ...values })
            .execute(),
        );
      }
      const result = await db
        .updateTable('login_pair_throttle')
        .set(values)
        .where('account_key', '=', accountKey)
        .where('source', '=', source)
        .where('failures', '=', expected.failures)
        .where('last_failure_at', '=', expected.lastFailureAt)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** After a successful sign-in: the account's lock and this pair's delay are forgotten. */
    async clearAfterSuccess(accountKey: string, source: string): Promise<void> {
      await db.deleteFrom('login_throttle').where('account_key', '=', accountKey).execute();
      await db
        .deleteFrom('login_pair_throttle')
        .where('account_key', '=', accountKey)
        .where('source', '=', source)
        .execute();
    },

    /** Unlock: the account's lock and every pair delay of the account are forgotten. */
    async clearAccount(accountKey: string): Promise<boolean> {
      const account = await db
        .deleteFrom('login_throttle')
        .where('account_key', '=', accountKey)
        .executeTakeFirst();
      const pairs = await db
        .deleteFrom('login_pair_throttle')
        .where('account_key', '=', accountKey)
        .executeTakeFirst();
      return account.numDeletedRows + pairs.numDeletedRows > 0n;
    },

    /**
     * Drops counters whose last failure is older than `before` and that hold no lock or delay
     * beyond it; returns how many rows went.
     */
    async purgeStale(before: Date): Promise<number> {
      const limit = before.toISOString();
      const accounts = await db
        .deleteFrom('login_throttle')
        .where('last_failure_at', '<', limit)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', limit)]))
        .executeTakeFirst();
      const pairs = await db
        .deleteFrom('login_pair_throttle')
        .where('last_failure_at', '<', limit)
        .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', limit)]))
        .executeTakeFirst();
      return Number(accounts.numDeletedRows + pairs.numDeletedRows);
    },

    async isKnownDevice(tokenHash: string, userId: string): Promise<boolean> {
      const row = await db
        .selectFrom('known_devices')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** True when the account signed in from `source` at or after `since`. */
    async isKnownSource(userId: string, source: string, since: Date): Promise<boolean> {
      const row = await db
        .selectFrom('known_sources')
        .select('user_id')
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .where('last_success_at', '>=', since.toISOString())
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Records a successful sign-in from this device; keeps the most recent ones only. */
    async rememberDevice(tokenHash: string, userId: string): Promise<void> {
      const now = clock().toISOString();
      const updated = await db
        .updateTable('known_devices')
        .set({ last_used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        await insertOnce(() =>
          db
            .insertInto('known_devices')
            .values({ token_hash: tokenHash, user_id: userId, created_at: now, last_used_at: now })
            .execute(),
        );
      }
      const stale = await db
        .selectFrom('known_devices')
        .select('token_hash')
        .where('user_id', '=', userId)
        .orderBy('last_used_at', 'desc')
        .orderBy('token_hash')
        .offset(MAX_KNOWN_PER_USER)
        .limit(1000)
        .execute();
      if (stale.length > 0) {
        await db
          .deleteFrom('known_devices')
          .where('user_id', '=', userId)
          .where(
            'token_hash',
            'in',
            stale.map((r) => r.token_hash),
          )
          .execute();
      }
    },

    /** Records a successful sign-in from this source; keeps the most recent ones only. */
    async rememberSource(userId: string, source: string): Promise<void> {
      const now = clock().toISOString();
      const updated = await db
        .updateTable('known_sources')
        .set({ last_success_at: now })
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        await insertOnce(() =>
          db
            .insertInto('known_sources')
            .values({ user_id: userId, source, created_at: now, last_success_at: now })
            .execute(),
        );
      }
      const stale = await db
        .selectFrom('known_sources')
        .select('source')
        .where('user_id', '=', userId)
        .orderBy('last_success_at', 'desc')
        .orderBy('source')
        .offset(MAX_KNOWN_PER_USER)
        .limit(1000)
        .execute();
      if (stale.length > 0) {
        await db
          .deleteFrom('known_sources')
          .where('user_id', '=', userId)
          .where(
            'source',
            'in',
            stale.map((r) => r.source),
          )
          .execute();
      }
    },

    /** Forgets every device and source of the account (e.g. after a compromise). */
    async forgetKnown(userId: string): Promise<void> {
      await db.deleteFrom('known_devices').where('user_id', '=', userId).execute();
      await db.deleteFrom('known_sources').where('user_id', '=', userId).execute();
    },
  };
}
