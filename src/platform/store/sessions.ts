import type { Kysely } from 'kysely';
import type { Clock, Database, SessionRow } from './schema.js';

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

/** Sessions are keyed by a hash of the cookie token; the token itself is never stored. */
export function createSessionsRepository(db: Kysely<Database>, clock: Clock) {
  return {
    async create(input: NewSession): Promise<SessionRow> {
      const now = clock().toISOString();
      const row: SessionRow = {
        token_hash: input.tokenHash,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        created_at: now,
        expires_at: input.expiresAt.toISOString(),
        last_seen_at: now,
      };
      await db.insertInto('sessions').values(row).execute();
      return row;
    },

    /** The session if it exists and has not expired. */
    async findValid(tokenHash: string): Promise<SessionRow | undefined> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', clock().toISOString())
        .executeTakeFirst();
    },

    /** Records activity; optionally slides the expiry. */
    async touch(tokenHash: string, expiresAt?: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({
          last_seen_at: clock().toISOString(),
          ...(expiresAt === undefined ? {} : { expires_at: expiresAt.toISOString() }),
        })
        .where('token_hash', '=', tokenHash)
        .execute();
    },

    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    /** Logout everywhere. Returns the number of sessions removed. */
    async deleteAllOfUser(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async purgeExpired(): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', clock().toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
