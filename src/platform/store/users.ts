import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UniqueViolationError, isUniqueViolation } from './errors.js';
import type { Clock, Database, UserRow } from './schema.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: string;
  passwordChangedAt: string;
  /**
   * Until when the current password, a random one set by an administrator's reset, passes the
   * sign-in lock (it cannot be guessed); null for a password the user chose.
   */
  oneTimePasswordUntil: string | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  isAdmin?: boolean;
}

/** Emails are compared and stored lower-cased (and trimmed). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    oneTimePasswordUntil: row.one_time_password_until,
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

export function createUsersRepository(db: Kysely<Database>, clock: Clock) {
  return {
    /** Throws UniqueViolationError when the (case-insensitive) email is taken. */
    async create(input: NewUser): Promise<User> {
      const now = clock().toISOString();
      const row: UserRow = {
        id: randomUUID(),
        email: normaliseEmail(input.email),
        display_name: input.displayName,
        password_hash: input.passwordHash,
        is_admin: input.isAdmin === true ? 1 : 0,
        created_at: now,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        one_time_password_until: null,
      };
      try {
        await db.insertInto('users').values(row).execute();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new UniqueViolationError(`A user with email ${row.email} already exists.`);
        }
        throw error;
      }
      return toUser(row);
    },

    async findByEmail(email: string): Promise<User | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normaliseEmail(email))
        .executeTakeFirst();
      return row === undefined ? undefined : toUser(row);
    },

    async findById(id: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toUser(row);
    },

    async list(): Promise<User[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
      return rows.map(toUser);
    },

    /**
     * Replaces the password hash. `oneTimeUntil` marks a random password set by an
     * administrator's reset (see `User.oneTimePasswordUntil`); without it the mark is cleared.
     */
    async setPassword(id: string, passwordHash: string, oneTimeUntil?: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          password_changed_at: clock().toISOString(),
          one_time_password_until: oneTimeUntil === undefined ? null : oneTimeUntil.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}
