/**
 * Decoding of substitution values (every BinXML scalar type and its array form) into the JS
 * values the JSON renderer emits, with the textual forms of evtx_dump: GUIDs upper-case without
 * braces, hex integers `0x…` lower-case, binary upper-case hex, times `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
 */
import { ansiSized, i32, i64value, u16, u32, u64big, u64value, u8, utf16Sized } from './bytes.js';
import type { EvtxValue } from './nodes.js';

const HEX = '0123456789ABCDEF';
const FILETIME_UNIX_EPOCH_MS = 11644473600000;

/** Fixed element size of a scalar type, 0 when variable-sized. */
export function fixedSize(type: number): number {
  switch (type) {
    case 0x03:
    case 0x04:
      return 1;
    case 0x05:
    case 0x06:
      return 2;
    case 0x07:
    case 0x08:
    case 0x0b:
    case 0x0d:
    case 0x14:
      return 4;
    case 0x09:
    case 0x0a:
    case 0x0c:
    case 0x11:
    case 0x15:
      return 8;
    case 0x0f:
    case 0x12:
      return 16;
    default:
      return 0;
  }
}

export function hexUpper(b: Uint8Array, o: number, size: number): string {
  let s = '';
  for (let i = 0; i < size; i++) {
    const v = b[o + i] ?? 0;
    s += (HEX[v >> 4] ?? '0') + (HEX[v & 15] ?? '0');
  }
  return s;
}

function hex2(v: number): string {
  return (HEX[(v >> 4) & 15] ?? '0') + (HEX[v & 15] ?? '0');
}

export function guidAt(b: Uint8Array, o: number): string {
  const p = (i: number): string => hex2(b[o + i] ?? 0);
  return (
    p(3) +
    p(2) +
    p(1) +
    p(0) +
    '-' +
    p(5) +
    p(4) +
    '-' +
    p(7) +
    p(6) +
    '-' +
    p(8) +
    p(9) +
    '-' +
    p(10) +
    p(11) +
    p(12) +
    p(13) +
    p(14) +
    p(15)
  );
}

/** `S-R-A-S1-…`; returns the string and the byte size the SID occupies. */
export function sidAt(b: Uint8Array, o: number, size: number): string {
  if (size < 8) return 'S-?';
  const count = u8(b, o + 1);
  const authority =
    u16(b, o + 2) === 0 ? u32be(b, o + 4) : u32be(b, o + 4) + u16be(b, o + 2) * 0x100000000;
  let s = 'S-' + String(u8(b, o)) + '-' + String(authority);
  for (let i = 0; i < count && 8 + 4 * i + 4 <= size; i++) s += '-' + String(u32(b, o + 8 + 4 * i));
  return s;
}

function u16be(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

function u32be(b: Uint8Array, o: number): number {
  return u16be(b, o) * 0x10000 + u16be(b, o + 2);
}

function pad(v: number, width: number): string {
  return String(v).padStart(width, '0');
}

function isoFromParts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  micros: number,
): string {
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(micros, 6)}Z`;
}

/** FILETIME (100 ns ticks since 1601) as evtx_dump prints it; the raw tick count past year 9999. */
export function filetimeAt(b: Uint8Array, o: number): string {
  const ticks = u64big(b, o);
  const micros = ticks / 10n;
  const ms = Number(micros / 1000n) - FILETIME_UNIX_EPOCH_MS;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year > 9999 || year < 1) return ticks.toString();
  return isoFromParts(
    year,
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    Number(micros % 1000000n),
  );
}

/** Milliseconds since the Unix epoch of a FILETIME, NaN when zero. */
export function filetimeMs(b: Uint8Array, o: number): number {
  const ticks = u32(b, o) + u32(b, o + 4) * 0x100000000;
  if (ticks === 0) return Number.NaN;
  return Math.floor(ticks / 10000) - FILETIME_UNIX_EPOCH_MS;
}

export function systimeAt(b: Uint8Array, o: number): string {
  return isoFromParts(
    u16(b, o),
    u16(b, o + 2),
    u16(b, o + 6),
    u16(b, o + 8),
    u16(b, o + 10),
    u16(b, o + 12),
    u16(b, o + 14) * 1000,
  );
}

function lowerHex(v: number | bigint): string {
  return '0x' + v.toString(16);
}

/** Shortest round-trip form with a `.0` on integral values, like Rust float printing. */
export function formatReal(v: number, isFloat32: boolean): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'inf' : '-inf';
  let s = String(v);
  if (isFloat32) {
    for (let p = 1; p <= 9; p++) {
      const candidate = Number(v.toPrecision(p));
      if (Math.fround(candidate) === v) {
        s = String(candidate);
        break;
      }
    }
  }
  if (s.includes('e')) return s.replace('e+', 'e');
  return s.includes('.') ? s : s + '.0';
}

const scratch = new DataView(new ArrayBuffer(8));

function real(b: Uint8Array, o: number, isFloat32: boolean): string {
  for (let i = 0; i < (isFloat32 ? 4 : 8); i++) scratch.setUint8(i, b[o + i] ?? 0);
  return formatReal(
    isFloat32 ? scratch.getFloat32(0, true) : scratch.getFloat64(0, true),
    isFloat32,
  );
}

/** Decodes one fixed-size scalar at `o` (the caller checked `size >= fixedSize(type)`). */
function fixedScalar(b: Uint8Array, o: number, type: number): EvtxValue {
  switch (type) {
    case 0x03:
      return (u8(b, o) << 24) >> 24;
    case 0x04:
      return u8(b, o);
    case 0x05:
      return (u16(b, o) << 16) >> 16;
    case 0x06:
      return u16(b, o);
    case 0x07:
      return i32(b, o);
    case 0x08:
      return u32(b, o);
    case 0x09:
      return i64value(b, o);
    case 0x0a:
      return u64value(b, o);
    case 0x0b:
      return real(b, o, true);
    case 0x0c:
      return real(b, o, false);
    case 0x0d:
      return u32(b, o) !== 0;
    case 0x0f:
      return guidAt(b, o);
    case 0x11:
      return filetimeAt(b, o);
    case 0x12:
      return systimeAt(b, o);
    case 0x14:
      return lowerHex(u32(b, o));
    case 0x15:
      return lowerHex(u64big(b, o));
    default:
      return null;
  }
}

function textOf(v: EvtxValue): string {
  return v === null || typeof v === 'object' ? '' : String(v);
}

function arrayValue(b: Uint8Array, o: number, size: number, type: number): string {
  const base = type & 0x7f;
  const parts: string[] = [];
  if (base === 0x01 || base === 0x02) {
    const unit = base === 0x01 ? 2 : 1;
    let start = o;
    const end = o + size;
    for (let p = o; p + unit <= end; p += unit) {
      if (b[p] === 0 && (unit === 1 || b[p + 1] === 0)) {
        parts.push(
          base === 0x01 ? utf16Sized(b, start, p - start) : ansiSized(b, start, p - start),
        );
        start = p + unit;
      }
    }
    if (start < end)
      parts.push(
        base === 0x01 ? utf16Sized(b, start, end - start) : ansiSized(b, start, end - start),
      );
    return parts.join(',');
  }
  if (base === 0x13) {
    for (let p = o; p + 8 <= o + size;) {
      const len = 8 + 4 * u8(b, p + 1);
      parts.push(sidAt(b, p, Math.min(len, o + size - p)));
      p += len;
    }
    return parts.join(',');
  }
  const width = base === 0x10 ? (size % 8 === 0 ? 8 : 4) : fixedSize(base);
  if (width === 0) return hexUpper(b, o, size);
  for (let p = o; p + width <= o + size; p += width) {
    parts.push(
      base === 0x10
        ? lowerHex(width === 8 ? u64big(b, p) : u32(b, p))
        : textOf(fixedScalar(b, p, base)),
    );
  }
  return parts.join(',');
}

/**
 * Decodes a substitution value of `type` stored in `size` bytes at `o`. BinXml (0x21) is not
 * handled here (the fragment parser owns it). A fixed-size value with too few bytes is null.
 */
export function decodeScalar(b: Uint8Array, o: number, size: number, type: number): EvtxValue {
  if ((type & 0x80) !== 0) return size === 0 ? '' : arrayValue(b, o, size, type);
  switch (type) {
    case 0x00:
      return null;
    // evtx_dump (SigmaHQ's renderer) trims surrounding whitespace of string values.
    case 0x01:
      return utf16Sized(b, o, size).trim();
    case 0x02:
      return ansiSized(b, o, size).trim();
    case 0x0e:
    case 0x20:
    case 0x23:
      return hexUpper(b, o, size);
    case 0x10:
      return size >= 8 ? lowerHex(u64big(b, o)) : size >= 4 ? lowerHex(u32(b, o)) : null;
    case 0x13:
      return sidAt(b, o, size);
    default: {
      const width = fixedSize(type);
      if (width === 0 || size < width) return null;
      return fixedScalar(b, o, type);
    }
  }
}
