import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  LOCK_FILE_NAME,
  acquireDataDirLock,
  dataDirWarnings,
} from './data-dir.js';

/** The PID of a process that has exited (and was reaped): no process runs under it. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('the data directory lock', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-data-dir-'));
    lockFile = join(dir, LOCK_FILE_NAME);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const writeLock = (owner: unknown): void => {
    writeFileSync(lockFile, JSON.stringify(owner));
  };

  it('writes the owner (pid, host, start time) in a private file and removes it on release', () => {
    const lock = acquireDataDirLock(dir, () => new Date('2026-03-01T10:00:00.000Z'));
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
      startedAt: '2026-03-01T10:00:00.000Z',
    });
    if (process.platform !== 'win32') {
      expect((statSync(lockFile).mode & 0o777).toString(8)).toBe('600');
    }
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
    lock.release(); // idempotent
  });

  it('refuses a second holder, naming the first, even in the same process', () => {
    const lock = acquireDataDirLock(dir);
    try {
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      const locked = error as DataDirLockedError;
      expect(locked.code).toBe('data_dir.locked');
      expect(locked.lockFile).toBe(lockFile);
      expect(locked.owner).toEqual(lock.owner);
      expect(locked.message).toContain(`PID ${String(process.pid)} on ${hostname()}`);
    } finally {
      lock.release();
    }
    acquireDataDirLock(dir).release(); // free again once released
  });

  it('refuses a lock held by a running process of this host', () => {
    // PID 1 always runs (init); kill(1, 0) answers EPERM or success, both "running".
    writeLock({ pid: 1, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(existsSync(lockFile)).toBe(true);
  });

  it('takes over a lock whose process died on this host', () => {
    const pid = deadPid();
    writeLock({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' });
    const lock = acquireDataDirLock(dir);
    expect(lock.owner.pid).toBe(process.pid);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over its own PID left by an earlier life (a container restarted as PID 1)', () => {
    writeLock({ pid: process.pid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' });
    const lock = acquireDataDirLock(dir);
    expect(lock.owner.startedAt).not.toBe('2020-01-01T00:00:00.000Z');
    lock.release();
  });

  it('never takes over another host’s lock (its PID cannot be checked from here)', () => {
    writeLock({ pid: deadPid(), host: `not-${hostname()}`, startedAt: '2026-01-01T00:00:00Z' });
    expect(() => acquireDataDirLock(dir)).toThrow(/PID \d+ on not-/);
  });

  it('refuses a fresh unreadable lock (a start in progress) and takes over an old one', () => {
    writeFileSync(lockFile, '');
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).owner).toBeUndefined();
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lockFile, old, old);
    acquireDataDirLock(dir).release();
  });

  it('does not remove a lock that another server took meanwhile', () => {
    const lock = acquireDataDirLock(dir);
    const other = { pid: 1, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' };
    writeLock(other);
    lock.release();
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual(other);
  });
});

describe.skipIf(process.platform === 'win32')('dataDirWarnings', () => {
  it('warns when the group or others can read the directory, not when it is private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-data-dir-'));
    try {
      chmodSync(dir, 0o700);
      expect(dataDirWarnings(dir)).toEqual([]);
      chmodSync(dir, 0o755);
      expect(dataDirWarnings(dir)).toEqual([
        { code: 'data_dir.readable_by_others', path: dir, mode: '755' },
      ]);
      chmodSync(dir, 0o710);
      expect(dataDirWarnings(dir)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
