import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkInput,
  errnoOf,
  FileAccessError,
  readInputFile,
  readInputText,
  toFileAccessError,
} from './file-access.js';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-file-access-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const systemError = (code: string): Error => Object.assign(new Error(`${code}: boom`), { code });

describe('toFileAccessError', () => {
  it.each([
    ['ENOENT', 'read', 'not-found'],
    ['ENOENT', 'write', 'no-directory'],
    ['EACCES', 'write', 'permission'],
    ['EPERM', 'read', 'permission'],
    ['ENOSPC', 'write', 'no-space'],
    ['EDQUOT', 'write', 'no-space'],
    ['EFBIG', 'write', 'no-space'],
    ['EISDIR', 'write', 'is-directory'],
    ['ENOTDIR', 'read', 'not-directory'],
    ['EROFS', 'write', 'read-only'],
    ['EEXIST', 'write', 'exists'],
    ['EIO', 'write', 'failed'],
  ] as const)('maps %s on %s to %s, keeping the path and the code', (code, mode, problem) => {
    const error = toFileAccessError(systemError(code), '/some/file', mode);
    expect(error).toBeInstanceOf(FileAccessError);
    expect(error).toMatchObject({ problem, path: '/some/file', mode, errno: code });
  });

  it('keeps a FileAccessError as it is, and describes what is no system error', () => {
    const original = new FileAccessError('special-file', '/dev/zero', 'read');
    expect(toFileAccessError(original, '/other', 'write')).toBe(original);
    expect(toFileAccessError(new Error('odd'), '/x', 'read')).toMatchObject({
      problem: 'failed',
      errno: 'odd',
    });
    expect(errnoOf({ code: 'not an errno' })).toBeUndefined();
    expect(errnoOf('ENOENT')).toBeUndefined();
  });
});

describe('reading a user-named file', () => {
  it('reads a regular file, and refuses one over the limit', async () => {
    const file = join(scratch, 'model.yaml');
    writeFileSync(file, 'organisation: {}\n');
    expect(await readInputText(file)).toBe('organisation: {}\n');
    await expect(readInputFile(file, { maxBytes: 4 })).rejects.toMatchObject({
      problem: 'too-large',
      limit: 4,
    });
  });

  it('refuses a missing file, a directory, a FIFO and /dev/zero without blocking', async () => {
    await expect(readInputFile(join(scratch, 'missing'))).rejects.toMatchObject({
      problem: 'not-found',
      errno: 'ENOENT',
    });
    const directory = join(scratch, 'dir');
    mkdirSync(directory);
    await expect(readInputFile(directory)).rejects.toMatchObject({ problem: 'is-directory' });
    await expect(checkInput(directory, 'file-or-directory')).resolves.toBeDefined();
    // nobody writes to this FIFO: opening it for reading would block forever
    const fifo = join(scratch, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile(fifo)).rejects.toMatchObject({ problem: 'special-file' });
    await expect(checkInput(fifo, 'file-or-directory')).rejects.toMatchObject({
      problem: 'special-file',
    });
    if (existsSync('/dev/zero'))
      await expect(readInputText('/dev/zero')).rejects.toMatchObject({
        problem: 'special-file',
        path: '/dev/zero',
      });
  });

  it('says a part of the path is not a directory', async () => {
    const file = join(scratch, 'plain');
    writeFileSync(file, 'x');
    await expect(readInputFile(join(file, 'below'))).rejects.toMatchObject({
      problem: 'not-directory',
      errno: 'ENOTDIR',
    });
  });
});
