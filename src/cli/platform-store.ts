import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { SQLITE_FILE_NAME, openStore, type Store } from '../platform/store/index.js';
import type { CommandContext } from './context.js';

/** Where the platform's data is, as `vigie serve` reads it from the environment. */
export interface PlatformStoreLocation {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly schema?: string;
  /** For messages: `PostgreSQL` or the data directory. */
  readonly where: string;
}

/**
 * PostgreSQL when DATABASE_URL is set (schema VIGIE_DB_SCHEMA if given), else the SQLite file
 * of VIGIE_DATA (default ./data).
 */
export function platformStoreLocation(ctx: CommandContext): PlatformStoreLocation {
  const data = ctx.env.VIGIE_DATA ?? 'data';
  const dataDir = isAbsolute(data) ? data : join(ctx.cwd, data);
  const databaseUrl = ctx.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') return { dataDir, where: dataDir };
  const schema = ctx.env.VIGIE_DB_SCHEMA;
  return {
    dataDir,
    databaseUrl,
    ...(schema === undefined || schema === '' ? {} : { schema }),
    where: 'PostgreSQL',
  };
}

/** True when a SQLite location holds no Vigie database yet (nothing to administer there). */
export function isMissingSqliteStore(location: PlatformStoreLocation): boolean {
  return (
    location.databaseUrl === undefined && !existsSync(join(location.dataDir, SQLITE_FILE_NAME))
  );
}

/** Opens (and migrates) the store at `location`. */
export function openPlatformStore(location: PlatformStoreLocation): Promise<Store> {
  return openStore({
    dataDir: location.dataDir,
    ...(location.databaseUrl === undefined ? {} : { databaseUrl: location.databaseUrl }),
    ...(location.schema === undefined ? {} : { schema: location.schema }),
  });
}
