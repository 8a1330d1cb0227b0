import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { err, ok, type Result } from '../../domain/result.js';
import type { DocumentQuotas } from '../limits.js';
import { newJobRow } from './jobs.js';
import { dialectOf } from './migrations/index.js';
import type { Clock, Database, DocumentStatus, DocumentsTable } from './schema.js';
import { inTransaction } from './transaction.js';

export type DocumentKind = 'dat' | 'analysis' | 'pra';
export type DocumentFileFormat = 'pdf' | 'docx' | 'html' | 'md';
export type DocumentLang = 'fr' | 'en';

/** A generated (or pending) document, without its bytes. */
export interface DocumentRecord {
  id: string;
  workspaceId: string;
  version: number;
  kind: DocumentKind;
  format: DocumentFileFormat;
  locale: DocumentLang;
  status: DocumentStatus;
  jobId: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface DocumentContent {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface NewDocument {
  workspaceId: string;
  version: number;
  kind: DocumentKind;
  format: DocumentFileFormat;
  locale: DocumentLang;
  createdBy: string | null;
}

export type DocumentQuotaName =
  'queued_per_user' | 'queued_per_workspace' | 'per_hour_per_user' | 'per_hour_per_workspace';

/** Why a document request was refused, and when it may succeed. */
export interface QuotaExceeded {
  readonly code: 'quota_exceeded';
  readonly quota: DocumentQuotaName;
  readonly limit: number;
  readonly retryAfterSeconds: number;
}

/** The job generating a requested document, queued in the same transaction. */
export interface DocumentJob {
  readonly kind: string;
  readonly payload: (documentId: string) => unknown;
}

const HOUR_MS = 3_600_000;

/**
 * Suggested wait when too many documents are queued or being generated: about the time a worker
 * takes to generate one (when one finishes, a slot is free).
 */
export const QUEUED_RETRY_SECONDS = 30;

const PENDING: readonly DocumentStatus[] = ['queued', 'running'];

/** Every column but `content` (lists never read the bytes). */
const COLUMNS = [
  'id',
  'workspace_id',
  'version_number',
  'kind',
  'format',
  'locale',
  'status',
  'job_id',
  'file_name',
  'content_type',
  'size',
  'error',
  'created_by',
  'created_at',
  'finished_at',
] as const;

type Row = Pick<Selectable<DocumentsTable>, (typeof COLUMNS)[number]>;

function toRecord(row: Row): DocumentRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    version: row.version_number,
    kind: row.kind as DocumentKind,
    format: row.format as DocumentFileFormat,
    locale: row.locale as DocumentLang,
    status: row.status,
    jobId: row.job_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** Both drivers return a Buffer for blob / bytea; a Uint8Array is accepted too. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);
  throw new TypeError('documents.content is not binary');
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;

/**
 * Generated documents (DAT, analysis report) and their bytes, so every server instance can
 * serve what any worker produced. Status: queued → running → done | failed.
 */
export function createDocumentsRepository(db: Kysely<Database>, clock: Clock) {
  const dialect = dialectOf(db as unknown as Kysely<unknown>);

  /**
   * Documents pending for the requester or the workspace: the document is not finished AND its
   * job may still run (a document whose job gave up, or that has no job, holds no slot).
   */
  const pendingCount = async (
    trx: Kysely<Database>,
    column: 'workspace_id' | 'created_by',
    value: string,
    limit: number,
  ): Promise<number> => {
    const rows = await trx
      .selectFrom('documents')
      .innerJoin('jobs', 'jobs.id', 'documents.job_id')
      .select('documents.id')
      .where(`documents.${column}`, '=', value)
      .where('documents.status', 'in', PENDING)
      .where('jobs.status', 'in', ['queued', 'running'])
      .limit(limit)
      .execute();
    return rows.length;
  };

  /**
   * Seconds until fewer than `limit` documents were requested in the last hour, or undefined
   * when that is already the case. The `limit` newest requests of the hour are read (index
   * order): once the oldest of them is an hour old, one slot is free.
   */
  const hourlyWait = async (
    trx: Kysely<Database>,
    column: 'workspace_id' | 'created_by',
    value: string,
    limit: number,
    now: number,
  ): Promise<number | undefined> => {
    const rows = await trx
      .selectFrom('documents')
      .select('created_at')
      .where(column, '=', value)
      .where('created_at', '>', new Date(now - HOUR_MS).toISOString())
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    const oldest = rows[limit - 1];
    if (oldest === undefined) return undefined;
    return Math.max(1, Math.ceil((Date.parse(oldest.created_at) + HOUR_MS - now) / 1000));
  };

  /** The exceeded quota with the longest wait (retrying sooner would fail again). */
  const exceededQuota = async (
    trx: Kysely<Database>,
    input: NewDocument,
    quotas: DocumentQuotas,
    now: number,
  ): Promise<QuotaExceeded | undefined> => {
    const exceeded: QuotaExceeded[] = [];
    const add = (quota: DocumentQuotaName, limit: number, wait: number | undefined): void => {
      if (wait !== undefined) {
        exceeded.push({ code: 'quota_exceeded', quota, limit, retryAfterSeconds: wait });
      }
    };
    const queued = async (column: 'workspace_id' | 'created_by', value: string, limit: number) =>
      (await pendingCount(trx, column, value, limit)) >= limit ? QUEUED_RETRY_SECONDS : undefined;
    const { workspaceId, createdBy } = input;
    if (createdBy !== null) {
      add(
        'queued_per_user',
        quotas.queuedPerUser,
        await queued('created_by', createdBy, quotas.queuedPerUser),
      );
      add(
        'per_hour_per_user',
        quotas.perHourPerUser,
        await hourlyWait(trx, 'created_by', createdBy, quotas.perHourPerUser, now),
      );
    }
    add(
      'queued_per_workspace',
      quotas.queuedPerWorkspace,
      await queued('workspace_id', workspaceId, quotas.queuedPerWorkspace),
    );
    add(
      'per_hour_per_workspace',
      quotas.perHourPerWorkspace,
      await hourlyWait(trx, 'workspace_id', workspaceId, quotas.perHourPerWorkspace, now),
    );
    return exceeded.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
  };

  const rowOf = (input: NewDocument, createdAt: string, jobId: string | null): Row => ({
    id: randomUUID(),
    workspace_id: input.workspaceId,
    version_number: input.version,
    kind: input.kind,
    format: input.format,
    locale: input.locale,
    status: 'queued',
    job_id: jobId,
    file_name: null,
    content_type: null,
    size: null,
    error: null,
    created_by: input.createdBy,
    created_at: createdAt,
    finished_at: null,
  });

  return {
    /**
     * A queued document and the job that generates it, or the quota it would exceed (nothing is
     * stored then). Counted in the database in one transaction, so every instance sees the same
     * counts; on PostgreSQL the workspace's and the requester's rows are locked first (always in
     * that order) so two concurrent requests cannot both take the last slot.
     */
    async request(
      input: NewDocument,
      quotas: DocumentQuotas,
      job: DocumentJob,
    ): Promise<Result<DocumentRecord, QuotaExceeded>> {
      return inTransaction(db, async (trx) => {
        if (dialect === 'postgres') {
          await trx
            .selectFrom('workspaces')
            .select('id')
            .where('id', '=', input.workspaceId)
            .forNoKeyUpdate()
            .execute();
          if (input.createdBy !== null) {
            await trx
              .selectFrom('users')
              .select('id')
              .where('id', '=', input.createdBy)
              .forNoKeyUpdate()
              .execute();
          }
        }
        const now = clock();
        const exceeded = await exceededQuota(trx, input, quotas, now.getTime());
        if (exceeded !== undefined) return err(exceeded);
        const id = randomUUID();
        const jobRow = newJobRow(job.kind, job.payload(id), now);
        const row: Row = { ...rowOf(input, now.toISOString(), jobRow.id), id };
        // The document first: a worker never claims a job for a missing document.
        await trx
          .insertInto('documents')
          .values({ ...row, content: null })
          .execute();
        await trx.insertInto('jobs').values(jobRow).execute();
        return ok(toRecord(row));
      });
    },

    /** A queued document (no job yet: attach it with {@link setJob}). */
    async create(input: NewDocument): Promise<DocumentRecord> {
      const row = rowOf(input, clock().toISOString(), null);
      await db
        .insertInto('documents')
        .values({ ...row, content: null })
        .execute();
      return toRecord(row);
    },

    async setJob(id: string, jobId: string): Promise<void> {
      await db.updateTable('documents').set({ job_id: jobId }).where('id', '=', id).execute();
    },

    /** queued (or running again, on a retry) → running; false when already finished. */
    async markRunning(id: string): Promise<boolean> {
      const outcome = await db
        .updateTable('documents')
        .set({ status: 'running' })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n;
    },

    /** Stores the bytes and marks the document done (only while not finished). */
    async complete(id: string, file: DocumentContent): Promise<boolean> {
      const outcome = await db
        .updateTable('documents')
        .set({
          status: 'done',
          file_name: file.fileName,
          content_type: file.contentType,
          size: file.content.length,
          content: file.content,
          error: null,
          finished_at: clock().toISOString(),
        })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n;
    },

    /** Marks the document failed with a message for the user (only while not finished). */
    async fail(id: string, error: string): Promise<boolean> {
      const outcome = await db
        .updateTable('documents')
        .set({ status: 'failed', error, finished_at: clock().toISOString() })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n;
    },

    /** Newest first. */
    async list(workspaceId: string, limit = 50): Promise<DocumentRecord[]> {
      const rows = await db
        .selectFrom('documents')
        .select(COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },

    /** One document of the workspace (undefined for another workspace's id). */
    async get(workspaceId: string, id: string): Promise<DocumentRecord | undefined> {
      const row = await db
        .selectFrom('documents')
        .select(COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    /** By id alone, for the job that generates it. */
    async getById(id: string): Promise<DocumentRecord | undefined> {
      const row = await db
        .selectFrom('documents')
        .select(COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    /** The bytes of a finished document of the workspace. */
    async getContent(workspaceId: string, id: string): Promise<DocumentContent | undefined> {
      const row = await db
        .selectFrom('documents')
        .select(['file_name', 'content_type', 'content'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', '=', 'done')
        .executeTakeFirst();
      if (row === undefined || row.content === null) return undefined;
      return {
        fileName: row.file_name ?? 'document',
        contentType: row.content_type ?? 'application/octet-stream',
        content: toBuffer(row.content),
      };
    },
  };
}
