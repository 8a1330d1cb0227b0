/**
 * Opens a file as a stream of byte chunks, decompressing gzip when the content starts with
 * gzip's magic number (whatever the file is called), reporting progress in bytes read from
 * disk, and keeping the first bytes aside for format sniffing. I/O adapter (node:fs, node:zlib).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzip } from './sniff.js';

/** Progress callback: bytes read from disk so far, and the file's size. */
export type ProgressCallback = (bytesRead: number, totalBytes: number) => void;

/** An opened input: its first bytes, whether they are all of it, and every chunk (head included). */
export interface ByteSource {
  readonly head: Buffer;
  readonly complete: boolean;
  readonly compressed: boolean;
  readonly chunks: AsyncIterable<Buffer>;
}

const CHUNK_BYTES = 1 << 20;
const HEAD_BYTES = 256 * 1024;

async function* counted(
  stream: AsyncIterable<Buffer>,
  total: number,
  onProgress: ProgressCallback | undefined,
): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of stream) {
    read += chunk.length;
    onProgress?.(read, total);
    yield chunk;
  }
}

/** Reads the first chunks of `it` until `bytes` are held; returns them and whether `it` ended. */
async function takeHead(
  it: AsyncIterator<Buffer>,
  bytes: number,
): Promise<{ readonly held: Buffer[]; readonly done: boolean }> {
  const held: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await it.next();
    if (next.done === true) return { held, done: true };
    held.push(next.value);
    size += next.value.length;
  }
  return { held, done: false };
}

async function* replay(
  held: readonly Buffer[],
  it: AsyncIterator<Buffer>,
  done: boolean,
): AsyncGenerator<Buffer> {
  for (const chunk of held) yield chunk;
  if (done) return;
  for (;;) {
    const next = await it.next();
    if (next.done === true) return;
    yield next.value;
  }
}

function gunzip(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const inflate = createGunzip();
  // Errors (corrupt or truncated gzip) surface when the caller iterates `inflate`.
  pipeline(Readable.from(chunks), inflate, () => undefined);
  return inflate as AsyncIterable<Buffer>;
}

/** Opens `path`; throws (adapter) when it cannot be read. */
export async function openByteSource(
  path: string,
  options: { readonly onProgress?: ProgressCallback; readonly headBytes?: number } = {},
): Promise<ByteSource> {
  const { size } = await stat(path);
  const raw = counted(
    createReadStream(path, { highWaterMark: CHUNK_BYTES }),
    size,
    options.onProgress,
  );
  const rawIt = raw[Symbol.asyncIterator]();
  const magic = await takeHead(rawIt, 2);
  const magicBytes = Buffer.concat(magic.held);
  const compressed = isGzip(magicBytes);
  const plain = compressed
    ? gunzip(replay(magic.held, rawIt, magic.done))
    : replay(magic.held, rawIt, magic.done);
  const it = plain[Symbol.asyncIterator]();
  const { held, done } = await takeHead(it, options.headBytes ?? HEAD_BYTES);
  return { head: Buffer.concat(held), complete: done, compressed, chunks: replay(held, it, done) };
}
