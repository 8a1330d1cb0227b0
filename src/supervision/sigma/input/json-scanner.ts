/**
 * Cuts a byte stream into top-level JSON values: objects written one after another (possibly
 * pretty-printed over many lines, as in SigmaHQ's regression files) or the elements of one big
 * JSON array, without loading the whole file. Pure over its async input: it only tracks nesting
 * depth and strings; JSON.parse runs on each cut value. A value longer than `maxBytes` is
 * counted and dropped rather than accumulated.
 */

/** A cut value (its text, to parse), or what went wrong at that place. */
export type ScannedValue =
  | { readonly kind: 'value'; readonly text: string; readonly index: number }
  | { readonly kind: 'over-long'; readonly index: number; readonly bytes: number }
  | { readonly kind: 'garbage'; readonly index: number; readonly sample: string }
  | { readonly kind: 'truncated'; readonly index: number };

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const SAMPLE_BYTES = 60;
const BOM = [0xef, 0xbb, 0xbf];

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Mutable scanning state, kept in one object so the byte loop stays small. */
interface ScanState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** Array mode: 0 before the outer `[`, 1 inside it, 2 after its `]`. */
  outer: 0 | 1 | 2;
  parts: Buffer[];
  bytes: number;
  overLong: boolean;
  garbage: number[];
  index: number;
}

/**
 * Yields the top-level values of `chunks`; `array` is true when the input is one JSON array
 * whose elements are the records. Values are numbered from 1 in the order they appear.
 */
export async function* scanJsonValues(
  chunks: AsyncIterable<Buffer>,
  options: { readonly array: boolean; readonly maxBytes: number },
): AsyncGenerator<ScannedValue> {
  const { array, maxBytes } = options;
  const s: ScanState = {
    depth: 0,
    inString: false,
    escaped: false,
    outer: array ? 0 : 1,
    parts: [],
    bytes: 0,
    overLong: false,
    garbage: [],
    index: 0,
  };
  let offset = 0;
  for await (const chunk of chunks) {
    let valueStart = s.depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] ?? 0;
      if (s.depth > 0) {
        if (s.inString) {
          if (s.escaped) s.escaped = false;
          else if (byte === BACKSLASH) s.escaped = true;
          else if (byte === QUOTE) s.inString = false;
          continue;
        }
        if (byte === QUOTE) s.inString = true;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) s.depth++;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          s.depth--;
          if (s.depth === 0) {
            const length = s.bytes + i + 1 - valueStart;
            if (s.overLong || length > maxBytes) {
              yield { kind: 'over-long', index: s.index, bytes: length };
            } else {
              const tail = chunk.subarray(valueStart, i + 1);
              const text =
                s.parts.length === 0
                  ? tail.toString('utf8')
                  : Buffer.concat([...s.parts, tail]).toString('utf8');
              yield { kind: 'value', text, index: s.index };
            }
            s.parts = [];
            s.bytes = 0;
            s.overLong = false;
            valueStart = -1;
          }
        }
        continue;
      }
      if (isSpace(byte) || (offset + i < 3 && byte === BOM[offset + i])) continue;
      if (s.outer === 1 && (byte === OPEN_BRACE || byte === OPEN_BRACKET)) {
        if (s.garbage.length > 0) yield garbageItem(s);
        s.index++;
        s.depth = 1;
        valueStart = i;
        continue;
      }
      if (array && s.outer === 0 && byte === OPEN_BRACKET) s.outer = 1;
      else if (array && s.outer === 1 && byte === CLOSE_BRACKET) s.outer = 2;
      else if (!(array && s.outer === 1 && byte === COMMA)) {
        if (s.garbage.length < SAMPLE_BYTES) s.garbage.push(byte);
      }
    }
    offset += chunk.length;
    if (s.depth > 0) {
      const rest = chunk.length - valueStart;
      s.bytes += rest;
      if (!s.overLong && s.bytes > maxBytes) {
        s.overLong = true;
        s.parts = [];
      } else if (!s.overLong) s.parts.push(chunk.subarray(valueStart));
    }
  }
  if (s.depth > 0) yield { kind: 'truncated', index: s.index };
  else if (s.garbage.length > 0) yield garbageItem(s);
}

/** Garbage takes no record number: it is reported at the number of the record that follows. */
function garbageItem(s: ScanState): ScannedValue {
  const sample = Buffer.from(s.garbage).toString('utf8');
  s.garbage = [];
  return { kind: 'garbage', index: s.index + 1, sample };
}
