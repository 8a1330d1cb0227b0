/**
 * Model files in and out of zip archives, for export and import.
 *
 * The reader trusts nothing in the archive: it reads the central directory only after checking
 * the end record (no ZIP64, no multi-disk), refuses encrypted entries, methods other than stored
 * and deflate, absolute or `..` paths, backslashes, drive letters, NUL and symbolic links; checks
 * every declared size against the limits BEFORE inflating, inflates with `maxOutputLength` set to
 * the declared size (a bomb that lies about its size stops there), checks the actual size and the
 * CRC-32 after, and refuses entries whose data overlap. Only `*.yaml` / `*.yml` files are kept;
 * the others are listed as ignored. A single top-level folder (a zipped directory) is stripped;
 * files in deeper sub-folders are flattened to their base name when the names stay unique, and the
 * archive is refused (`zip_invalid`, reason `duplicate_name`) when two would collide.
 *
 * The writer reuses the DOCX package's deterministic writer (fixed timestamps, sorted names).
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { err, ok, type Result } from '../../domain/result.js';
import { writeZip } from '../../documents/render/docx-zip.js';
import { DEFAULT_MAX_MODEL_BYTES } from '../limits.js';
import { isModelFileName } from './validation.js';

export const MAX_ZIP_ENTRIES = 200;
/** Deflate cannot honestly exceed ~1032:1; YAML stays far below this. */
const MAX_RATIO = 1000;
/** Ratios are only judged above this size (tiny entries have meaningless ratios). */
const RATIO_FLOOR_BYTES = 64 * 1024;

export type ZipErrorCode =
  | 'zip_invalid'
  | 'zip_too_large'
  | 'zip_bomb'
  | 'zip_path_traversal'
  | 'zip_encrypted'
  | 'zip_unsupported';

export interface ZipError {
  readonly code: ZipErrorCode;
  readonly message: string;
  /** The entry at fault, as named in the archive. */
  readonly entry?: string;
  /** `too_many_entries` or `too_large` for zip_too_large; why for the other codes. */
  readonly reason?: string;
  /** zip_too_large: the limit exceeded (entries, or bytes of YAML files). */
  readonly limit?: number;
  /** zip_too_large (`too_large`): the total of the YAML files' declared sizes. */
  readonly size?: number;
}

export interface ZipLimits {
  /**
   * Total size of the YAML files once inflated (the platform's model limit, the same as for a
   * model saved from the editor); checked on the declared sizes before anything is inflated.
   */
  readonly maxTotalBytes: number;
}

export interface IgnoredEntry {
  readonly name: string;
  readonly reason: 'not_yaml' | 'invalid_name' | 'system_file';
}

export interface ZipContent {
  /** Model files by name (folders stripped), UTF-8 text. */
  readonly files: Record<string, string>;
  readonly ignored: readonly IgnoredEntry[];
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const HOST_UNIX = 3;

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly isDirectory: boolean;
}

const fail = (
  code: ZipErrorCode,
  message: string,
  extra: { entry?: string; reason?: string; limit?: number; size?: number } = {},
): { readonly ok: false; readonly error: ZipError } => err({ code, message, ...extra });

function findEnd(bytes: Buffer): number {
  const last = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= last; at--) {
    if (bytes.readUInt32LE(at) === END) return at;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Why a path inside the archive is unsafe, or undefined when it is a plain relative path. */
function unsafePath(name: string): string | undefined {
  if (name.includes('\0')) return 'nul';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name)) return 'drive_letter';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'dot_segment';
  if (segments.some((s) => s === '')) return 'empty_segment';
  return undefined;
}

function readCentral(bytes: Buffer): Result<CentralEntry[], ZipError> {
  if (bytes.length < 22) return fail('zip_invalid', 'Not a zip file (too short).');
  const end = findEnd(bytes);
  if (end < 0) return fail('zip_invalid', 'Not a zip file: no end of central directory.');
  if (end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    return fail('zip_unsupported', 'ZIP64 archives are not supported.');
  }
  const disk = bytes.readUInt16LE(end + 4);
  const cdDisk = bytes.readUInt16LE(end + 6);
  const onDisk = bytes.readUInt16LE(end + 8);
  const count = bytes.readUInt16LE(end + 10);
  const cdSize = bytes.readUInt32LE(end + 12);
  const cdOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return fail('zip_unsupported', 'ZIP64 archives are not supported.');
  }
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) {
    return fail('zip_unsupported', 'Multi-disk (split) archives are not supported.');
  }
  if (count > MAX_ZIP_ENTRIES) {
    return fail(
      'zip_too_large',
      `The archive has ${String(count)} entries (at most ${String(MAX_ZIP_ENTRIES)}).`,
      { reason: 'too_many_entries', limit: MAX_ZIP_ENTRIES },
    );
  }
  if (cdOffset + cdSize > end) return fail('zip_invalid', 'Corrupted zip: central directory.');
  const entries: CentralEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) {
      return fail('zip_invalid', 'Corrupted zip: central directory entry.');
    }
    const madeBy = bytes.readUInt16LE(at + 4);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const startDisk = bytes.readUInt16LE(at + 34);
    const external = bytes.readUInt32LE(at + 38);
    const localOffset = bytes.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) return fail('zip_invalid', 'Corrupted zip: central directory entry.');
    const name = decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === undefined || name === '') {
      return fail('zip_invalid', 'An entry name is not valid UTF-8.');
    }
    if ((flags & 0x0001) !== 0 || (flags & 0x0040) !== 0 || method === 99) {
      return fail('zip_encrypted', `${name} is encrypted.`, { entry: name });
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      return fail('zip_unsupported', 'ZIP64 archives are not supported.', { entry: name });
    }
    if (startDisk !== 0) return fail('zip_unsupported', 'Multi-disk archives are not supported.');
    const unsafe = unsafePath(name);
    if (unsafe !== undefined) {
      return fail('zip_path_traversal', `${JSON.stringify(name)} is not a safe relative path.`, {
        entry: name,
        reason: unsafe,
      });
    }
    const mode = madeBy >> 8 === HOST_UNIX ? (external >>> 16) & S_IFMT : 0;
    if (mode === S_IFLNK) {
      return fail('zip_path_traversal', `${name} is a symbolic link.`, {
        entry: name,
        reason: 'symlink',
      });
    }
    const isDirectory = name.endsWith('/') || mode === S_IFDIR || (external & 0x10) !== 0;
    if (!isDirectory && method !== 0 && method !== 8) {
      return fail('zip_unsupported', `${name} uses compression method ${String(method)}.`, {
        entry: name,
      });
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset, isDirectory });
    at = next;
  }
  return ok(entries);
}

/** Where an entry's compressed data is, after checking its local header. */
function dataRange(
  bytes: Buffer,
  entry: CentralEntry,
  limit: number,
): Result<{ start: number; end: number }, ZipError> {
  const at = entry.localOffset;
  if (at + 30 > limit || bytes.readUInt32LE(at) !== LOCAL) {
    return fail('zip_invalid', `Corrupted zip: local header of ${entry.name}.`, {
      entry: entry.name,
    });
  }
  if ((bytes.readUInt16LE(at + 6) & 0x0001) !== 0) {
    return fail('zip_encrypted', `${entry.name} is encrypted.`, { entry: entry.name });
  }
  const nameLength = bytes.readUInt16LE(at + 26);
  const localName = bytes.toString('utf8', at + 30, at + 30 + nameLength);
  if (localName !== entry.name) {
    return fail('zip_invalid', `Corrupted zip: ${entry.name} is named differently in its header.`, {
      entry: entry.name,
    });
  }
  const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > limit) {
    return fail('zip_invalid', `The archive is truncated: ${entry.name} is incomplete.`, {
      entry: entry.name,
      reason: 'truncated',
    });
  }
  return ok({ start, end });
}

function inflate(raw: Buffer, entry: CentralEntry): Result<Buffer, ZipError> {
  if (entry.method === 0) return ok(Buffer.from(raw));
  try {
    // maxOutputLength must be ≥ 1; an empty entry that inflates to more is caught below.
    return ok(inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) }));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      return fail('zip_bomb', `${entry.name} inflates to more than its declared size.`, {
        entry: entry.name,
      });
    }
    return fail('zip_invalid', `${entry.name} is not valid deflate data.`, { entry: entry.name });
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isSystemFile(path: string): boolean {
  const base = baseName(path);
  return path.startsWith('__MACOSX/') || base === '.DS_Store' || base === 'Thumbs.db';
}

/** Reads the model files of an uploaded zip archive safely (see the module comment). */
export function readModelZip(
  bytes: Buffer,
  limits: ZipLimits = { maxTotalBytes: DEFAULT_MAX_MODEL_BYTES },
): Result<ZipContent, ZipError> {
  const { maxTotalBytes } = limits;
  const central = readCentral(bytes);
  if (!central.ok) return central;
  const entries = central.value.filter((e) => !e.isDirectory);
  const cdStart = bytes.readUInt32LE(findEnd(bytes) + 16);

  const ignored: IgnoredEntry[] = [];
  const candidates: CentralEntry[] = [];
  for (const entry of entries) {
    if (isSystemFile(entry.name)) ignored.push({ name: entry.name, reason: 'system_file' });
    else if (!/\.ya?ml$/i.test(entry.name)) ignored.push({ name: entry.name, reason: 'not_yaml' });
    else candidates.push(entry);
  }

  // Declared sizes first: nothing is inflated if the archive announces too much.
  const declared = candidates.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > maxTotalBytes) {
    const largest = candidates.reduce((a, b) => (b.size > a.size ? b : a));
    return fail(
      'zip_too_large',
      `The YAML files total ${String(declared)} bytes, more than ${String(maxTotalBytes)}.`,
      {
        ...(largest.size > maxTotalBytes ? { entry: largest.name } : {}),
        reason: 'too_large',
        limit: maxTotalBytes,
        size: declared,
      },
    );
  }
  for (const entry of candidates) {
    if (
      entry.size > RATIO_FLOOR_BYTES &&
      entry.size / Math.max(1, entry.compressedSize) > MAX_RATIO
    ) {
      return fail('zip_bomb', `${entry.name} has an implausible compression ratio.`, {
        entry: entry.name,
      });
    }
  }

  // Overlapping entries (the same bytes counted several times) are a known bomb technique.
  const ranges: { start: number; end: number; name: string }[] = [];
  for (const entry of entries) {
    const range = dataRange(bytes, entry, cdStart);
    if (!range.ok) return range;
    ranges.push({ start: entry.localOffset, end: range.value.end, name: entry.name });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const previous = ranges[i - 1];
    const current = ranges[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      return fail('zip_bomb', `${current.name} overlaps another entry.`, { entry: current.name });
    }
  }

  const files: Record<string, string> = {};
  const sources = new Map<string, string>();
  for (const entry of candidates) {
    const range = dataRange(bytes, entry, cdStart);
    if (!range.ok) return range;
    const inflated = inflate(bytes.subarray(range.value.start, range.value.end), entry);
    if (!inflated.ok) return inflated;
    const data = inflated.value;
    if (data.length !== entry.size) {
      return fail('zip_invalid', `${entry.name} does not have its declared size.`, {
        entry: entry.name,
      });
    }
    if (crc32(data) !== entry.crc) {
      return fail('zip_invalid', `${entry.name} is corrupted (CRC-32 mismatch).`, {
        entry: entry.name,
        reason: 'crc',
      });
    }
    // Folders are flattened (a zipped directory, or sub-folders): names must stay unique.
    const name = baseName(entry.name);
    if (!isModelFileName(name)) {
      ignored.push({ name: entry.name, reason: 'invalid_name' });
      continue;
    }
    const other = sources.get(name);
    if (other !== undefined) {
      return fail('zip_invalid', `${entry.name} and ${other} would both be named ${name}.`, {
        entry: entry.name,
        reason: 'duplicate_name',
      });
    }
    const text = decode(data);
    if (text === undefined) {
      return fail('zip_invalid', `${entry.name} is not UTF-8 text.`, {
        entry: entry.name,
        reason: 'encoding',
      });
    }
    sources.set(name, entry.name);
    files[name] = text.replace(/^\uFEFF/, '');
  }
  return ok({ files, ignored });
}

/**
 * The raw bytes of the entries `accept` keeps, by their full path in the archive: for formats
 * packaged as zip (an XLSX workbook). The same checks as {@link readModelZip}: safe paths, no
 * encryption, stored or deflate only, the kept entries' declared sizes against `maxTotalBytes`
 * before anything is inflated, compression ratio, overlapping entries, actual size and CRC-32.
 */
export function readZipEntries(
  bytes: Buffer,
  accept: (name: string) => boolean,
  limits: ZipLimits = { maxTotalBytes: DEFAULT_MAX_MODEL_BYTES },
): Result<ReadonlyMap<string, Buffer>, ZipError> {
  const central = readCentral(bytes);
  if (!central.ok) return central;
  const entries = central.value.filter((e) => !e.isDirectory);
  const cdStart = bytes.readUInt32LE(findEnd(bytes) + 16);
  const kept = entries.filter((e) => accept(e.name));
  const declared = kept.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limits.maxTotalBytes) {
    return fail('zip_too_large', `The entries total ${String(declared)} bytes.`, {
      reason: 'too_large',
      limit: limits.maxTotalBytes,
      size: declared,
    });
  }
  const ranges: { start: number; end: number; name: string }[] = [];
  for (const entry of entries) {
    const range = dataRange(bytes, entry, cdStart);
    if (!range.ok) return range;
    ranges.push({ start: entry.localOffset, end: range.value.end, name: entry.name });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const previous = ranges[i - 1];
    const current = ranges[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      return fail('zip_bomb', `${current.name} overlaps another entry.`, { entry: current.name });
    }
  }
  const out = new Map<string, Buffer>();
  for (const entry of kept) {
    if (
      entry.size > RATIO_FLOOR_BYTES &&
      entry.size / Math.max(1, entry.compressedSize) > MAX_RATIO
    ) {
      return fail('zip_bomb', `${entry.name} has an implausible compression ratio.`, {
        entry: entry.name,
      });
    }
    const range = dataRange(bytes, entry, cdStart);
    if (!range.ok) return range;
    const inflated = inflate(bytes.subarray(range.value.start, range.value.end), entry);
    if (!inflated.ok) return inflated;
    if (inflated.value.length !== entry.size || crc32(inflated.value) !== entry.crc) {
      return fail('zip_invalid', `${entry.name} is corrupted.`, { entry: entry.name });
    }
    out.set(entry.name, inflated.value);
  }
  return ok(out);
}

/** Fixed entry date: the same files always give the same bytes. */
const EXPORT_DATE = '2000-01-01';

/**
 * A zip of the model files, sorted by name, under `folder/` when given (so that unzipping
 * creates one directory). Deterministic; `readModelZip` gives the same files back.
 */
export function writeModelZip(files: Readonly<Record<string, string>>, folder?: string): Buffer {
  const prefix = folder === undefined || folder === '' ? '' : `${folder}/`;
  const entries = Object.keys(files)
    .sort()
    .map((name) => ({ name: prefix + name, data: Buffer.from(files[name] ?? '', 'utf8') }));
  return writeZip(entries, EXPORT_DATE);
}
