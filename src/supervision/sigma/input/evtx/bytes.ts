/**
 * Little-endian reads over a Uint8Array without DataView allocation, UTF-16LE decoding, and the
 * internal error used to abandon a malformed record (caught by the record loop, never escapes).
 */

/** Thrown inside the parser when bytes are malformed; turned into a diagnostic by the caller. */
export class EvtxFormatError extends Error {
  readonly code: string;
  readonly offset: number;
  constructor(code: string, offset: number, detail: string) {
    super(detail);
    this.code = code;
    this.offset = offset;
  }
}

export function fail(code: string, offset: number, detail: string): never {
  throw new EvtxFormatError(code, offset, detail);
}

/** Throws when `[offset, offset + size)` is not inside `[0, end)`. */
export function need(end: number, offset: number, size: number): void {
  if (offset < 0 || size < 0 || offset + size > end) {
    fail('evtx-truncated-binxml', offset, `need ${size} bytes at ${offset}, have ${end - offset}`);
  }
}

export function u8(b: Uint8Array, o: number): number {
  return b[o] ?? 0;
}

export function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (
    ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000
  );
}

export function i32(b: Uint8Array, o: number): number {
  return u32(b, o) | 0;
}

/** Unsigned 64-bit value as a double (exact below 2^53). */
export function u64n(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

export function u64big(b: Uint8Array, o: number): bigint {
  return (BigInt(u32(b, o + 4)) << 32n) | BigInt(u32(b, o));
}

/** A number when it fits exactly, otherwise a bigint (rendered as a JSON number by callers). */
export function u64value(b: Uint8Array, o: number): number | bigint {
  const hi = u32(b, o + 4);
  if (hi < 0x200000) return hi * 0x100000000 + u32(b, o);
  return u64big(b, o);
}

export function i64value(b: Uint8Array, o: number): number | bigint {
  const hi = i32(b, o + 4);
  if (hi >= -0x200000 && hi < 0x200000) return hi * 0x100000000 + u32(b, o);
  return BigInt.asIntN(64, u64big(b, o));
}

const utf16 = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('windows-1252');

/** Decodes `count` UTF-16LE code units at `o`; short strings skip the TextDecoder call. */
export function utf16At(b: Uint8Array, o: number, count: number): string {
  if (count <= 0) return '';
  if (count <= 16) {
    let s = '';
    for (let i = 0; i < count; i++) {
      s += String.fromCharCode(u16(b, o + 2 * i));
    }
    return s;
  }
  return utf16.decode(b.subarray(o, o + 2 * count));
}

/** UTF-16LE string of `size` bytes, cut at the first NUL code unit. */
export function utf16Sized(b: Uint8Array, o: number, size: number): string {
  const count = size >>> 1;
  let n = 0;
  while (n < count && (b[o + 2 * n] !== 0 || b[o + 2 * n + 1] !== 0)) n++;
  return utf16At(b, o, n);
}

/** Windows-1252 ("ANSI") string of `size` bytes, cut at the first NUL. */
export function ansiSized(b: Uint8Array, o: number, size: number): string {
  let n = 0;
  while (n < size && b[o + n] !== 0) n++;
  return latin1.decode(b.subarray(o, o + n));
}
