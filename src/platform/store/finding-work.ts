/**
 * Work on findings: who a finding is assigned to (a member), its due date, the comments on it,
 * and the review-date reminders already sent. Findings are recomputed for every model version;
 * this work is keyed by (workspace, finding id) so it follows a finding into every version where
 * it persists. Callers check that an assignee is a member and that the finding exists.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock, Database } from './schema.js';
import { inTransaction } from './transaction.js';

/** A finding's assignee and due date (null when none). */
export interface FindingWork {
  readonly findingId: string;
  readonly assignee: {
    readonly id: string;
    readonly displayName: string;
    readonly email: string;
  } | null;
  /** ISO date (YYYY-MM-DD). */
  readonly dueDate: string | null;
  readonly updatedAt: string;
  /** How many comments the finding has. */
  readonly comments: number;
}

/** What to change of a finding's work: a field left out is kept, null clears it. */
export interface FindingWorkPatch {
  readonly assigneeId?: string | null;
  readonly dueDate?: string | null;
}

/** The work fields as stored, for audit entries. */
export interface WorkFields {
  readonly assigneeId: string | null;
  readonly dueDate: string | null;
}

export interface WorkChange {
  readonly findingId: string;
  readonly before: WorkFields;
  readonly after: WorkFields;
}

export interface FindingComment {
  readonly id: string;
  readonly findingId: string;
  readonly authorId: string | null;
  /** The author's display name; null once the account is gone. */
  readonly authorName: string | null;
  readonly body: string;
  readonly createdAt: string;
}

export type ReminderKind = 'upcoming' | 'lapsed';

const NONE: WorkFields = { assigneeId: null, dueDate: null };

export type FindingWorkRepository = ReturnType<typeof createFindingWorkRepository>;

export function createFindingWorkRepository(db: Kysely<Database>, clock: Clock) {
  const now = (): string => clock().toISOString();

  async function fieldsOf(
    on: Kysely<Database>,
    workspaceId: string,
    findingIds: readonly string[],
  ): Promise<Map<string, WorkFields>> {
    const result = new Map<string, WorkFields>();
    // bounded IN lists (PostgreSQL and SQLite both cap the parameters of one statement)
    for (let i = 0; i < findingIds.length; i += 500) {
      const rows = await on
        .selectFrom('finding_work')
        .select(['finding_id', 'assignee_id', 'due_date'])
        .where('workspace_id', '=', workspaceId)
        .where('finding_id', 'in', findingIds.slice(i, i + 500))
        .execute();
      for (const row of rows) {
        result.set(row.finding_id, { assigneeId: row.assignee_id, dueDate: row.due_date });
      }
    }
    return result;
  }

  /**
   * Applies `patch` to each finding's work in one transaction; a finding left with neither
   * assignee nor due date has no row. Returns the changes (findings whose fields changed).
   */
  async function update(
    workspaceId: string,
    findingIds: readonly string[],
    patch: FindingWorkPatch,
    updatedBy: string | null,
  ): Promise<WorkChange[]> {
    const ids = [...new Set(findingIds)];
    return inTransaction(db, async (trx) => {
      const current = await fieldsOf(trx, workspaceId, ids);
      const changes: WorkChange[] = [];
      const at = now();
      for (const findingId of ids) {
        const before = current.get(findingId) ?? NONE;
        const after: WorkFields = {
          assigneeId: patch.assigneeId === undefined ? before.assigneeId : patch.assigneeId,
          dueDate: patch.dueDate === undefined ? before.dueDate : patch.dueDate,
        };
        if (after.assigneeId === before.assigneeId && after.dueDate === before.dueDate) continue;
        changes.push({ findingId, before, after });
        if (after.assigneeId === null && after.dueDate === null) {
          await trx
            .deleteFrom('finding_work')
            .where('workspace_id', '=', workspaceId)
            .where('finding_id', '=', findingId)
            .execute();
          continue;
        }
        const values = {
          assignee_id: after.assigneeId,
          due_date: after.dueDate,
          updated_by: updatedBy,
          updated_at: at,
        };
        await trx
          .insertInto('finding_work')
          .values({ workspace_id: workspaceId, finding_id: findingId, ...values })
          .onConflict((oc) => oc.columns(['workspace_id', 'finding_id']).doUpdateSet(values))
          .execute();
      }
      return changes;
    });
  }

  return {
    /** The work on every finding of the workspace that has some (assignee, due date, comments). */
    async list(workspaceId: string): Promise<FindingWork[]> {
      const [rows, counts] = await Promise.all([
        db
          .selectFrom('finding_work')
          .leftJoin('users', 'users.id', 'finding_work.assignee_id')
          .select([
            'finding_work.finding_id',
            'finding_work.assignee_id',
            'finding_work.due_date',
            'finding_work.updated_at',
            'users.display_name',
            'users.email',
          ])
          .where('finding_work.workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('finding_comments')
          .select(['finding_id', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('workspace_id', '=', workspaceId)
          .groupBy('finding_id')
          .execute(),
      ]);
      const commentsOf = new Map(counts.map((c) => [c.finding_id, Number(c.n)]));
      const result = new Map<string, FindingWork>();
      for (const row of rows) {
        result.set(row.finding_id, {
          findingId: row.finding_id,
          assignee:
            row.assignee_id === null || row.display_name === null || row.email === null
              ? null
              : { id: row.assignee_id, displayName: row.display_name, email: row.email },
          dueDate: row.due_date,
          updatedAt: row.updated_at,
          comments: commentsOf.get(row.finding_id) ?? 0,
        });
      }
      for (const [findingId, comments] of commentsOf) {
        if (!result.has(findingId)) {
          result.set(findingId, {
            findingId,
            assignee: null,
            dueDate: null,
            updatedAt: '',
            comments,
          });
        }
      }
      return [...result.values()].sort((a, b) =>
        a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0,
      );
    },

    /** The work on one finding (no assignee, no due date, no comments when none). */
    async get(workspaceId: string, findingId: string): Promise<FindingWork> {
      const row = await db
        .selectFrom('finding_work')
        .leftJoin('users', 'users.id', 'finding_work.assignee_id')
        .select([
          'finding_work.assignee_id',
          'finding_work.due_date',
          'finding_work.updated_at',
          'users.display_name',
          'users.email',
        ])
        .where('finding_work.workspace_id', '=', workspaceId)
        .where('finding_work.finding_id', '=', findingId)
        .executeTakeFirst();
      const count = await db
        .selectFrom('finding_comments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('finding_id', '=', findingId)
        .executeTakeFirst();
      return {
        findingId,
        assignee:
          row?.assignee_id == null || row.display_name === null || row.email === null
            ? null
            : { id: row.assignee_id, displayName: row.display_name, email: row.email },
        dueDate: row?.due_date ?? null,
        updatedAt: row?.updated_at ?? '',
        comments: Number(count?.n ?? 0),
      };
    },

    /** Sets (or clears) the assignee and/or due date of one finding; the change, if any. */
    async set(
      workspaceId: string,
      findingId: string,
      patch: FindingWorkPatch,
      updatedBy: string | null,
    ): Promise<WorkChange | undefined> {
      return (await update(workspaceId, [findingId], patch, updatedBy))[0];
    },

    /** The same change to several findings at once (bulk assignment), in one transaction. */
    setMany: update,

    /** Adds a comment (body as given: the caller trims and bounds it). */
    async addComment(input: {
      workspaceId: string;
      findingId: string;
      authorId: string;
      body: string;
    }): Promise<FindingComment> {
      const row = {
        id: randomUUID(),
        workspace_id: input.workspaceId,
        finding_id: input.findingId,
        author_id: input.authorId,
        body: input.body,
        created_at: now(),
      };
      await db.insertInto('finding_comments').values(row).execute();
      const author = await db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', input.authorId)
        .executeTakeFirst();
      return {
        id: row.id,
        findingId: row.finding_id,
        authorId: row.author_id,
        authorName: author?.display_name ?? null,
        body: row.body,
        createdAt: row.created_at,
      };
    },

    /** The comments on a finding, oldest first. */
    async listComments(workspaceId: string, findingId: string): Promise<FindingComment[]> {
      const rows = await db
        .selectFrom('finding_comments')
        .leftJoin('users', 'users.id', 'finding_comments.author_id')
        .selectAll('finding_comments')
        .select('users.display_name as author_name')
        .where('finding_comments.workspace_id', '=', workspaceId)
        .where('finding_comments.finding_id', '=', findingId)
        .orderBy('finding_comments.created_at')
        .orderBy('finding_comments.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        findingId: row.finding_id,
        authorId: row.author_id,
        authorName: row.author_name,
        body: row.body,
        createdAt: row.created_at,
      }));
    },

    /** One comment of the workspace (undefined when it is not one of its comments). */
    async getComment(workspaceId: string, commentId: string): Promise<FindingComment | undefined> {
      const row = await db
        .selectFrom('finding_comments')
        .leftJoin('users', 'users.id', 'finding_comments.author_id')
        .selectAll('finding_comments')
        .select('users.display_name as author_name')
        .where('finding_comments.workspace_id', '=', workspaceId)
        .where('finding_comments.id', '=', commentId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            id: row.id,
            findingId: row.finding_id,
            authorId: row.author_id,
            authorName: row.author_name,
            body: row.body,
            createdAt: row.created_at,
          };
    },

    /** Deletes a comment of the workspace; false when there is none with this id. */
    async deleteComment(workspaceId: string, commentId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('finding_comments')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', commentId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /**
     * Claims the sending of a reminder: true the first time for (finding, kind, review date),
     * false afterwards (also when another instance claimed it first). Release the claim when the
     * e-mail could not be sent, so that the next run tries again.
     */
    async claimReminder(
      workspaceId: string,
      findingId: string,
      kind: ReminderKind,
      reviewDate: string,
    ): Promise<boolean> {
      const result = await db
        .insertInto('reminders_sent')
        .values({
          workspace_id: workspaceId,
          finding_id: findingId,
          kind,
          review_date: reviewDate,
          sent_at: now(),
        })
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'finding_id', 'kind', 'review_date']).doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Forgets a claimed reminder (its e-mail could not be sent). */
    async releaseReminder(
      workspaceId: string,
      findingId: string,
      kind: ReminderKind,
      reviewDate: string,
    ): Promise<void> {
      await db
        .deleteFrom('reminders_sent')
        .where('workspace_id', '=', workspaceId)
        .where('finding_id', '=', findingId)
        .where('kind', '=', kind)
        .where('review_date', '=', reviewDate)
        .execute();
    },

    /** The reminders already sent in the workspace (`finding|kind|reviewDate` keys). */
    async sentReminders(workspaceId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('reminders_sent')
        .select(['finding_id', 'kind', 'review_date'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Set(rows.map((r) => `${r.finding_id}|${r.kind}|${r.review_date}`));
    },
  };
}
