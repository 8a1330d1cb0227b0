/**
 * Where the cursor is in a YAML model file, for completion: the path of the mapping or field it
 * is in (`['assets', 0, 'zone']`), whether a key or a value is being typed, the word typed so far
 * and the keys already written beside it. Read from the indentation of the lines above (block
 * style, flow lists and flow mappings on one line), so it works while the file does not parse.
 * Pure: no CodeMirror.
 */

export type YamlSegment = string | number;

export interface YamlContext {
  /**
   * `key`: a key of the mapping at `path` is typed, or, when `path` ends with a list item, the
   * item itself (a key of an item that is a mapping, or a value of a list of scalars); `value`:
   * the value of the field at `path`.
   */
  readonly kind: 'key' | 'value';
  readonly path: readonly YamlSegment[];
  /** The offset where the typed word starts, and the word. */
  readonly from: number;
  readonly word: string;
  /** Keys already written in the same mapping (`key` only). */
  readonly siblings: readonly string[];
}

interface LineTokens {
  /** Columns of the `- ` of list items, left to right. */
  readonly dashes: readonly number[];
  /** Column of what follows the dashes. */
  readonly column: number;
  readonly rest: string;
  /** The key written at `column`, if the rest is `key:` or `key: value`. */
  readonly key: string | undefined;
  /** True when nothing follows the key's colon (a block mapping or list follows). */
  readonly opens: boolean;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s:#'"[\]{},][^:#]*?))\s*:(?:\s+(.*))?$/;

function tokens(line: string): LineTokens {
  const indent = /^\s*/.exec(line)?.[0].length ?? 0;
  const dashes: number[] = [];
  let column = indent;
  for (;;) {
    const dash = /^-(?:\s+|$)/.exec(line.slice(column));
    if (dash === null) break;
    dashes.push(column);
    column += dash[0].length;
    if (dash[0].length === 1) break; // a lone `-` at the end of the line
  }
  const rest = line.slice(column);
  const match = KEY.exec(rest);
  const key = match === null ? undefined : (match[1] ?? match[2] ?? match[3]);
  const value = match?.[4]?.trim() ?? '';
  return { dashes, column, rest, key, opens: value === '' || value.startsWith('#') };
}

const isBlank = (line: string): boolean => /^\s*(?:#.*)?$/.test(line);

/** The ancestors of a line (innermost first) from the lines above it, and its siblings above. */
function ancestors(
  lines: readonly string[],
  index: number,
  current: LineTokens,
): { path: YamlSegment[]; siblings: string[] } {
  const reversed: YamlSegment[] = [];
  const siblings: string[] = [];
  for (let i = current.dashes.length - 1; i >= 0; i--) reversed.push(0);
  let limit = current.dashes[0] ?? current.column;
  let collecting = current.dashes.length === 0;
  for (let i = index - 1; i >= 0; i--) {
    if (limit === 0 && !collecting) break;
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    const above = tokens(line);
    if (above.key !== undefined && above.column === current.column && collecting) {
      siblings.push(above.key);
    }
    if (above.key !== undefined && above.column < limit) {
      reversed.push(above.key);
      limit = above.column;
      collecting = false;
    }
    for (let d = above.dashes.length - 1; d >= 0; d--) {
      const column = above.dashes[d] ?? 0;
      if (column < limit) {
        reversed.push(0);
        limit = column;
        collecting = false;
      }
    }
    const leftmost = above.dashes[0] ?? above.column;
    if (leftmost < current.column) collecting = false;
  }
  return { path: reversed.reverse(), siblings };
}

/** Keys at the same column below the cursor, until the mapping ends. */
function siblingsBelow(lines: readonly string[], index: number, column: number): string[] {
  const keys: string[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    const below = tokens(line);
    const leftmost = below.dashes[0] ?? below.column;
    if (leftmost < column) break;
    if (leftmost === column && below.dashes.length > 0) break; // a new item of a list here
    if (below.key !== undefined && below.column === column && below.dashes.length === 0) {
      keys.push(below.key);
    }
  }
  return keys;
}

/** Inside `{ … }` or `[ … ]` written on the line: the path below the field and what is typed. */
function inFlow(
  value: string,
): { readonly path: YamlSegment[]; readonly kind: 'key' | 'value'; readonly word: string } | null {
  const path: YamlSegment[] = [];
  const stack: ('[' | '{')[] = [];
  let start = 0;
  let pendingKey: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '[' || c === '{') {
      if (stack.at(-1) === '{') path.push(pendingKey ?? '');
      if (c === '[') path.push(0);
      stack.push(c);
      start = i + 1;
      pendingKey = undefined;
    } else if (c === ']' || c === '}') {
      const open = stack.pop();
      if (open === '[') path.pop();
      if (stack.at(-1) === '{') path.pop();
      start = i + 1;
      pendingKey = undefined;
    } else if (c === ',') {
      start = i + 1;
      pendingKey = undefined;
    } else if (c === ':' && stack.at(-1) === '{') {
      pendingKey = value.slice(start, i).trim();
      start = i + 1;
    } else if (c === '"' || c === "'") {
      return null; // quoted text: no completion inside
    }
  }
  if (stack.length === 0) return null;
  const word = value.slice(start).trimStart();
  if (stack.at(-1) === '[') return { path, kind: 'value', word };
  if (pendingKey !== undefined) return { path: [...path, pendingKey], kind: 'value', word };
  return { path, kind: 'key', word };
}

/** The completion context at `offset` in `text`, or null where nothing is completed. */
export function yamlContextAt(text: string, offset: number): YamlContext | null {
  const lines = text.split(/\r\n|\r|\n/);
  const before = text.slice(0, offset);
  const index = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const typed = before.slice(lineStart);
  if (/(?:^|\s)#/.test(typed)) return null;
  const current = tokens(typed);
  const word = /^[\w$.-]*$/.exec(current.rest)?.[0];
  if (word !== undefined) {
    const { path, siblings } = ancestors(lines, index, current);
    const below = siblingsBelow(lines, index, current.column);
    return {
      kind: 'key',
      path,
      from: offset - word.length,
      word,
      siblings: [...siblings, ...below],
    };
  }
  if (current.rest.startsWith('[') || current.rest.startsWith('{')) {
    const flow = inFlow(current.rest);
    if (flow === null || !/^[\w$.-]*$/.test(flow.word)) return null;
    const { path } = ancestors(lines, index, current);
    return {
      kind: flow.kind,
      path: [...path, ...flow.path],
      from: offset - flow.word.length,
      word: flow.word,
      siblings: [],
    };
  }
  const pair = /^(?:"([^"]*)"|'([^']*)'|([^\s:#'"[\]{},][^:#]*?))\s*:\s+(.*)$/.exec(current.rest);
  if (pair === null) return null;
  const key = pair[1] ?? pair[2] ?? pair[3] ?? '';
  const value = pair[4] ?? '';
  const { path } = ancestors(lines, index, current);
  if (value.startsWith('[') || value.startsWith('{')) {
    const flow = inFlow(value);
    if (flow === null || !/^[\w$.-]*$/.test(flow.word)) return null;
    return {
      kind: flow.kind,
      path: [...path, key, ...flow.path],
      from: offset - flow.word.length,
      word: flow.word,
      siblings: [],
    };
  }
  if (/^["'|>&*!]/.test(value)) return null;
  return {
    kind: 'value',
    path: [...path, key],
    from: offset - value.length,
    word: value,
    siblings: [],
  };
}
