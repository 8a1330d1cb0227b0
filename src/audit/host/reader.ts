/**
 * What the host audit reads the system through (the port): files, directories, file modes and
 * a few read-only commands. `system.ts` is the Node implementation; tests hand in a fake host.
 * Nothing here writes: the host audit is read-only by construction.
 */

export interface FileInfo {
  readonly kind: 'file' | 'dir' | 'symlink' | 'other';
  /** Permission bits with setuid/setgid/sticky (`mode & 0o7777`). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** Device id: the walk stays on the filesystem it started on. */
  readonly dev: number;
}

export interface DirEntry {
  readonly name: string;
  readonly kind: FileInfo['kind'];
}

export interface CommandOutput {
  readonly code: number | null;
  readonly stdout: string;
}

export interface HostReader {
  /** The file's text (at most `maxBytes`, default 1 MiB), or null when absent or unreadable. */
  readFile(path: string, maxBytes?: number): Promise<string | null>;
  readDir(path: string): Promise<readonly DirEntry[] | null>;
  /** lstat: a symlink is reported as one, never followed. */
  stat(path: string): Promise<FileInfo | null>;
  /**
   * Runs a read-only command (absolute path or a name looked up in the standard sbin/bin
   * directories) with a timeout and an output cap; null when the command is not installed.
   */
  run(
    command: string,
    args: readonly string[],
    options?: { readonly timeoutMs?: number; readonly maxBytes?: number },
  ): Promise<CommandOutput | null>;
  /** Effective user id (0: root, more can be read). */
  euid(): number;
  hostname(): string;
}
