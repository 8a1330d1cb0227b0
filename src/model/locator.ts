import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';

/** A 1-based position in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A path into a YAML document: mapping keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/** Finds where a path of a document is written. Built lazily: only files with diagnostics pay. */
export interface Locator {
  /** Position of the value at `path`, or of its closest written ancestor. */
  valueAt(path: DocPath): Position;
  /** Position of the key that introduces `path` (for unknown keys), else of the value. */
  keyAt(path: DocPath): Position;
  /** Position of a character offset. */
  offsetAt(offset: number): Position;
}

interface Frame {
  readonly isMap: boolean;
  readonly path: string;
  index: number;
  expectingKey: boolean;
  key: string;
}

const SEP = '\u0000';

function childKey(frame: Frame): string {
  const segment = frame.isMap ? frame.key : String(frame.index);
  return frame.path === '' ? segment : frame.path + SEP + segment;
}

function advance(frame: Frame | undefined): void {
  if (frame === undefined) return;
  if (frame.isMap) frame.expectingKey = true;
  else frame.index += 1;
}

/** Walks the parser's events once and records the offset of every key and value. */
function indexOffsets(text: string): { values: Map<string, number>; keys: Map<string, number> } {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return { values, keys };
  }
  const stack: Frame[] = [];
  let lastOffset = 0;
  for (const event of events) {
    const top = stack.at(-1);
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        lastOffset = event.start;
        const path = top === undefined ? '' : childKey(top);
        if (top?.isMap === true && top.expectingKey) {
          // A collection used as a mapping key: rare, not addressable by path.
          top.key = '?';
          top.expectingKey = false;
        }
        values.set(path, event.start);
        stack.push({
          isMap: event.type === EVENT_ID.MAPPING,
          path,
          index: 0,
          expectingKey: true,
          key: '',
        });
        break;
      }
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        const start =
          event.type === EVENT_ID.SCALAR
            ? event.valueStart >= 0
              ? event.valueStart
              : event.anchorStart >= 0
                ? event.anchorStart
                : lastOffset
            : event.anchorStart;
        if (top === undefined) break;
        if (top.isMap && top.expectingKey) {
          top.key = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '*';
          top.expectingKey = false;
          keys.set(childKey(top), start);
        } else {
          values.set(childKey(top), start);
          advance(top);
        }
        lastOffset = start;
        break;
      }
      case EVENT_ID.POP: {
        stack.pop();
        advance(stack.at(-1));
        break;
      }
      default:
        break;
    }
  }
  return { values, keys };
}

/** Builds a locator for one file's text; the offset index is computed on first use. */
export function createLocator(text: string): Locator {
  let lineStarts: number[] | undefined;
  let index: ReturnType<typeof indexOffsets> | undefined;

  const offsetAt = (offset: number): Position => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
        lineStarts.push(i + 1);
      }
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };

  const lookup = (path: DocPath, preferKey: boolean): Position => {
    index ??= indexOffsets(text);
    for (let length = path.length; length >= 0; length -= 1) {
      const key = path.slice(0, length).map(String).join(SEP);
      const offset =
        (preferKey && length === path.length ? index.keys.get(key) : undefined) ??
        index.values.get(key) ??
        (length === path.length ? index.keys.get(key) : undefined);
      if (offset !== undefined) return offsetAt(offset);
    }
    return { line: 1, column: 1 };
  };

  return {
    valueAt: (path) => lookup(path, false),
    keyAt: (path) => lookup(path, true),
    offsetAt,
  };
}
