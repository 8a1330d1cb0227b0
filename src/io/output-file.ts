/**
 * The one way Vigie writes a file a user names (`-o`, an output folder). A regular file is
 * written beside its final name, synced, then renamed over it, so a failure (full disk, killed
 * process) never leaves a half-written report or backup behind and never destroys the previous
 * one. Character devices and FIFOs (`/dev/stdout`, `/dev/null`, `>(gzip)`) are written in place;
 * block devices, sockets and directories are refused. Every failure is a {@link FileAccessError}
 * naming the path the user gave. I/O adapter (node:fs).
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { Writable } from 'node:stream';
import {
  link,
  mkdir,
  open,
  realpath,
  rename,
  stat,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoOf, FileAccessError, toFileAccessError } from './file-access.js';

export interface OutputOptions {
  /** Permissions of a new file (before the umask); an existing file keeps its own. */
  readonly mode?: number;
  /** False: refuse to replace an existing regular file (`exists`). Default true. */
  readonly overwrite?: boolean;
}

/** An output being written; nothing appears under its name before {@link OutputSink.commit}. */
export interface OutputSink {
  /** The path as the user gave it. */
  readonly path: string;
  /** Queues bytes; resolves once they are buffered or written. Rejects with a FileAccessError. */
  write(data: string | Uint8Array): Promise<void>;
  /** Writes what is buffered, syncs, and puts the file under its name. */
  commit(): Promise<void>;
  /** Gives up: the temporary file is removed (a device or FIFO is left as it is). */
  abort(): Promise<void>;
  /** A Writable over {@link write}, for stream pipelines; call {@link commit} after it finishes. */
  writable(): Writable;
}

/** Bytes gathered before a write to disk. */
const BUFFER_BYTES = 1 << 20;

interface Target {
  /** Where the bytes go: the file itself (device, FIFO) or a temporary file beside it. */
  readonly direct: boolean;
  /** The final file (symbolic links resolved, so the rename replaces the file, not the link). */
  readonly file: string;
  readonly existingMode?: number;
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function resolveTarget(path: string, options: OutputOptions): Promise<Target> {
  let info: Stats | undefined;
  try {
    info = await statOrUndefined(path);
  } catch (error) {
    throw toFileAccessError(error, path, 'write');
  }
  if (info === undefined) return { direct: false, file: path };
  if (info.isDirectory()) throw new FileAccessError('is-directory', path, 'write');
  // /dev/stdout, /dev/fd/3, /proc/self/fd/1: write to what they stand for, never rename there
  const procOrDev = /^\/(dev|proc)\//.test(path);
  if (info.isCharacterDevice() || info.isFIFO() || (procOrDev && info.isFile()))
    return { direct: true, file: path };
  if (!info.isFile()) throw new FileAccessError('special-file', path, 'write');
  if (options.overwrite === false) throw new FileAccessError('exists', path, 'write');
  try {
    return { direct: false, file: await realpath(path), existingMode: info.mode & 0o7777 };
  } catch (error) {
    throw toFileAccessError(error, path, 'write');
  }
}

function temporaryName(file: string): string {
  const suffix = `${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
  return join(dirname(file), `.${basename(file)}.${suffix}`);
}

/** Puts `temp` under `file`; without overwrite, a hard link refuses an existing file atomically. */
async function place(temp: string, file: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temp, file);
    return;
  }
  try {
    await link(temp, file);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') throw error;
    // a file system without hard links: check, then rename (not atomic, but no link to make)
    if ((await statOrUndefined(file)) !== undefined)
      throw Object.assign(error as Error, { code: 'EEXIST' });
    await rename(temp, file);
    return;
  }
  await unlink(temp);
}

/**
 * Opens `path` for writing. Problems known before any byte is written (missing folder, a
 * directory, no permission, an existing file with `overwrite: false`) are thrown here, so a
 * command can fail before doing its work.
 */
export async function openOutput(path: string, options: OutputOptions = {}): Promise<OutputSink> {
  const target = await resolveTarget(path, options);
  const temp = target.direct ? undefined : temporaryName(target.file);
  let handle: FileHandle;
  try {
    handle = await open(
      temp ?? target.file,
      temp === undefined ? 'w' : 'wx',
      options.mode ?? 0o666,
    );
    if (target.existingMode !== undefined) await handle.chmod(target.existingMode);
  } catch (error) {
    throw toFileAccessError(error, path, 'write');
  }
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let failure: FileAccessError | undefined;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    const chunk = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    chain = chain.then(async () => {
      if (failure !== undefined) throw failure;
      try {
        for (let at = 0; at < chunk.length;) {
          const { bytesWritten } = await handle.write(chunk, at, chunk.length - at);
          at += bytesWritten;
        }
      } catch (error) {
        failure = toFileAccessError(error, path, 'write');
        throw failure;
      }
    });
    return chain;
  };
  const discard = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
    if (temp !== undefined) await unlink(temp).catch(() => undefined);
  };

  const sink: OutputSink = {
    path,
    async write(data) {
      if (failure !== undefined) throw failure;
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= BUFFER_BYTES) await flush();
    },
    async commit() {
      try {
        await flush();
        if (temp !== undefined) await handle.sync();
      } catch (error) {
        await discard();
        throw toFileAccessError(error, path, 'write');
      }
      closed = true;
      try {
        await handle.close();
        if (temp !== undefined) await place(temp, target.file, options.overwrite !== false);
      } catch (error) {
        if (temp !== undefined) await unlink(temp).catch(() => undefined);
        throw toFileAccessError(error, path, 'write');
      }
    },
    abort: discard,
    writable() {
      return new Writable({
        write(chunk: Buffer, _encoding, callback) {
          sink.write(chunk).then(() => {
            callback();
          }, callback);
        },
      });
    },
  };
  return sink;
}

/** Writes a whole file through {@link openOutput}: all of it under its name, or nothing new. */
export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  options: OutputOptions = {},
): Promise<void> {
  const sink = await openOutput(path, options);
  try {
    await sink.write(data);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/**
 * Makes sure `dir` is a directory to write files into (created with its parents if missing).
 * A regular file, a device or anything else in the way is `not-directory`.
 */
export async function prepareOutputDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const errno = errnoOf(error);
    // mkdir -p says EEXIST or ENOTDIR when a file stands where a folder should be
    if (errno === 'EEXIST' || errno === 'ENOTDIR')
      throw new FileAccessError('not-directory', dir, 'write', errno);
    throw toFileAccessError(error, dir, 'write');
  }
  let info: Stats;
  try {
    info = await stat(dir);
  } catch (error) {
    throw toFileAccessError(error, dir, 'write');
  }
  if (!info.isDirectory()) throw new FileAccessError('not-directory', dir, 'write');
}

/** Writes several files into `dir` (created if missing), each through {@link writeOutputFile}. */
export async function writeOutputFiles(
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: OutputOptions = {},
): Promise<void> {
  await prepareOutputDirectory(dir);
  for (const [name, content] of Object.entries(files))
    await writeOutputFile(join(dir, name), content, options);
}
