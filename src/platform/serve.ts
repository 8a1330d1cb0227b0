/**
 * Starting the platform: open (and migrate) the store — a SQLite file in the data directory, or
 * PostgreSQL when a database URL is given —, run the first-run bootstrap (administrator and demo
 * workspace), start the background job worker, build the HTTP app (API under /api/, the built
 * web UI everywhere else) and listen, over HTTPS when given a certificate. On SQLite the data
 * directory is locked for this server (data-dir.ts). I/O edge; `vigie serve` wraps it with
 * signals.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SLUG, firstRun, type FirstRunResult } from './bootstrap/first-run.js';
import {
  acquireDataDirLock,
  dataDirWarnings,
  type DataDirLock,
  type DataDirWarning,
} from './data-dir.js';
import { DOCUMENT_JOB_KIND, createDocumentJobHandler } from './documents/document-job.js';
import type { TlsFiles } from './https.js';
import { createJobHandlers, startWorker } from './jobs/worker.js';
import type { PlatformLimits } from './limits.js';
import { startPlatformReminders } from './reminders/index.js';
import { buildApp } from './server/app.js';
import type { TrustProxy } from './server/trust-proxy.js';
import { openStore, type ModelFiles, type Store } from './store/index.js';
import { createThreadPool } from './threads/pool.js';

/**
 * The package's built web UI. This file is dist/platform/serve.js once built and
 * src/platform/serve.ts under Vitest: both are two levels below the package root.
 */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Something running in the background for as long as the server does. */
export interface BackgroundWorkers {
  stop(): Promise<void>;
}

export interface ServeOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema holding Vigie's tables (created if missing). */
  readonly databaseSchema?: string;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Directory of the demo organisation's model files (created as the first workspace). */
  readonly demoDir?: string;
  /** Forces `Secure` on cookies on or off (default: with TLS or an https `publicUrl`). */
  readonly secureCookies?: boolean;
  /**
   * The address users open, as checked by parsePublicUrl (`https://vigie.example.org`): an
   * https address turns on `Secure` cookies and HSTS; links the server builds use it.
   */
  readonly publicUrl?: string;
  /** Certificate and key (readTlsFiles) to serve HTTPS directly; cookies are then Secure. */
  readonly tls?: TlsFiles;
  /** Reverse proxies whose X-Forwarded-For is believed (VIGIE_TRUST_PROXY; default none). */
  readonly trustProxy?: TrustProxy;
  /** Directory of the built web UI (default {@link DEFAULT_WEB_DIR}). */
  readonly webDir?: string;
  /** Model size and document quotas (limitsFromEnv; default DEFAULT_LIMITS). */
  readonly limits?: PlatformLimits;
  /**
   * Starts the background job workers once the store is open (default: one worker running every
   * platform job kind); `false` runs none (the jobs then wait for another instance).
   */
  readonly startWorkers?: ((store: Store) => BackgroundWorkers) | false;
}

export interface RunningServer {
  /** `http://host:port` (`https://` with TLS), without a trailing slash. */
  readonly url: string;
  readonly store: Store;
  readonly firstRun: FirstRunResult;
  /** The demo workspace, when it exists (created now or by an earlier start). */
  readonly demoWorkspace?: { readonly id: string; readonly name: string };
  /** What the operator should fix in the data directory (its mode), to print at start. */
  readonly warnings: readonly DataDirWarning[];
  /**
   * Stops the workers (waiting for a running job), the HTTP server, then the store, and
   * removes the data directory's lock file.
   */
  close(): Promise<void>;
}

async function readDemo(dir: string): Promise<{ name: string; files: ModelFiles }> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.yaml')) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return { name: 'Forges de l’Est', files };
}

function defaultWorkers(store: Store): BackgroundWorkers {
  // Documents are generated in a worker thread (src/platform/threads) so that HTTP requests
  // are answered meanwhile; the pool lives as long as the job worker.
  const threads = createThreadPool();
  const handlers = createJobHandlers(store).map((handler) =>
    handler.kind === DOCUMENT_JOB_KIND ? createDocumentJobHandler(store, { threads }) : handler,
  );
  // Job failures are recorded on the job (and its document) by the worker itself.
  const worker = startWorker(store, handlers);
  return {
    stop: async () => {
      try {
        await worker.stop();
      } finally {
        await threads.terminate();
      }
    },
  };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const onSqlite = options.databaseUrl === undefined || options.databaseUrl === '';
  const warnings: DataDirWarning[] = [];
  let lock: DataDirLock | undefined;
  if (onSqlite) {
    // One server per SQLite data directory (PostgreSQL is the multi-instance path).
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    warnings.push(...dataDirWarnings(options.dataDir));
    lock = acquireDataDirLock(options.dataDir);
  }
  let store: Store;
  try {
    store = await openStore({
      dataDir: options.dataDir,
      ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
      ...(options.databaseSchema === undefined ? {} : { schema: options.databaseSchema }),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  let workers: BackgroundWorkers | undefined;
  try {
    const demo = options.demoDir === undefined ? undefined : await readDemo(options.demoDir);
    const result = await firstRun(store, demo, randomUUID());
    const workspace = await store.workspaces.getBySlug(DEMO_SLUG);
    const app = buildApp({
      store,
      ...(options.secureCookies === undefined ? {} : { secureCookies: options.secureCookies }),
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      ...(options.tls === undefined ? {} : { tls: options.tls }),
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      webDir: options.webDir ?? DEFAULT_WEB_DIR,
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      // sessions and roles reused for a second: logouts reach other instances within it
      accessCacheMs: 1000,
    });
    const start = options.startWorkers ?? defaultWorkers;
    if (start !== false) {
      const jobs = start(store);
      // review-date e-mails run beside the job workers (claimed per reminder: once across instances)
      const reminders = startPlatformReminders(store, {
        ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      });
      workers = {
        stop: async () => {
          try {
            await reminders.stop();
          } finally {
            await jobs.stop();
          }
        },
      };
    }
    const address = await app.listen({ host: options.host, port: options.port });
    const running = workers;
    return {
      url: address,
      store,
      firstRun: result,
      warnings,
      ...(workspace === undefined
        ? {}
        : { demoWorkspace: { id: workspace.id, name: workspace.name } }),
      close: async () => {
        try {
          await running?.stop();
          await app.close();
          await store.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    try {
      await workers?.stop();
      await store.close();
    } finally {
      lock?.release();
    }
    throw error;
  }
}
