import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ConflictError, isUniqueViolation } from './errors.js';
import type { Clock, Database } from './schema.js';
import { inTransaction } from './transaction.js';

/** The model's YAML files, by relative path. */
export const modelFilesSchema = z.record(z.string(), z.string());
export type ModelFiles = z.infer<typeof modelFilesSchema>;

export interface VersionSummary {
  workspaceId: string;
  number: number;
  message: string;
  authorId: string | null;
  createdAt: string;
}

export interface ModelVersion extends VersionSummary {
  files: ModelFiles;
}

const summaryColumns = ['workspace_id', 'number', 'message', 'author_id', 'created_at'] as const;

interface SummaryRow {
  workspace_id: string;
  number: number;
  message: string;
  author_id: string | null;
  created_at: string;
}

function toSummary(row: SummaryRow): VersionSummary {
  return {
    workspaceId: row.workspace_id,
    number: row.number,
    message: row.message,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}

async function latestNumberOn(db: Kysely<Database>, workspaceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('model_versions')
    .select('number')
    .where('workspace_id', '=', workspaceId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number ?? null;
}

export type VersionsRepository = ReturnType<typeof createVersionsRepository>;

export function createVersionsRepository(db: Kysely<Database>, clock: Clock) {
  return {
    /**
     * Appends version `expectedLatest + 1` (or 1 when `expectedLatest` is null). Throws
     * ConflictError when the latest version is not `expectedLatest`, including when a concurrent
     * append wins the race (the primary key (workspace_id, number) rejects the loser). Inside
     * `store.transaction` it joins that transaction (on PostgreSQL the conflict then aborts it).
     */
    async append(
      workspaceId: string,
      expectedLatest: number | null,
      files: ModelFiles,
      message: string,
      authorId: string | null,
    ): Promise<VersionSummary> {
      const row = {
        workspace_id: workspaceId,
        number: (expectedLatest ?? 0) + 1,
        files_json: JSON.stringify(files),
        message,
        author_id: authorId,
        created_at: clock().toISOString(),
      };
      try {
        await inTransaction(db, async (trx) => {
          const actual = await latestNumberOn(trx, workspaceId);
          if (actual !== expectedLatest) {
            throw new ConflictError(
              `Version ${String(expectedLatest)} is no longer the latest (now ${String(actual)}).`,
              expectedLatest,
              actual,
            );
          }
          await trx.insertInto('model_versions').values(row).execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(
            `Version ${row.number} was created concurrently.`,
            expectedLatest,
            null,
          );
        }
        throw error;
      }
      return toSummary(row);
    },

    /** The latest version's number (null: none yet), without reading its files. */
    latestNumber(workspaceId: string): Promise<number | null> {
      return latestNumberOn(db, workspaceId);
    },

    async latest(workspaceId: string): Promise<ModelVersion | undefined> {
      const row = await db
        .selectFrom('model_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { ...toSummary(row), files: modelFilesSchema.parse(JSON.parse(row.files_json)) };
    },

    async get(workspaceId: string, number: number): Promise<ModelVersion | undefined> {
      const row = await db
        .selectFrom('model_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { ...toSummary(row), files: modelFilesSchema.parse(JSON.parse(row.files_json)) };
    },

    /** Newest first, without file bodies. */
    async list(workspaceId: string): Promise<VersionSummary[]> {
      const rows = await db
        .selectFrom('model_versions')
        .select(summaryColumns)
        .where('workspace_id', '=', workspaceId)
        .orderBy('number', 'desc')
        .execute();
      return rows.map(toSummary);
    },
  };
}
