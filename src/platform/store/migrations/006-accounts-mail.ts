import type { Kysely, Migration } from 'kysely';

/**
 * Accounts and mail (issue 12).
 *
 * - `settings`: platform settings by key, as JSON (the SMTP server: `smtp`).
 * - `users.disabled_at`: an administrator disabled the account (sign-in refused, sessions gone).
 * - `users.must_change_password`: 1 after a one-time password; the API refuses everything but
 *   the password change until the person chooses one.
 * - `sign_in_history`: sign-ins of each account (time, address, user agent, outcome; the
 *   reason of a failure is kept for administrators only).
 * - `invitation_tokens`: the single-use links mailed with an invitation (only the hash of the
 *   token is kept), with their own expiry and the time they were used.
 */
export function accountsMailMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value_json', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();

      await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('sign_in_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createIndex('sign_in_history_user_at')
        .on('sign_in_history')
        .columns(['user_id', 'at'])
        .execute();
      await db.schema
        .createIndex('sign_in_history_at')
        .on('sign_in_history')
        .column('at')
        .execute();

      await db.schema
        .createTable('invitation_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('invitation_id', 'text', (c) => c.notNull())
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('invitation_tokens_invitation')
        .on('invitation_tokens')
        .column('invitation_id')
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['invitation_tokens', 'sign_in_history', 'settings']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      await db.schema.alterTable('users').dropColumn('must_change_password').execute();
      await db.schema.alterTable('users').dropColumn('disabled_at').execute();
    },
  };
}
