/**
 * The Node implementation of the host reader: the host audit's only I/O (eslint.config.js lets
 * this one file import node:fs and node:child_process). Read-only: files are opened read-only and
 * capped, commands run without a shell, with a timeout and an output cap.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, lstat, open, readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { CommandOutput, DirEntry, FileInfo, HostReader } from './reader.js';

const SEARCH = ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin'];

async function readCapped(path: string, maxBytes: number): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile() && !path.startsWith('/proc/')) return null;
    const buffer = Buffer.alloc(maxBytes);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, maxBytes - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total >= maxBytes) break;
    }
    return buffer.subarray(0, total).toString('utf8');
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

const kindOf = (entry: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): FileInfo['kind'] =>
  entry.isSymbolicLink()
    ? 'symlink'
    : entry.isDirectory()
      ? 'dir'
      : entry.isFile()
        ? 'file'
        : 'other';

async function locate(command: string): Promise<string | null> {
  if (command.startsWith('/')) return command;
  for (const dir of SEARCH) {
    try {
      await access(`${dir}/${command}`, constants.X_OK);
      return `${dir}/${command}`;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export function nodeHostReader(): HostReader {
  return {
    readFile: (path, maxBytes = 1024 * 1024) => readCapped(path, maxBytes),
    async readDir(path): Promise<readonly DirEntry[] | null> {
      try {
        const entries = await readdir(path, { withFileTypes: true });
        return entries.map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
      } catch {
        return null;
      }
    },
    async stat(path): Promise<FileInfo | null> {
      try {
        const info = await lstat(path);
        return {
          kind: kindOf(info),
          mode: info.mode & 0o7777,
          uid: info.uid,
          gid: info.gid,
          size: info.size,
          dev: info.dev,
        };
      } catch {
        return null;
      }
    },
    async run(command, args, options = {}): Promise<CommandOutput | null> {
      const path = await locate(command);
      if (path === null) return null;
      return new Promise((resolve) => {
        execFile(
          path,
          [...args],
          {
            timeout: options.timeoutMs ?? 10_000,
            maxBuffer: options.maxBytes ?? 4 * 1024 * 1024,
            env: { PATH: SEARCH.join(':'), LC_ALL: 'C' },
            windowsHide: true,
          },
          (error, stdout) => {
            if (error !== null && (error as { code?: unknown }).code === 'ENOENT') {
              resolve(null);
              return;
            }
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
            resolve({ code, stdout });
          },
        );
      });
    },
    euid: () => process.geteuid?.() ?? -1,
    hostname: () => hostname(),
  };
}
