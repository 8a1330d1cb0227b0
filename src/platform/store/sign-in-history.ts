/**
 * Sign-in history: one row per sign-in attempt on an existing account (time, address, user
 * agent, success). Attempts on unknown addresses are not kept (there is no account to show them
 * to). The reason of a failure (`wrong_password`, `disabled`, `locked`, `throttled`) is for
 * administrators: the person sees only that an attempt failed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock, Database } from './schema.js';

export interface NewSignIn {
  readonly userId: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly success: boolean;
  readonly reason?: string | null;
}

export interface SignIn {
  readonly id: string;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly at: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly success: boolean;
  readonly reason: string | null;
}

export interface SignInQuery {
  /** One account's history; every account's without it. */
  readonly userId?: string;
  /** Only failures (true) or successes (false). */
  readonly success?: boolean;
  /** Rows strictly older than this time (the previous page's last `at`). */
  readonly before?: string;
  readonly limit?: number;
}

/** Longest user agent kept (characters). */
const MAX_USER_AGENT = 300;
/** Rows kept per account: older ones are deleted as new ones come. */
export const MAX_SIGN_INS_PER_USER = 500;

export type SignInHistoryRepository = ReturnType<typeof createSignInHistoryRepository>;

export function createSignInHistoryRepository(db: Kysely<Database>, clock: Clock) {
  return {
    async record(input: NewSignIn): Promise<void> {
      await db
        .insertInto('sign_in_history')
        .values({
          id: randomUUID(),
          user_id: input.userId,
          at: clock().toISOString(),
          ip: input.ip.slice(0, 64),
          user_agent: input.userAgent.slice(0, MAX_USER_AGENT),
          success: input.success ? 1 : 0,
          reason: input.reason ?? null,
        })
        .execute();
      // keep the newest MAX_SIGN_INS_PER_USER rows of the account
      const cutoff = await db
        .selectFrom('sign_in_history')
        .select('at')
        .where('user_id', '=', input.userId)
        .orderBy('at', 'desc')
        .offset(MAX_SIGN_INS_PER_USER)
        .limit(1)
        .executeTakeFirst();
      if (cutoff !== undefined) {
        await db
          .deleteFrom('sign_in_history')
          .where('user_id', '=', input.userId)
          .where('at', '<=', cutoff.at)
          .execute();
      }
    },

    /** Newest first. */
    async list(query: SignInQuery = {}): Promise<SignIn[]> {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 500);
      let select = db
        .selectFrom('sign_in_history')
        .innerJoin('users', 'users.id', 'sign_in_history.user_id')
        .selectAll('sign_in_history')
        .select(['users.email as email', 'users.display_name as display_name'])
        .orderBy('sign_in_history.at', 'desc')
        .orderBy('sign_in_history.id', 'desc')
        .limit(limit);
      if (query.userId !== undefined) {
        select = select.where('sign_in_history.user_id', '=', query.userId);
      }
      if (query.success !== undefined) {
        select = select.where('sign_in_history.success', '=', query.success ? 1 : 0);
      }
      if (query.before !== undefined)
        select = select.where('sign_in_history.at', '<', query.before);
      const rows = await select.execute();
      return rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        at: row.at,
        ip: row.ip,
        userAgent: row.user_agent,
        success: row.success === 1,
        reason: row.reason,
      }));
    },
  };
}
