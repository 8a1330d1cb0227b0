/**
 * One 64 KiB chunk: header checks, then its event records one by one (magic 0x00002a2a, size,
 * record id, FILETIME, BinXML body, trailing size copy). Bad records give a diagnostic and the
 * reader resynchronises on the next record signature.
 */
import type { SigmaDiagnostic } from '../../types.js';
import { EvtxFormatError, u32, u64value } from './bytes.js';
import { newChunkContext, parseFragment } from './binxml.js';
import { crc32 } from './crc32.js';
import { evtxMessages, type EvtxLocation } from './messages.js';
import { renderRecord } from './render-json.js';
import { filetimeMs } from './values.js';

export const CHUNK_SIZE = 0x10000;
const CHUNK_HEADER_SIZE = 512;
const RECORD_MAGIC = 0x00002a2a;
const RECORD_HEADER_SIZE = 24;

/** One decoded event record. */
export interface EvtxRecord {
  /** 1-based ordinal of the record in the file (records that failed to decode count too). */
  readonly record: number;
  /** EventRecordID from the record header. */
  readonly recordId: number | bigint;
  /** Record timestamp in ms since the Unix epoch (NaN when absent). */
  readonly time: number;
  /** The record as evtx_dump's JSON tree: `{ Event: { System: …, EventData | UserData: … } }`. */
  readonly event: Readonly<Record<string, unknown>>;
}

/** Mutable reader state shared across chunks. */
export interface ReadState {
  readonly file: string;
  readonly checksums: boolean;
  readonly diagnostics: SigmaDiagnostic[];
  recordCount: number;
}

function hex(n: number): string {
  return '0x' + n.toString(16);
}

function at(state: ReadState, record: number, path: string): EvtxLocation {
  return { file: state.file, record, path };
}

function isSignature(b: Uint8Array, o: number): boolean {
  return b[o] === 0x2a && b[o + 1] === 0x2a && b[o + 2] === 0 && b[o + 3] === 0;
}

/** Next offset ≥ `from` holding a record signature, or -1. */
function resync(b: Uint8Array, from: number, end: number): number {
  for (let p = from; p + RECORD_HEADER_SIZE <= end; p++) if (isSignature(b, p)) return p;
  return -1;
}

function checkChunkSums(state: ReadState, chunk: Uint8Array, where: string, dataEnd: number): void {
  const headerSum = crc32(chunk, 128, CHUNK_HEADER_SIZE, crc32(chunk, 0, 120));
  if (headerSum !== u32(chunk, 124)) {
    state.diagnostics.push(
      evtxMessages.badChecksum(at(state, 0, where), 'chunk header', 'de l’en-tête de bloc'),
    );
  }
  if (crc32(chunk, CHUNK_HEADER_SIZE, dataEnd) !== u32(chunk, 52)) {
    state.diagnostics.push(
      evtxMessages.badChecksum(at(state, 0, where), 'chunk records', 'des enregistrements du bloc'),
    );
  }
}

function timeCreatedMs(event: Readonly<Record<string, unknown>>): number {
  const tc = (
    event.Event as
      { System?: { TimeCreated?: { '#attributes'?: { SystemTime?: unknown } } } } | undefined
  )?.System?.TimeCreated?.['#attributes']?.SystemTime;
  return typeof tc === 'string' ? Date.parse(tc) : Number.NaN;
}

function decodeRecord(
  state: ReadState,
  chunk: Uint8Array,
  ctx: ReturnType<typeof newChunkContext>,
  pos: number,
  size: number,
  where: string,
): EvtxRecord | null {
  const record = ++state.recordCount;
  try {
    const nodes = parseFragment(ctx, pos + RECORD_HEADER_SIZE, pos + size - 4, false, 0).nodes;
    const event = renderRecord(nodes);
    if (event === null) {
      state.diagnostics.push(evtxMessages.noRoot(at(state, record, where)));
      return null;
    }
    const stamp = filetimeMs(chunk, pos + 16);
    return {
      record,
      recordId: u64value(chunk, pos + 8),
      time: Number.isNaN(stamp) ? timeCreatedMs(event) : stamp,
      event,
    };
  } catch (error) {
    const code = error instanceof EvtxFormatError ? error.code : 'evtx-bad-binxml';
    const detail = error instanceof Error ? error.message : String(error);
    state.diagnostics.push(evtxMessages.badBinXml(at(state, record, where), code, detail));
    return null;
  }
}

/**
 * Yields the records of one chunk. `chunk` may be shorter than 64 KiB when the file is
 * truncated; the records wholly inside it are still read.
 */
export function* readChunk(
  state: ReadState,
  chunk: Uint8Array,
  index: number,
): Generator<EvtxRecord> {
  const base = `chunk ${index}`;
  if (chunk.length < CHUNK_HEADER_SIZE) {
    state.diagnostics.push(evtxMessages.truncatedChunk(at(state, 0, base), chunk.length));
    return;
  }
  const freeSpace = u32(chunk, 48);
  const declaredEnd =
    freeSpace >= CHUNK_HEADER_SIZE && freeSpace <= CHUNK_SIZE ? freeSpace : CHUNK_SIZE;
  const truncated = chunk.length < declaredEnd;
  const end = Math.min(declaredEnd, chunk.length);
  if (state.checksums && !truncated) checkChunkSums(state, chunk, base, end);
  const ctx = newChunkContext(chunk);
  let pos = CHUNK_HEADER_SIZE;
  while (pos + RECORD_HEADER_SIZE <= end) {
    const where = `${base}, offset ${hex(pos)}`;
    const size = u32(chunk, pos + 4);
    const magicOk = u32(chunk, pos) === RECORD_MAGIC;
    if (magicOk && size >= RECORD_HEADER_SIZE + 4 && pos + size > end && truncated) break;
    if (!magicOk || size < RECORD_HEADER_SIZE + 4 || pos + size > end) {
      const detail = magicOk ? `size ${size}` : 'no record signature';
      state.diagnostics.push(evtxMessages.badRecord(at(state, 0, where), detail));
      const next = resync(chunk, pos + 1, end);
      if (next < 0) break;
      pos = next;
      continue;
    }
    const decoded = decodeRecord(state, chunk, ctx, pos, size, where);
    if (decoded !== null) yield decoded;
    pos += size;
  }
  if (truncated) {
    state.diagnostics.push(evtxMessages.truncatedChunk(at(state, 0, base), chunk.length));
  } else if (chunk.length < CHUNK_SIZE) {
    state.diagnostics.push(evtxMessages.shortChunk(at(state, 0, base), chunk.length));
  }
}
