/**
 * Platform settings by key (JSON values): the SMTP server for now. Reading a key that was never
 * set gives undefined; setting one replaces it.
 */
import type { Kysely } from 'kysely';
import type { Clock, Database } from './schema.js';

export interface StoredSetting {
  readonly value: unknown;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

export function createSettingsRepository(db: Kysely<Database>, clock: Clock) {
  return {
    async get(key: string): Promise<StoredSetting | undefined> {
      const row = await db
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        value: JSON.parse(row.value_json) as unknown,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      };
    },

    async set(key: string, value: unknown, updatedBy: string | null): Promise<void> {
      const values = {
        value_json: JSON.stringify(value),
        updated_at: clock().toISOString(),
        updated_by: updatedBy,
      };
      await db
        .insertInto('settings')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    },

    /** False when the key was not set. */
    async delete(key: string): Promise<boolean> {
      const result = await db.deleteFrom('settings').where('key', '=', key).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
