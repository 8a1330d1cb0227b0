/**
 * Entry point of the EVTX reader (pure: takes the file's bytes, does no I/O). Streams records
 * chunk by chunk and never throws on bad bytes: problems become diagnostics and reading goes on
 * with the next record or chunk.
 */
import type { SigmaDiagnostic } from '../../types.js';
import { u16, u32 } from './bytes.js';
import { CHUNK_SIZE, readChunk, type EvtxRecord, type ReadState } from './chunk.js';
import { crc32 } from './crc32.js';
import { evtxMessages } from './messages.js';

export type { EvtxRecord } from './chunk.js';

const FILE_HEADER_SIZE = 0x1000;
const FILE_MAGIC = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"
const CHUNK_MAGIC = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"

export interface EvtxOptions {
  /** Verify the CRC32 of the file header, chunk headers and chunk records (default true). */
  readonly checksums?: boolean;
}

export interface EvtxParseResult {
  /** The records, decoded lazily; each iteration re-reads the file from the start. */
  readonly events: Iterable<EvtxRecord>;
  /** Problems found so far; complete once `events` has been iterated to the end. */
  readonly diagnostics: SigmaDiagnostic[];
}

function hasMagic(b: Uint8Array, o: number, magic: readonly number[]): boolean {
  for (let i = 0; i < magic.length; i++) if (b[o + i] !== magic[i]) return false;
  return true;
}

function isZero(b: Uint8Array, o: number, n: number): boolean {
  for (let i = 0; i < n; i++) if ((b[o + i] ?? 0) !== 0) return false;
  return true;
}

/** Offset of the first chunk, or -1 when the bytes are not an EVTX file. */
function firstChunkOffset(state: ReadState, bytes: Uint8Array): number {
  const fileLevel = { file: state.file, record: 0, path: 'file header' };
  if (bytes.length === 0) {
    state.diagnostics.push(evtxMessages.empty(fileLevel));
    return -1;
  }
  if (hasMagic(bytes, 0, FILE_MAGIC)) {
    if (bytes.length < FILE_HEADER_SIZE) {
      state.diagnostics.push(evtxMessages.truncatedHeader(fileLevel, bytes.length));
      return -1;
    }
    if (state.checksums && crc32(bytes, 0, 120) !== u32(bytes, 124)) {
      state.diagnostics.push(
        evtxMessages.badChecksum(fileLevel, 'file header', 'de l’en-tête du fichier'),
      );
    }
    return FILE_HEADER_SIZE;
  }
  if (hasMagic(bytes, 0, CHUNK_MAGIC)) return 0;
  if (hasMagic(bytes, FILE_HEADER_SIZE, CHUNK_MAGIC)) {
    state.diagnostics.push(evtxMessages.headerDamaged(fileLevel));
    return FILE_HEADER_SIZE;
  }
  state.diagnostics.push(evtxMessages.notEvtx(fileLevel));
  return -1;
}

function* readFile(state: ReadState, bytes: Uint8Array): Generator<EvtxRecord> {
  const start = firstChunkOffset(state, bytes);
  if (start < 0) return;
  const declared = hasMagic(bytes, 0, FILE_MAGIC) ? u16(bytes, 42) : 0;
  const present = Math.ceil((bytes.length - start) / CHUNK_SIZE);
  if (present < declared) {
    const at = { file: state.file, record: 0, path: 'file header' };
    state.diagnostics.push(evtxMessages.missingChunks(at, declared, present));
  }
  for (let offset = start, index = 0; offset < bytes.length; offset += CHUNK_SIZE, index++) {
    const chunk = bytes.subarray(offset, Math.min(offset + CHUNK_SIZE, bytes.length));
    if (hasMagic(chunk, 0, CHUNK_MAGIC)) {
      yield* readChunk(state, chunk, index);
    } else if (!isZero(chunk, 0, Math.min(chunk.length, 512))) {
      state.diagnostics.push(
        evtxMessages.badChunk({ file: state.file, record: 0, path: `chunk ${index}` }),
      );
    }
  }
}

/**
 * Parses a Windows event log file (.evtx). Records are decoded as `events` is iterated, one chunk
 * at a time, into evtx_dump's JSON shape. Never throws on malformed input.
 */
export function parseEvtx(
  bytes: Uint8Array,
  file: string,
  options: EvtxOptions = {},
): EvtxParseResult {
  const diagnostics: SigmaDiagnostic[] = [];
  const checksums = options.checksums ?? true;
  // A plain view (not a Node Buffer) keeps subarray() cheap in the hot path.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const events: Iterable<EvtxRecord> = {
    [Symbol.iterator]: () => {
      diagnostics.length = 0;
      return readFile({ file, checksums, diagnostics, recordCount: 0 }, view);
    },
  };
  return { events, diagnostics };
}
