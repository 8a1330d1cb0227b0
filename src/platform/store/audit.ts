import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Clock, Database } from './schema.js';

export interface AuditEntryInput {
  workspaceId: string | null;
  userId: string | null;
  action: string;
  entityKind: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  workspaceId: string | null;
  userId: string | null;
  at: string;
  action: string;
  entityKind: string;
  entityId: string | null;
  /** Parsed JSON; null when absent. */
  before: unknown;
  after: unknown;
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    at: row.at,
    action: row.action,
    entityKind: row.entity_kind,
    entityId: row.entity_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: number | null;
}

/** Filters of an audit list (all optional, combined with "and"). */
export interface AuditFilter {
  /** Entries written by this account. */
  readonly userId?: string;
  /** This action (`member.change_role`), or every action of a family (`member`, `model.entity`). */
  readonly action?: string;
  readonly entityKind?: string;
  readonly entityId?: string;
  /** ISO timestamps: `from` inclusive, `to` exclusive. */
  readonly from?: string;
  readonly to?: string;
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

export function createAuditRepository(db: Kysely<Database>, clock: Clock) {
  return {
    async append(input: AuditEntryInput): Promise<number> {
      const row = await db
        .insertInto('audit_log')
        .values({
          workspace_id: input.workspaceId,
          user_id: input.userId,
          at: clock().toISOString(),
          action: input.action,
          entity_kind: input.entityKind,
          entity_id: input.entityId ?? null,
          before_json: input.before === undefined ? null : JSON.stringify(input.before),
          after_json: input.after === undefined ? null : JSON.stringify(input.after),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Newest first, keyset-paged by id (`before` is the previous page's nextCursor), filtered by
     * `filter`. `workspaceId` null lists the platform's own entries (accounts, settings).
     */
    async list(
      workspaceId: string | null,
      options: { limit?: number; before?: number; filter?: AuditFilter } = {},
    ): Promise<AuditPage> {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
      const filter = options.filter ?? {};
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (options.before !== undefined) query = query.where('id', '<', options.before);
      if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
      if (filter.action !== undefined) {
        const action = filter.action;
        // a family (`member`) matches its actions (`member.remove`); LIKE's wildcards escaped
        const family = `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
        query = query.where((eb) =>
          eb.or([
            eb('action', '=', action),
            eb('action', 'like', sql<string>`${family} escape '\\'`),
          ]),
        );
      }
      if (filter.entityKind !== undefined) {
        query = query.where('entity_kind', '=', filter.entityKind);
      }
      if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
      if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('at', '<', filter.to);
      const rows = await query.execute();
      const entries = rows.slice(0, limit).map(toEntry);
      const last = entries.at(-1);
      return {
        entries,
        nextCursor: rows.length > limit && last !== undefined ? last.id : null,
      };
    },

    /** The accounts that wrote entries in the log (the "who" filter's choices). */
    async authors(workspaceId: string | null): Promise<string[]> {
      const rows = await db
        .selectFrom('audit_log')
        .select('user_id')
        .distinct()
        .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
        .where('user_id', 'is not', null)
        .execute();
      return rows.flatMap((row) => (row.user_id === null ? [] : [row.user_id])).sort();
    },

    /** Every entry of the workspace, oldest first, for CSV/JSON export. */
    async exportAll(workspaceId: string): Promise<AuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toEntry);
    },
  };
}
