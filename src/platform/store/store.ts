import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import pg from 'pg';
import { createAnalysesRepository } from './analyses.js';
import { createAuditRepository } from './audit.js';
import { createAuditsRepository } from './audits.js';
import { createDocumentsRepository } from './documents.js';
import { createFindingWorkRepository } from './finding-work.js';
import { createInvitationsRepository } from './invitations.js';
import { createJobsRepository } from './jobs.js';
import type { JobsOptions } from './jobs.js';
import { createLocksRepository } from './locks.js';
import { createLoginThrottleRepository } from './login-throttle.js';
import { systemClock } from '../clock.js';
import type { Clock } from '../clock.js';
import { migrateToLatest, withSchemaLock } from './migrations/index.js';
import type { Database, StoreDialect } from './schema.js';
import { createSessionsRepository } from './sessions.js';
import { createSettingsRepository } from './settings.js';
import { createSignInHistoryRepository } from './sign-in-history.js';
import { runTransaction } from './transaction.js';
import { createUsersRepository } from './users.js';
import { createVersionsRepository } from './versions.js';
import { createWorkspacesRepository } from './workspaces.js';

export interface StoreConfig {
  /** PostgreSQL connection string; without it the store is a SQLite file in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL only: schema to use (created if missing, first in search_path). */
  schema?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /** The platform's clock (default: the system clock); the server reads it from the store. */
  clock?: Clock;
  jobs?: JobsOptions;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

export const SQLITE_FILE_NAME = 'vigie.sqlite';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Prepared statements kept per SQL text (Kysely prepares every query anew otherwise). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 with its prepared statements reused: preparing costs more than running the
 * small queries of an API request (session, user, role). Safe because Kysely runs one query at
 * a time on the connection (a streamed query holds it until the stream ends).
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached !== undefined) return cached;
      const statement = database.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(text, statement);
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}

/**
 * The data directory (created 0700) and the SQLite file (created 0600 before SQLite opens it:
 * SQLite gives its -wal and -shm files the database file's mode). They hold password and session
 * hashes: database files found with wider modes are narrowed to 0600, since they are Vigie's
 * own; the directory's mode is left to its owner (`vigie serve` warns about it).
 */
function createPrivateDatabaseFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SQLITE_FILE_NAME);
  closeSync(openSync(file, 'a', 0o600));
  if (process.platform !== 'win32') {
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      try {
        if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return file;
}

function createDb(config: StoreConfig): { db: Kysely<Database>; dialect: StoreDialect } {
  if (config.databaseUrl !== undefined && config.databaseUrl !== '') {
    if (config.schema !== undefined && !SCHEMA_NAME.test(config.schema)) {
      throw new Error(`Invalid PostgreSQL schema name: ${config.schema}`);
    }
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      ...(config.schema === undefined ? {} : { options: `-c search_path=${config.schema}` }),
    });
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
    };
  }
  const file = createPrivateDatabaseFile(config.dataDir);
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    }),
    dialect: 'sqlite',
  };
}

/** The repositories over one database handle (the store's own, or a transaction's). */
function createRepositories(
  db: Kysely<Database>,
  dialect: StoreDialect,
  clock: Clock,
  config: StoreConfig,
) {
  return {
    users: createUsersRepository(db, clock),
    sessions: createSessionsRepository(db, clock),
    workspaces: createWorkspacesRepository(db, clock, dialect),
    versions: createVersionsRepository(db, clock),
    audit: createAuditRepository(db, clock),
    locks: createLocksRepository(db, clock),
    jobs: createJobsRepository(db, dialect, clock, config.jobs),
    analyses: createAnalysesRepository(db, clock),
    documents: createDocumentsRepository(db, clock),
    loginThrottle: createLoginThrottleRepository(db, clock),
    invitations: createInvitationsRepository(db, clock),
    settings: createSettingsRepository(db, clock),
    signIns: createSignInHistoryRepository(db, clock),
    findingWork: createFindingWorkRepository(db, clock),
    audits: createAuditsRepository(db, clock),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** What `store.transaction` hands its callback: the repositories bound to the transaction. */
export interface StoreTransaction extends Repositories {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  readonly clock: Clock;
}

export type Store = Awaited<ReturnType<typeof openStore>>;

/** Opens (and by default migrates) the platform store. */
export async function openStore(config: StoreConfig) {
  const { db, dialect } = createDb(config);
  const clock = config.clock ?? systemClock;
  try {
    if (dialect === 'postgres' && config.schema !== undefined) {
      const schema = config.schema;
      // under the schema lock: instances starting together would otherwise race in the catalog
      // ("duplicate key … pg_namespace_nspname_index" although the statement says if not exists)
      await withSchemaLock(db as unknown as Kysely<unknown>, (connection) =>
        sql`create schema if not exists ${sql.id(schema)}`.execute(connection),
      );
    }
    if (config.migrate !== false) await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const transaction = <T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> =>
    runTransaction(db, (trx) =>
      work({ db: trx, dialect, clock, ...createRepositories(trx, dialect, clock, config) }),
    );
  return {
    db,
    dialect,
    clock,
    ...createRepositories(db, dialect, clock, config),
    /**
     * Runs `work` in one database transaction with the repositories bound to it: everything it
     * writes is committed together when it resolves, or rolled back when it throws (the error
     * is rethrown). On SQLite the transaction holds the only connection, so `work` must use
     * `tx` alone (a query on the store itself would wait for the transaction to end) and stay
     * short: validate and compute before, present after.
     */
    transaction,
    /** Closes the pool or the SQLite file. */
    close: (): Promise<void> => db.destroy(),
  };
}
