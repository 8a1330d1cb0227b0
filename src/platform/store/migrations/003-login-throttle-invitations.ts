import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { ROLES } from '../schema.js';

/**
 * Login throttling that cannot be turned against an account, and workspace invitations.
 *
 * - `login_throttle`: the account-wide lock, keyed by a hash of the e-mail address (known or
 *   not, so the answers do not tell which accounts exist).
 * - `login_pair_throttle`: growing delays per (account, source), the source being the client's
 *   address or a known device.
 * - `known_devices` and `known_sources`: where an account signed in successfully before; a
 *   correct password from them passes the account-wide lock.
 * - `invitations`: pending invitations to a workspace; the invitee accepts or declines.
 * - `users.one_time_password_until`: a password set by an administrator's reset (random, so
 *   not guessable) passes the account lock until then.
 *
 * The lockout columns of `users` (`failed_logins`, `locked_until`) are no longer used.
 */
export function loginThrottleInvitationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('one_time_password_until', 'text').execute();

      await db.schema
        .createTable('login_throttle')
        .addColumn('account_key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_failure_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_throttle_last_failure')
        .on('login_throttle')
        .column('last_failure_at')
        .execute();

      await db.schema
        .createTable('login_pair_throttle')
        .addColumn('account_key', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('blocked_until', 'text')
        .addColumn('last_failure_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_pair_throttle_pk', ['account_key', 'source'])
        .execute();
      await db.schema
        .createIndex('login_pair_throttle_last_failure')
        .on('login_pair_throttle')
        .column('last_failure_at')
        .execute();

      await db.schema
        .createTable('known_devices')
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('known_devices_pk', ['token_hash', 'user_id'])
        .execute();
      await db.schema
        .createIndex('known_devices_user')
        .on('known_devices')
        .columns(['user_id', 'last_used_at'])
        .execute();

      await db.schema
        .createTable('known_sources')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_success_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('known_sources_pk', ['user_id', 'source'])
        .execute();

      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`${sql.ref('role')} in (${sql.join(ROLES.map((r) => sql.lit(r)))})`),
        )
        .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('invitations_workspace_email', ['workspace_id', 'email'])
        .execute();
      await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'invitations',
        'known_sources',
        'known_devices',
        'login_pair_throttle',
        'login_throttle',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      await db.schema.alterTable('users').dropColumn('one_time_password_until').execute();
    },
  };
}
