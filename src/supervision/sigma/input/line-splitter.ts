/**
 * Splits a stream of byte chunks into text lines, byte-exact (never splits a UTF-8 sequence,
 * since it cuts on `\n` only). Pure over its async input. A line longer than `maxBytes` is
 * not accumulated: its bytes are counted and dropped, and an `over-long` item reports it, so a
 * 2 GB single-line file costs no more memory than one chunk.
 */

/** One line of text (without `\n` nor a trailing `\r`), or an over-long line that was skipped. */
export type LineItem =
  | { readonly kind: 'line'; readonly text: string; readonly line: number }
  | { readonly kind: 'over-long'; readonly line: number; readonly bytes: number };

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

function decode(parts: readonly Buffer[], last: Buffer, start: number, end: number): string {
  let stop = end;
  if (parts.length === 0) {
    if (stop > start && last[stop - 1] === CARRIAGE_RETURN) stop--;
    return last.toString('utf8', start, stop);
  }
  const joined = Buffer.concat([...parts, last.subarray(start, end)]);
  const length =
    joined.length > 0 && joined[joined.length - 1] === CARRIAGE_RETURN
      ? joined.length - 1
      : joined.length;
  return joined.toString('utf8', 0, length);
}

function withoutBom(text: string, line: number): string {
  return line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Yields the lines of `chunks`, numbered from 1; a leading UTF-8 BOM is dropped. */
export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<LineItem> {
  let parts: Buffer[] = [];
  let pending = 0;
  let skipping = false;
  let line = 1;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) {
        const rest = chunk.length - start;
        if (skipping) pending += rest;
        else if (pending + rest > maxBytes) {
          skipping = true;
          pending += rest;
          parts = [];
        } else if (rest > 0) {
          parts.push(chunk.subarray(start));
          pending += rest;
        }
        break;
      }
      const length = newline - start;
      if (skipping || pending + length > maxBytes) {
        yield { kind: 'over-long', line, bytes: pending + length };
      } else {
        yield { kind: 'line', text: withoutBom(decode(parts, chunk, start, newline), line), line };
      }
      skipping = false;
      parts = [];
      pending = 0;
      line++;
      start = newline + 1;
    }
  }
  if (skipping) yield { kind: 'over-long', line, bytes: pending };
  else if (pending > 0) {
    const joined = Buffer.concat(parts);
    yield { kind: 'line', text: withoutBom(decode([], joined, 0, joined.length), line), line };
  }
}
