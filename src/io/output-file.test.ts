import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FileAccessError } from './file-access.js';
import {
  openOutput,
  prepareOutputDirectory,
  writeOutputFile,
  writeOutputFiles,
} from './output-file.js';

const root = mkdtempSync(join(tmpdir(), 'vigie-output-file-'));
let scratch = root;
let round = 0;
beforeEach(() => {
  round += 1;
  scratch = join(root, String(round));
  mkdirSync(scratch);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Files of the scratch folder: a leftover temporary file would show here. */
const listing = (): string[] => readdirSync(scratch).sort();

describe('writeOutputFile', () => {
  it('writes a new file, leaving nothing else behind', async () => {
    const file = join(scratch, 'report.md');
    await writeOutputFile(file, '# Report\n', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('# Report\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(listing()).toEqual(['report.md']);
  });

  it('replaces an existing file keeping its permissions, and writes through a symbolic link', async () => {
    const file = join(scratch, 'report.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeOutputFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);

    const link = join(scratch, 'latest.md');
    symlinkSync(file, link);
    await writeOutputFile(link, 'through the link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('through the link');
    expect(listing()).toEqual(['latest.md', 'report.md']);
  });

  it('refuses to replace a file with overwrite: false, atomically', async () => {
    const file = join(scratch, 'backup.gz');
    writeFileSync(file, 'previous');
    await expect(writeOutputFile(file, 'next', { overwrite: false })).rejects.toMatchObject({
      problem: 'exists',
    });
    // the file appears between the check and the rename: still refused by the hard link
    const late = join(scratch, 'late.gz');
    const sink = await openOutput(late, { overwrite: false });
    await sink.write('next');
    writeFileSync(late, 'previous');
    await expect(sink.commit()).rejects.toMatchObject({ problem: 'exists', path: late });
    expect(readFileSync(late, 'utf8')).toBe('previous');
    expect(listing()).toEqual(['backup.gz', 'late.gz']);
  });

  it('names the path the user gave on a missing folder, a directory, a file in the way', async () => {
    const missing = join(scratch, 'nowhere', 'out.txt');
    await expect(writeOutputFile(missing, 'x')).rejects.toMatchObject({
      problem: 'no-directory',
      path: missing,
      mode: 'write',
    });
    await expect(writeOutputFile(scratch, 'x')).rejects.toMatchObject({ problem: 'is-directory' });
    const plain = join(scratch, 'plain');
    writeFileSync(plain, 'x');
    await expect(writeOutputFile(join(plain, 'out.txt'), 'x')).rejects.toMatchObject({
      problem: 'not-directory',
    });
  });

  it.skipIf(!existsSync('/dev/full'))(
    'writes devices in place: /dev/null takes it, /dev/full is a full disk',
    async () => {
      await writeOutputFile('/dev/null', 'discarded');
      const error = await writeOutputFile('/dev/full', 'x'.repeat(100)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileAccessError);
      expect(error).toMatchObject({ problem: 'no-space', errno: 'ENOSPC', path: '/dev/full' });
    },
  );

  it('writes to a FIFO in place (process substitution, named pipes)', async () => {
    const fifo = join(scratch, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = import('node:fs/promises').then(({ readFile }) => readFile(fifo, 'utf8'));
    await writeOutputFile(fifo, 'through the pipe');
    expect(await reader).toBe('through the pipe');
  });
});

describe('openOutput', () => {
  it('shows nothing under the name before commit, and abort keeps the previous file', async () => {
    const file = join(scratch, 'detections.jsonl');
    writeFileSync(file, 'previous run\n');
    const sink = await openOutput(file);
    await sink.write('{"a":1}\n');
    await sink.write(new Uint8Array(2 * 1024 * 1024)); // past the buffer: reaches the disk
    expect(readFileSync(file, 'utf8')).toBe('previous run\n');
    await sink.abort();
    expect(readFileSync(file, 'utf8')).toBe('previous run\n');
    expect(listing()).toEqual(['detections.jsonl']);
    await sink.abort(); // twice is harmless
  });

  it('fails at open, before any work, when the path cannot be written', async () => {
    await expect(openOutput(join(scratch, 'no', 'such', 'dir', 'x'))).rejects.toMatchObject({
      problem: 'no-directory',
    });
  });

  it('serves as a stream, and its failures reach the pipeline as FileAccessErrors', async () => {
    const file = join(scratch, 'stream.txt');
    const sink = await openOutput(file);
    await pipeline(Readable.from(['one ', 'two']), sink.writable());
    await sink.commit();
    expect(readFileSync(file, 'utf8')).toBe('one two');
    if (!existsSync('/dev/full')) return;
    const full = await openOutput('/dev/full');
    const big = Readable.from([Buffer.alloc(3 * 1024 * 1024)]);
    await expect(pipeline(big, full.writable())).rejects.toMatchObject({ problem: 'no-space' });
    await full.abort();
  });
});

describe('output folders', () => {
  it('creates missing parents, and refuses a file or a device in the way', async () => {
    const dir = join(scratch, 'a', 'b');
    await writeOutputFiles(dir, { 'model.yaml': 'x: 1\n', 'schema.json': '{}\n' });
    expect(readdirSync(dir).sort()).toEqual(['model.yaml', 'schema.json']);
    const plain = join(scratch, 'plain');
    writeFileSync(plain, 'x');
    await expect(prepareOutputDirectory(plain)).rejects.toMatchObject({
      problem: 'not-directory',
      path: plain,
    });
    await expect(prepareOutputDirectory(join(plain, 'below'))).rejects.toMatchObject({
      problem: 'not-directory',
    });
    if (existsSync('/dev/full'))
      await expect(prepareOutputDirectory('/dev/full')).rejects.toMatchObject({
        problem: 'not-directory',
      });
  });
});
