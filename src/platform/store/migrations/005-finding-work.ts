import type { Kysely, Migration } from 'kysely';

/**
 * Work on findings, kept beside the model (findings are computed per version, so their work is
 * keyed by workspace and finding id: it follows the finding into every new version where it
 * persists).
 *
 * - `finding_work`: the member a finding is assigned to and its due date (either may be null).
 * - `finding_comments`: comments on a finding; the author's id is kept null once the account
 *   is gone (the comment stays).
 * - `reminders_sent`: the e-mail reminders about a risk decision's review date already sent,
 *   one row per (finding, kind, review date) so that each is sent once.
 */
export function findingWorkMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('finding_work')
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('finding_id', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('due_date', 'text')
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('finding_work_pk', ['workspace_id', 'finding_id'])
        .execute();
      await db.schema
        .createIndex('finding_work_assignee')
        .on('finding_work')
        .columns(['assignee_id', 'workspace_id'])
        .execute();

      await db.schema
        .createTable('finding_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('finding_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('finding_comments_finding')
        .on('finding_comments')
        .columns(['workspace_id', 'finding_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('reminders_sent')
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('finding_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('review_date', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminders_sent_pk', [
          'workspace_id',
          'finding_id',
          'kind',
          'review_date',
        ])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['reminders_sent', 'finding_comments', 'finding_work']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
