import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../schema.js';

/**
 * Analysis summaries per model version and language (the dashboard's trend), and generated
 * documents (DAT, analysis report) with their bytes, so any instance can serve them.
 */
export function analysesDocumentsMigration(dialect: StoreDialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('version_analyses')
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('summary_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('version_analyses_pk', ['workspace_id', 'number', 'locale'])
        .execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('version_number', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('file_name', 'text')
        .addColumn('content_type', 'text')
        .addColumn('size', 'integer')
        .addColumn('content', binary)
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('documents_workspace')
        .on('documents')
        .columns(['workspace_id', 'created_at'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('documents').execute();
      await db.schema.dropTable('version_analyses').execute();
    },
  };
}
