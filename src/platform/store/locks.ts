import type { Kysely } from 'kysely';
import type { Clock, Database } from './schema.js';

export type LocksRepository = ReturnType<typeof createLocksRepository>;

/** Named leases shared by every server instance on the database. */
export function createLocksRepository(db: Kysely<Database>, clock: Clock) {
  return {
    /**
     * Takes the lock for `ttlMs`, atomically: inserts it, or takes it over when it has expired
     * or is already held by `holder` (renewal). Returns true when `holder` now holds it.
     */
    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const now = clock();
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      const row = await db
        .insertInto('locks')
        .values({ name, holder, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, expires_at: expiresAt })
            .where((eb) =>
              eb.or([
                eb('locks.expires_at', '<=', now.toISOString()),
                eb('locks.holder', '=', holder),
              ]),
            ),
        )
        .returning('holder')
        .executeTakeFirst();
      return row?.holder === holder;
    },

    /** Releases the lock if `holder` holds it; returns whether it did. */
    async release(name: string, holder: string): Promise<boolean> {
      const result = await db
        .deleteFrom('locks')
        .where('name', '=', name)
        .where('holder', '=', holder)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async holderOf(name: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('locks')
        .select('holder')
        .where('name', '=', name)
        .where('expires_at', '>', clock().toISOString())
        .executeTakeFirst();
      return row?.holder;
    },
  };
}
