import type { Kysely } from 'kysely';
import type { Clock, Database } from './schema.js';

/** One stored analysis summary of a model version in one language (the dashboard's trend). */
export interface StoredAnalysis {
  workspaceId: string;
  number: number;
  locale: string;
  /** The summary as JSON (its shape belongs to the analysis service). */
  summary: unknown;
  createdAt: string;
}

interface Row {
  workspace_id: string;
  number: number;
  locale: string;
  summary_json: string;
  created_at: string;
}

function toStored(row: Row): StoredAnalysis {
  return {
    workspaceId: row.workspace_id,
    number: row.number,
    locale: row.locale,
    summary: JSON.parse(row.summary_json) as unknown,
    createdAt: row.created_at,
  };
}

export type AnalysesRepository = ReturnType<typeof createAnalysesRepository>;

/**
 * Analysis summaries per version and locale. Versions are immutable, so a summary is written
 * once: a second `put` for the same key keeps the first (concurrent writers do not fail).
 */
export function createAnalysesRepository(db: Kysely<Database>, clock: Clock) {
  return {
    async get(
      workspaceId: string,
      number: number,
      locale: string,
    ): Promise<StoredAnalysis | undefined> {
      const row = await db
        .selectFrom('version_analyses')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('number', '=', number)
        .where('locale', '=', locale)
        .executeTakeFirst();
      return row === undefined ? undefined : toStored(row);
    },

    async put(
      workspaceId: string,
      number: number,
      locale: string,
      summary: unknown,
    ): Promise<void> {
      await db
        .insertInto('version_analyses')
        .values({
          workspace_id: workspaceId,
          number,
          locale,
          summary_json: JSON.stringify(summary),
          created_at: clock().toISOString(),
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'number', 'locale']).doNothing())
        .execute();
    },

    /** Summaries of a workspace, newest version first; only one locale when given. */
    async list(
      workspaceId: string,
      options: { locale?: string; from?: number; to?: number } = {},
    ): Promise<StoredAnalysis[]> {
      let query = db
        .selectFrom('version_analyses')
        .selectAll()
        .where('workspace_id', '=', workspaceId);
      if (options.locale !== undefined) query = query.where('locale', '=', options.locale);
      if (options.from !== undefined) query = query.where('number', '>=', options.from);
      if (options.to !== undefined) query = query.where('number', '<=', options.to);
      const rows = await query.orderBy('number', 'desc').orderBy('locale').execute();
      return rows.map(toStored);
    },
  };
}
