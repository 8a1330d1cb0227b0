/**
 * `readEvents(path)`: reads a log file of any supported format (sniffed from its content, gzip
 * or not) and yields normalised records and diagnostics, never throwing on bad input.
 * I/O adapter (file system through byte-source.ts).
 */
import { stat } from 'node:fs/promises';
import { openByteSource, type ProgressCallback } from './byte-source.js';
import { decodeRecords } from './decode-records.js';
import type { InputItem } from './diagnostics.js';
import { readEvtxBytes } from './evtx-reader.js';
import { inputProblems } from './input-messages.js';
import { sniffFormat, type InputFormat } from './sniff.js';

/** Options of readEvents. */
export interface ReadEventsOptions {
  /** Name given to records and diagnostics (defaults to the path). */
  readonly file?: string;
  /** Skip content sniffing and read as this format. */
  readonly format?: InputFormat;
  /** Largest record accepted, in bytes (default 16 MiB); longer ones are skipped and reported. */
  readonly maxRecordBytes?: number;
  /** Year of RFC 3164 syslog timestamps (default: the file's modification year). */
  readonly year?: number;
  readonly onProgress?: ProgressCallback;
}

/** Default largest record, in bytes. */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function* readEvtx(chunks: AsyncIterable<Buffer>, file: string): AsyncGenerator<InputItem> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  yield* readEvtxBytes(Buffer.concat(parts), file);
}

async function defaultYear(path: string): Promise<number> {
  try {
    return (await stat(path)).mtime.getUTCFullYear();
  } catch {
    return new Date().getUTCFullYear();
  }
}

/**
 * Reads the records of `path`. Yields InputRecords and diagnostics (tell them apart with
 * `isInputDiagnostic`); a file that cannot be read yields one `input-unreadable` diagnostic.
 */
export async function* readEvents(
  path: string,
  options: ReadEventsOptions = {},
): AsyncGenerator<InputItem> {
  const file = options.file ?? path;
  try {
    const opened = await openByteSource(
      path,
      options.onProgress === undefined ? {} : { onProgress: options.onProgress },
    );
    const format = options.format ?? sniffFormat(opened.head, opened.complete);
    if (format === 'evtx') {
      yield* readEvtx(opened.chunks, file);
      return;
    }
    if (format === 'text') yield inputProblems.unknownFormat(file);
    const settings = {
      file,
      maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
      year: options.year ?? (await defaultYear(path)),
    };
    yield* decodeRecords(opened.chunks, format, settings);
  } catch (error) {
    yield inputProblems.unreadable(file, reason(error));
  }
}
