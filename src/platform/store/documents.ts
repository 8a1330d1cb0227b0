import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Clock, Database, DocumentStatus, DocumentsTable } from './schema.js';

export type DocumentKind = 'dat' | 'analysis';
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
  return {
    /** A queued document (no job yet: attach it with {@link setJob}). */
    async create(input: NewDocument): Promise<DocumentRecord> {
      const row: Row = {
        id: randomUUID(),
        workspace_id: input.workspaceId,
        version_number: input.version,
        kind: input.kind,
        format: input.format,
        locale: input.locale,
        status: 'queued',
        job_id: null,
        file_name: null,
        content_type: null,
        size: null,
        error: null,
        created_by: input.createdBy,
        created_at: clock().toISOString(),
        finished_at: null,
      };
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
