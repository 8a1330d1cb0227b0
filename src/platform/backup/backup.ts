import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { runTransaction } from '../store/transaction.js';

export const BACKUP_FORMAT = 'vigie-backup';
export const BACKUP_VERSION = 1;
/** Longest accepted line of a backup file (decompressed bytes). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

type TableName = keyof Database;

/** Raw bytes per chunk of a binary cell (a multiple of 3: each chunk is whole base64). */
export const BINARY_CHUNK_BYTES = 3 * 1024 * 1024;
/** Bytes of decoded binary cells held before the pending rows are inserted. */
const BINARY_BATCH_BYTES = 16 * 1024 * 1024;

interface TableSpec {
  name: TableName;
  columns: readonly string[];
  key: readonly string[];
  /**
   * Binary columns (SQLite blob, PostgreSQL bytea): written as base64, the first
   * {@link BINARY_CHUNK_BYTES} in the row line, the rest in continuation lines
   * `{ table, more: column, data }` right after it, so no line outgrows `MAX_LINE_BYTES`.
   */
  binary?: readonly string[];
  /** Rows read per page (default 500; fewer for tables holding large cells). */
  pageSize?: number;
}

/**
 * Tables in foreign-key order (parents first), with their columns and primary key (the read
 * order, so a backup of the same data is the same file).
 */
const TABLES: readonly TableSpec[] = [
  {
    name: 'users',
    columns: [
      'id',
      'email',
      'display_name',
      'password_hash',
      'is_admin',
      'created_at',
      'failed_logins',
      'locked_until',
      'password_changed_at',
      'one_time_password_until',
      'disabled_at',
      'must_change_password',
    ],
    key: ['id'],
  },
  {
    name: 'sessions',
    columns: ['token_hash', 'user_id', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at'],
    key: ['token_hash'],
  },
  { name: 'workspaces', columns: ['id', 'slug', 'name', 'created_at'], key: ['id'] },
  {
    name: 'memberships',
    columns: ['workspace_id', 'user_id', 'role'],
    key: ['workspace_id', 'user_id'],
  },
  {
    name: 'model_versions',
    columns: ['workspace_id', 'number', 'files_json', 'message', 'author_id', 'created_at'],
    key: ['workspace_id', 'number'],
  },
  {
    name: 'audit_log',
    columns: [
      'id',
      'workspace_id',
      'user_id',
      'at',
      'action',
      'entity_kind',
      'entity_id',
      'before_json',
      'after_json',
    ],
    key: ['id'],
  },
  { name: 'locks', columns: ['name', 'holder', 'expires_at'], key: ['name'] },
  {
    name: 'jobs',
    columns: [
      'id',
      'kind',
      'payload_json',
      'status',
      'run_after',
      'attempts',
      'max_attempts',
      'locked_by',
      'locked_until',
      'result_json',
      'error',
      'created_at',
    ],
    key: ['id'],
  },
  {
    name: 'version_analyses',
    columns: ['workspace_id', 'number', 'locale', 'summary_json', 'created_at'],
    key: ['workspace_id', 'number', 'locale'],
  },
  {
    name: 'documents',
    columns: [
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
      'content',
      'error',
      'created_by',
      'created_at',
      'finished_at',
    ],
    key: ['id'],
    binary: ['content'],
    pageSize: 10,
  },
  {
    name: 'invitations',
    columns: ['id', 'workspace_id', 'email', 'role', 'invited_by', 'created_at', 'expires_at'],
    key: ['id'],
  },
  {
    name: 'known_devices',
    columns: ['token_hash', 'user_id', 'created_at', 'last_used_at'],
    key: ['token_hash', 'user_id'],
  },
  {
    name: 'known_sources',
    columns: ['user_id', 'source', 'created_at', 'last_success_at'],
    key: ['user_id', 'source'],
  },
  {
    name: 'finding_work',
    columns: ['workspace_id', 'finding_id', 'assignee_id', 'due_date', 'updated_by', 'updated_at'],
    key: ['workspace_id', 'finding_id'],
  },
  {
    name: 'finding_comments',
    columns: ['id', 'workspace_id', 'finding_id', 'author_id', 'body', 'created_at'],
    key: ['id'],
  },
  {
    name: 'reminders_sent',
    columns: ['workspace_id', 'finding_id', 'kind', 'review_date', 'sent_at'],
    key: ['workspace_id', 'finding_id', 'kind', 'review_date'],
  },
  {
    name: 'login_throttle',
    columns: ['account_key', 'failures', 'locked_until', 'last_failure_at'],
    key: ['account_key'],
  },
  {
    name: 'login_pair_throttle',
    columns: ['account_key', 'source', 'failures', 'blocked_until', 'last_failure_at'],
    key: ['account_key', 'source'],
  },
  {
    // The SMTP settings (`smtp`) include the SMTP password, as stored: a backup is a full copy
    // of the store (it already holds password hashes and the session-token hashes), so a
    // restored platform sends mail at once. Keep backup files as secret as the database; the
    // backup never prints a cell, only row counts.
    name: 'settings',
    columns: ['key', 'value_json', 'updated_at', 'updated_by'],
    key: ['key'],
  },
  {
    name: 'sign_in_history',
    columns: ['id', 'user_id', 'at', 'ip', 'user_agent', 'success', 'reason'],
    key: ['id'],
  },
  {
    name: 'invitation_tokens',
    columns: [
      'token_hash',
      'invitation_id',
      'workspace_id',
      'email',
      'created_at',
      'expires_at',
      'used_at',
    ],
    key: ['token_hash'],
  },
  {
    name: 'audit_campaigns',
    columns: [
      'id',
      'workspace_id',
      'name',
      'version_number',
      'vantage',
      'scope_text',
      'limits_json',
      'networks_json',
      'locale',
      'status',
      'job_id',
      'progress_json',
      'counts_json',
      'results_json',
      'error',
      'created_by',
      'created_at',
      'started_at',
      'finished_at',
    ],
    key: ['id'],
    pageSize: 10,
  },
  {
    name: 'audit_actions',
    columns: [
      'workspace_id',
      'item_id',
      'check_id',
      'title_json',
      'remediation_json',
      'severity',
      'findings_json',
      'entities_json',
      'owner',
      'owner_name',
      'due_date',
      'status',
      'note',
      'campaign_id',
      'created_at',
      'updated_by',
      'updated_at',
    ],
    key: ['workspace_id', 'item_id'],
  },
];

/**
 * Tables of the store deliberately left out of backups, with the reason (none today). A table
 * of the schema that is neither backed up nor listed here fails the backup tests, so a new
 * migration's table cannot be forgotten silently.
 */
export const BACKUP_EXCLUDED_TABLES: Readonly<Record<string, string>> = {};

/**
 * What a backup carries: each table (restore order) with its columns and the key rows are read
 * by. A backup made before a column existed restores with the column's default (for example
 * `users.must_change_password` 0, `users.disabled_at` null); a table it lacks stays empty.
 */
export const BACKUP_SCHEMA: readonly {
  readonly name: TableName;
  readonly columns: readonly string[];
  readonly key: readonly string[];
}[] = TABLES.map(({ name, columns, key }) => ({ name, columns, key }));

/** Names of the backed-up tables, in restore order. */
export const BACKUP_TABLES: readonly TableName[] = TABLES.map((t) => t.name);

const READ_BATCH = 500;
const INSERT_BATCH = 100;

export type BackupErrorCode =
  | 'backup.not_a_backup'
  | 'backup.unsupported_version'
  | 'backup.newer_schema'
  | 'backup.target_not_empty'
  | 'backup.malformed_line'
  | 'backup.line_too_long'
  | 'backup.too_large'
  | 'backup.truncated'
  | 'backup.corrupt';

/** A refused backup or restore; `line` is the 1-based line of the file at fault, if any. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly localized: { en: string; fr: string },
    readonly line?: number,
  ) {
    super(localized.en);
    this.name = 'BackupError';
  }
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export interface BackupSummary {
  header: BackupHeader;
  /** Rows per table. */
  rows: Record<string, number>;
}

/**
 * Guards of {@link restoreStore}: longest line (default 16 MB), and decompressed size at most
 * `maxRatio × file size + slackBytes` (defaults 200 and 64 MB) against gzip bombs.
 */
export interface RestoreLimits {
  maxLineBytes?: number;
  maxRatio?: number;
  slackBytes?: number;
}

type Cell = string | number | null;
/** A row ready to insert: binary cells decoded. */
type InsertRow = Record<string, Cell | Buffer>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function asBuffer(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);
  // Anything else in a binary column is a bug in the schema, not user data.
  throw new TypeError('binary column holds a non-binary value');
}

/**
 * The backup lines of one row: binary cells become base64, cut into continuation lines past
 * {@link BINARY_CHUNK_BYTES}.
 */
function rowLines(spec: TableSpec, raw: Record<string, unknown>): unknown[] {
  if (spec.binary === undefined) return [{ table: spec.name, row: raw }];
  const row: Record<string, unknown> = { ...raw };
  const more: unknown[] = [];
  for (const column of spec.binary) {
    const bytes = asBuffer(raw[column]);
    if (bytes === null) {
      row[column] = null;
      continue;
    }
    row[column] = bytes.subarray(0, BINARY_CHUNK_BYTES).toString('base64');
    for (let at = BINARY_CHUNK_BYTES; at < bytes.length; at += BINARY_CHUNK_BYTES) {
      more.push({
        table: spec.name,
        more: column,
        data: bytes.subarray(at, at + BINARY_CHUNK_BYTES).toString('base64'),
      });
    }
  }
  return [{ table: spec.name, row }, ...more];
}

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{
    name: string;
  }>`select name from ${sql.table('kysely_migration')} order by name`.execute(db);
  return result.rows.map((r) => r.name);
}

/**
 * Writes a consistent copy of every table to `file`: gzip'd JSON lines, a header then one
 * `{ table, row }` per row, then an end marker `{ end: true, rows }`. All tables are read in one
 * read transaction (a snapshot), page by page, and streamed to disk. Refuses to overwrite an
 * existing file; on failure the partial file is removed. `target` may instead be a stream the
 * caller owns (and cleans up on failure); its errors end the backup, they never stall it.
 */
export async function backupStore(store: Store, target: string | Writable): Promise<BackupSummary> {
  const gzip = createGzip();
  const opened = { done: false };
  let out: Writable;
  if (typeof target === 'string') {
    const file = createWriteStream(target, { flags: 'wx', mode: 0o600 });
    file.on('open', () => {
      opened.done = true;
    });
    out = file;
  } else out = target;
  const piped = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  // Observed later; this handler only keeps an early failure from being "unhandled".
  piped.catch(() => undefined);
  gzip.pipe(out);
  const write = async (value: unknown): Promise<void> => {
    // a failed output (full disk) unpipes gzip, which would then never drain: race the failure
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await Promise.race([once(gzip, 'drain'), piped]);
  };

  const read = async (trx: Kysely<Database>): Promise<BackupSummary> => {
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: store.clock().toISOString(),
      migrations: await appliedMigrations(trx),
      tables: [...BACKUP_TABLES],
    };
    await write(header);
    const rows: Record<string, number> = {};
    let total = 0;
    for (const table of TABLES) {
      let count = 0;
      const pageSize = table.pageSize ?? READ_BATCH;
      for (;;) {
        let query = trx.selectFrom(table.name).selectAll();
        for (const column of table.key) {
          query = query.orderBy(sql.ref(column));
        }
        const page = (await query.limit(pageSize).offset(count).execute()) as Record<
          string,
          unknown
        >[];
        for (const row of page) {
          for (const line of rowLines(table, row)) await write(line);
        }
        count += page.length;
        if (page.length < pageSize) break;
      }
      rows[table.name] = count;
      total += count;
    }
    await write({ end: true, rows: total });
    return { header, rows };
  };

  try {
    // one consistent snapshot of every table
    const summary = await runTransaction(
      store.db,
      read,
      store.dialect === 'postgres'
        ? { isolationLevel: 'repeatable read', accessMode: 'read only' }
        : {},
    );
    gzip.end();
    await piped;
    return summary;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    // Never remove a file this call did not create (the `wx` flag refuses an existing one).
    if (opened.done && typeof target === 'string') await rm(target, { force: true });
    throw error;
  }
}

function malformed(line: number, en: string, fr: string): BackupError {
  return new BackupError(
    'backup.malformed_line',
    { en: `Line ${line} of the backup: ${en}`, fr: `Ligne ${line} de la sauvegarde : ${fr}` },
    line,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Yields the lines of a gzip'd file, guarding line length and the decompression ratio. */
async function* lines(
  file: string,
  limits: Required<RestoreLimits>,
): AsyncGenerator<{ text: string; number: number }> {
  const { size } = await stat(file);
  const maxBytes = limits.maxRatio * size + limits.slackBytes;
  const maxLine = limits.maxLineBytes;
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let total = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new BackupError('backup.too_large', {
          en: 'The backup decompresses to too much data (possible gzip bomb).',
          fr: 'La sauvegarde se décompresse en trop de données (bombe gzip possible).',
        });
      }
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(10, start);
        if (newline === -1) break;
        const piece = chunk.subarray(start, newline);
        number += 1;
        if (pendingBytes + piece.length > maxLine) throw tooLong(number, maxLine);
        const text = Buffer.concat([...pending, piece]).toString('utf8');
        pending = [];
        pendingBytes = 0;
        start = newline + 1;
        yield { text, number };
      }
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > maxLine) throw tooLong(number + 1, maxLine);
      if (rest.length > 0) pending.push(rest);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('backup.corrupt', {
      en: `The backup file is damaged or not gzip data (${error instanceof Error ? error.message : String(error)}).`,
      fr: `Le fichier de sauvegarde est endommagé ou n'est pas au format gzip (${error instanceof Error ? error.message : String(error)}).`,
    });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (pendingBytes > 0) yield { text: Buffer.concat(pending).toString('utf8'), number: number + 1 };
}

function tooLong(line: number, max: number): BackupError {
  return new BackupError(
    'backup.line_too_long',
    {
      en: `Line ${line} of the backup is longer than ${max} bytes.`,
      fr: `La ligne ${line} de la sauvegarde dépasse ${max} octets.`,
    },
    line,
  );
}

function notABackup(): BackupError {
  return new BackupError('backup.not_a_backup', {
    en: 'This file is not a Vigie backup.',
    fr: "Ce fichier n'est pas une sauvegarde Vigie.",
  });
}

function parseHeader(text: string, applied: readonly string[]): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notABackup();
  }
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw notABackup();
  if (value.version !== BACKUP_VERSION) {
    throw new BackupError('backup.unsupported_version', {
      en: `Unsupported backup format version: ${JSON.stringify(value.version)}.`,
      fr: `Version de format de sauvegarde non prise en charge : ${JSON.stringify(value.version)}.`,
    });
  }
  const { migrations, tables, createdAt } = value;
  const stringArray = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!stringArray(migrations) || !stringArray(tables) || typeof createdAt !== 'string') {
    throw malformed(1, 'invalid header.', 'en-tête invalide.');
  }
  const unknown = migrations.filter((m) => !applied.includes(m));
  if (unknown.length > 0) {
    throw new BackupError('backup.newer_schema', {
      en: `The backup comes from a newer Vigie (unknown migrations: ${unknown.join(', ')}); upgrade first.`,
      fr: `La sauvegarde provient d'une version plus récente de Vigie (migrations inconnues : ${unknown.join(', ')}) ; mettez à jour d'abord.`,
    });
  }
  const unknownTables = tables.filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t));
  if (unknownTables.length > 0) {
    throw malformed(
      1,
      `unknown tables ${unknownTables.join(', ')}.`,
      `tables inconnues ${unknownTables.join(', ')}.`,
    );
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, migrations, tables };
}

/**
 * Restores a backup into an empty store (no users, no workspaces), all or nothing, inside one
 * transaction. Refuses with a {@link BackupError} on anything unexpected.
 */
export async function restoreStore(
  store: Store,
  file: string,
  limits: RestoreLimits = {},
): Promise<BackupSummary> {
  const effective: Required<RestoreLimits> = {
    maxLineBytes: limits.maxLineBytes ?? MAX_LINE_BYTES,
    maxRatio: limits.maxRatio ?? 200,
    slackBytes: limits.slackBytes ?? 64 * 1024 * 1024,
  };
  return runTransaction(store.db, async (trx) => {
    const users = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const workspaces = await trx
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(users.n) > 0 || Number(workspaces.n) > 0) {
      throw new BackupError('backup.target_not_empty', {
        en: 'The target store already holds users or workspaces; restore only into an empty store.',
        fr: 'Le stockage cible contient déjà des utilisateurs ou des espaces de travail ; restaurez uniquement dans un stockage vide.',
      });
    }
    const applied = await appliedMigrations(trx);

    let header: BackupHeader | undefined;
    let ended = false;
    let tableIndex = 0;
    let total = 0;
    const rows: Record<string, number> = {};
    let batch: InsertRow[] = [];
    let batchTable: TableName | undefined;
    let batchBytes = 0;
    /** The last row read, while continuation lines may still extend its binary cells. */
    let open: { spec: TableSpec; row: InsertRow; chunks: Map<string, Buffer[]> } | undefined;
    const close = (): void => {
      if (open === undefined) return;
      for (const [column, chunks] of open.chunks) open.row[column] = Buffer.concat(chunks);
      open = undefined;
    };
    const flush = async (): Promise<void> => {
      close();
      if (batchTable !== undefined && batch.length > 0) {
        await trx.insertInto(batchTable).values(batch).execute();
      }
      batch = [];
      batchBytes = 0;
    };
    const decode = (number: number, spec: TableSpec, column: string, cell: unknown): Buffer => {
      if (typeof cell !== 'string' || cell.length % 4 !== 0 || !BASE64.test(cell)) {
        throw malformed(
          number,
          `invalid base64 for ${spec.name}.${column}.`,
          `base64 invalide pour ${spec.name}.${column}.`,
        );
      }
      const bytes = Buffer.from(cell, 'base64');
      batchBytes += bytes.length;
      return bytes;
    };

    for await (const { text, number } of lines(file, effective)) {
      if (header === undefined) {
        header = parseHeader(text, applied);
        continue;
      }
      if (ended) {
        if (text.trim() === '') continue;
        throw malformed(number, 'data after the end marker.', 'données après la marque de fin.');
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw malformed(number, 'not valid JSON.', 'JSON invalide.');
      }
      if (!isObject(value)) throw malformed(number, 'not an object.', 'pas un objet.');
      if (value.end === true) {
        if (value.rows !== total) {
          throw malformed(
            number,
            `the end marker counts ${JSON.stringify(value.rows)} rows, the file holds ${total}.`,
            `la marque de fin compte ${JSON.stringify(value.rows)} lignes, le fichier en contient ${total}.`,
          );
        }
        ended = true;
        continue;
      }
      const { table, row } = value;
      if (typeof value.more === 'string') {
        const column = value.more;
        const chunks = open?.chunks.get(column);
        if (open === undefined || open.spec.name !== table || chunks === undefined) {
          throw malformed(
            number,
            'continuation line without a binary cell to extend.',
            'ligne de continuation sans cellule binaire à prolonger.',
          );
        }
        chunks.push(decode(number, open.spec, column, value.data));
        continue;
      }
      close();
      const index = TABLES.findIndex((t) => t.name === table);
      const spec = TABLES[index];
      if (spec === undefined || !header.tables.includes(spec.name)) {
        throw malformed(
          number,
          `unknown table ${JSON.stringify(table)}.`,
          `table inconnue ${JSON.stringify(table)}.`,
        );
      }
      if (index < tableIndex) {
        throw malformed(
          number,
          `table ${spec.name} out of order.`,
          `table ${spec.name} hors d'ordre.`,
        );
      }
      if (!isObject(row))
        throw malformed(number, 'row is not an object.', "la ligne n'est pas un objet.");
      const clean: InsertRow = {};
      const chunks = new Map<string, Buffer[]>();
      for (const [column, cell] of Object.entries(row)) {
        if (!spec.columns.includes(column)) {
          throw malformed(
            number,
            `unknown column ${spec.name}.${column}.`,
            `colonne inconnue ${spec.name}.${column}.`,
          );
        }
        if (cell !== null && typeof cell !== 'string' && typeof cell !== 'number') {
          throw malformed(
            number,
            `invalid value for ${spec.name}.${column}.`,
            `valeur invalide pour ${spec.name}.${column}.`,
          );
        }
        if (spec.binary?.includes(column) === true && cell !== null) {
          chunks.set(column, [decode(number, spec, column, cell)]);
          continue;
        }
        clean[column] = cell;
      }
      if (
        spec.name !== batchTable ||
        batch.length >= INSERT_BATCH ||
        batchBytes > BINARY_BATCH_BYTES
      ) {
        const pendingBytes = [...chunks.values()].reduce((n, c) => n + (c[0]?.length ?? 0), 0);
        batchBytes -= pendingBytes;
        await flush();
        batchBytes = pendingBytes;
      }
      tableIndex = index;
      batchTable = spec.name;
      batch.push(clean);
      if (chunks.size > 0) open = { spec, row: clean, chunks };
      rows[spec.name] = (rows[spec.name] ?? 0) + 1;
      total += 1;
    }
    if (header === undefined) throw notABackup();
    if (!ended) {
      throw new BackupError('backup.truncated', {
        en: 'The backup is truncated (no end marker); nothing was restored.',
        fr: "La sauvegarde est tronquée (pas de marque de fin) ; rien n'a été restauré.",
      });
    }
    await flush();
    if (store.dialect === 'postgres') {
      // Explicit ids do not advance the serial sequence: move it past the restored ids.
      await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`.execute(
        trx,
      );
    }
    return { header, rows };
  });
}
