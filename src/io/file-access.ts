/**
 * Reading the files a user names, safely: the kind of a path is checked before it is opened
 * (a FIFO would block the open, `/dev/zero` would never end), and every failure becomes a
 * {@link FileAccessError} with a stable `problem` the CLI turns into a message and exit code 2.
 * I/O adapter (node:fs).
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** What went wrong with a path, whatever the system call that met it. */
export const FILE_PROBLEMS = [
  'not-found',
  'no-directory',
  'permission',
  'no-space',
  'is-directory',
  'not-directory',
  'read-only',
  'special-file',
  'exists',
  'too-large',
  'failed',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** Reading an input or writing an output. */
export type FileAccessMode = 'read' | 'write';

/**
 * A path that cannot be read or written. Thrown by the adapters of this folder only; `errno` is
 * the system's code (`ENOSPC`…) when one caused it, `limit` the size limit of `too-large`.
 */
export class FileAccessError extends Error {
  readonly code = 'file-access';
  constructor(
    readonly problem: FileProblem,
    readonly path: string,
    readonly mode: FileAccessMode,
    readonly errno?: string,
    readonly limit?: number,
  ) {
    super(`cannot ${mode} ${path}: ${problem}${errno === undefined ? '' : ` (${errno})`}`);
    this.name = 'FileAccessError';
  }
}

/** The `code` of a Node.js system error, if `error` is one. */
export function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

const PROBLEM_OF_ERRNO: Readonly<Record<string, FileProblem>> = {
  EACCES: 'permission',
  EPERM: 'permission',
  ENOSPC: 'no-space',
  EDQUOT: 'no-space',
  EFBIG: 'no-space',
  EISDIR: 'is-directory',
  ENOTDIR: 'not-directory',
  EROFS: 'read-only',
  EEXIST: 'exists',
};

/**
 * Turns any error met on `path` into a {@link FileAccessError} (kept as is when it is one).
 * A missing path is `not-found` when reading, `no-directory` when writing (its folder is missing).
 */
export function toFileAccessError(
  error: unknown,
  path: string,
  mode: FileAccessMode,
): FileAccessError {
  if (error instanceof FileAccessError) return error;
  const errno = errnoOf(error);
  if (errno === 'ENOENT')
    return new FileAccessError(mode === 'read' ? 'not-found' : 'no-directory', path, mode, errno);
  const problem = errno === undefined ? undefined : PROBLEM_OF_ERRNO[errno];
  return new FileAccessError(
    problem ?? 'failed',
    path,
    mode,
    errno ?? (error instanceof Error ? error.message : String(error)),
  );
}

/** True for what is neither a regular file nor a directory: devices, FIFOs, sockets. */
export function isSpecial(info: Stats): boolean {
  return !info.isFile() && !info.isDirectory();
}

/**
 * Checks that `path` can be read as `expect` before anything opens it: it exists, and it is a
 * regular file (or, for `file-or-directory`, a directory). Devices, FIFOs and sockets are refused.
 * Returns its `stat`.
 */
export async function checkInput(
  path: string,
  expect: 'file' | 'file-or-directory' = 'file',
): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw toFileAccessError(error, path, 'read');
  }
  if (info.isDirectory() && expect === 'file')
    throw new FileAccessError('is-directory', path, 'read');
  if (isSpecial(info)) throw new FileAccessError('special-file', path, 'read');
  return info;
}

/**
 * Reads a regular file whole, refusing devices, FIFOs, sockets and directories up front (`stat`
 * first; then the open is non-blocking and the opened file is checked again with `fstat`, so a
 * path swapped for a FIFO in between neither blocks nor gets read), and files over `maxBytes`.
 */
export async function readInputFile(
  path: string,
  options: { readonly maxBytes?: number } = {},
): Promise<Buffer> {
  await checkInput(path, 'file');
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw toFileAccessError(error, path, 'read');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new FileAccessError(info.isDirectory() ? 'is-directory' : 'special-file', path, 'read');
    const { maxBytes } = options;
    if (maxBytes !== undefined && info.size > maxBytes)
      throw new FileAccessError('too-large', path, 'read', undefined, maxBytes);
    return await handle.readFile();
  } catch (error) {
    throw toFileAccessError(error, path, 'read');
  } finally {
    await handle.close();
  }
}

/** {@link readInputFile} as UTF-8 text. */
export async function readInputText(
  path: string,
  options: { readonly maxBytes?: number } = {},
): Promise<string> {
  return (await readInputFile(path, options)).toString('utf8');
}
