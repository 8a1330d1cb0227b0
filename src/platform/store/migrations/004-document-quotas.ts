import type { Kysely, Migration } from 'kysely';

/**
 * Document quotas count a user's recent and pending documents in every workspace: an index by
 * requester and time keeps that count off the table (whose rows hold the files' bytes).
 */
export function documentQuotasMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('documents_creator')
        .on('documents')
        .columns(['created_by', 'created_at'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('documents_creator').execute();
    },
  };
}
