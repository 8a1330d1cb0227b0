/**
 * Starting the platform: open (and migrate) the store — a SQLite file in the data directory, or
 * PostgreSQL when a database URL is given —, run the first-run bootstrap (administrator and demo
 * workspace), build the HTTP app and listen. I/O edge; `vigie serve` wraps it with signals.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firstRun, type FirstRunResult } from './bootstrap/first-run.js';
import { buildApp } from './server/app.js';
import { openStore, type ModelFiles, type Store } from './store/index.js';

export interface ServeOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Directory of the demo organisation's model files (created as the first workspace). */
  readonly demoDir?: string;
  readonly secureCookies?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly store: Store;
  readonly firstRun: FirstRunResult;
  close(): Promise<void>;
}

async function readDemo(dir: string): Promise<{ name: string; files: ModelFiles }> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.yaml')) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return { name: 'Forges de l’Est', files };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore({
    dataDir: options.dataDir,
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
  });
  try {
    const demo = options.demoDir === undefined ? undefined : await readDemo(options.demoDir);
    const result = await firstRun(store, demo, randomUUID());
    const app = buildApp({ store, secureCookies: options.secureCookies ?? false });
    const address = await app.listen({ host: options.host, port: options.port });
    return {
      url: address,
      store,
      firstRun: result,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
