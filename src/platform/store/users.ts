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
  /** When an administrator disabled the account; null while it is enabled. */
  disabledAt: string | null;
  /** The password was set by someone else: the person must choose one before anything else. */
  mustChangePassword: boolean;
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  isAdmin?: boolean;
  /** The password was chosen by an administrator: ask for a new one at first sign-in. */
  mustChangePassword?: boolean;
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
    disabledAt: row.disabled_at,
    mustChangePassword: row.must_change_password === 1,
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
        disabled_at: null,
        must_change_password: input.mustChangePassword === true ? 1 : 0,
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
     * administrator's reset (see `User.oneTimePasswordUntil`) and makes the person choose a new
     * one at next sign-in; without it both marks are cleared (the person chose this one).
     */
    async setPassword(id: string, passwordHash: string, oneTimeUntil?: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          password_changed_at: clock().toISOString(),
          one_time_password_until: oneTimeUntil === undefined ? null : oneTimeUntil.toISOString(),
          must_change_password: oneTimeUntil === undefined ? 0 : 1,
        })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Disables (true) or re-enables (false) the account; returns the user as it was before,
     * undefined when there is none. The caller signs the account out.
     */
    async setDisabled(id: string, disabled: boolean): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      await db
        .updateTable('users')
        .set({ disabled_at: disabled ? (row.disabled_at ?? clock().toISOString()) : null })
        .where('id', '=', id)
        .execute();
      return toUser(row);
    },

    /** Renames the account (the person's display name). */
    async setDisplayName(id: string, displayName: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ display_name: displayName })
        .where('id', '=', id)
        .execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}
