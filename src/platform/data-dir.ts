/**
 * The SQLite data directory as `vigie serve` owns it: one server at a time (a lock file holding
 * the owner's PID, host and start time, created with O_EXCL), and a check that the directory is
 * private (it holds password and session hashes). I/O edge, used by serve.ts.
 *
 * PostgreSQL is the multi-instance path and takes no lock; `vigie backup` only reads and takes
 * none either.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE_NAME = 'vigie.lock';

/** A lock file that cannot be read this long after it was written is taken as left by a crash. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
});

/** Who holds a data directory. */
export type LockOwner = z.infer<typeof ownerSchema>;

/** Another server (or a lock file nobody can read) holds the data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'data_dir.locked';
  constructor(
    readonly lockFile: string,
    /** Undefined when the lock file could not be read. */
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner === undefined
        ? `The data directory is locked (${lockFile} cannot be read).`
        : `The data directory is used by another Vigie server (PID ${String(owner.pid)} on ${owner.host}, since ${owner.startedAt}).`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still this one; idempotent. */
  release(): void;
}

/** Lock files this process holds: its own PID in a lock file is stale only if it is not here. */
const held = new Set<string>();

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** True when `pid` runs on this machine (EPERM: it runs, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock at `path` was left by a process that no longer runs. */
function isStale(path: string, owner: LockOwner | undefined, now: number): boolean {
  if (owner === undefined) {
    // A crash between creating and writing the file; a start in progress writes within a moment.
    try {
      return now - statSync(path).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
    } catch {
      return true; // gone meanwhile
    }
  }
  // A PID can only be checked on its own machine: another host's lock stays until removed.
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !held.has(path);
  return !isRunning(owner.pid);
}

/**
 * Takes the data directory's lock file (`vigie.lock`), or throws DataDirLockedError naming the
 * server holding it. A lock left by a process that died on this host is taken over. The
 * directory must exist.
 */
export function acquireDataDirLock(
  dataDir: string,
  now: () => Date = () => new Date(),
): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: now().toISOString() };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(path);
      if (attempt > 0 || !isStale(path, current, now().getTime())) {
        throw new DataDirLockedError(path, current);
      }
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(owner)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    held.add(path);
    return {
      path,
      owner,
      release: () => {
        if (!held.delete(path)) return;
        const current = readOwner(path);
        if (current?.pid !== owner.pid || current.startedAt !== owner.startedAt) return;
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      },
    };
  }
}

/** Something about the data directory the operator should fix; printed at start. */
export interface DataDirWarning {
  readonly code: 'data_dir.readable_by_others';
  readonly path: string;
  /** The permission bits, in octal (`755`). */
  readonly mode: string;
}

/**
 * Warns when the data directory can be read or entered by the group or others. Vigie creates it
 * 0700 and its database files 0600 (and narrows the database files it finds), but leaves an
 * existing directory's mode to its owner: it may be shared on purpose.
 */
export function dataDirWarnings(dataDir: string): DataDirWarning[] {
  if (process.platform === 'win32') return [];
  const mode = statSync(dataDir).mode & 0o777;
  return (mode & 0o077) === 0
    ? []
    : [{ code: 'data_dir.readable_by_others', path: dataDir, mode: mode.toString(8) }];
}
