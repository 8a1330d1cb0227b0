import type { Kysely, Migration } from 'kysely';

/**
 * Security audit campaigns (issue 15, CP5).
 *
 * - `audit_campaigns`: one campaign of a workspace — its scope file as written, the model
 *   version it resolves against, the vantage zone, optional limits, its status (queued, running,
 *   done, failed, cancelled), live progress and counts by severity (JSON), and the results file
 *   (`results_json`, read only by the routes that need it, never by lists).
 * - `audit_actions`: the workspace's action plan, one item per root cause (a check), kept
 *   across campaigns: its owner (a model identity), due date, status and note are the team's;
 *   the findings and severity come from the latest campaign that produced it.
 */
export function auditCampaignsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version_number', 'integer', (c) => c.notNull())
        .addColumn('vantage', 'text')
        .addColumn('scope_text', 'text', (c) => c.notNull())
        .addColumn('limits_json', 'text')
        .addColumn('networks_json', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('progress_json', 'text')
        .addColumn('counts_json', 'text')
        .addColumn('results_json', 'text')
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('audit_campaigns_workspace')
        .on('audit_campaigns')
        .columns(['workspace_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('audit_actions')
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('check_id', 'text', (c) => c.notNull())
        .addColumn('title_json', 'text', (c) => c.notNull())
        .addColumn('remediation_json', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('findings_json', 'text', (c) => c.notNull())
        .addColumn('entities_json', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('owner_name', 'text')
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) =>
          c.references('audit_campaigns.id').onDelete('set null'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_actions_pk', ['workspace_id', 'item_id'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['audit_actions', 'audit_campaigns']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
