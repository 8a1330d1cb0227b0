/**
 * A fast parser for the plain subset of YAML that model files are written in: block mappings
 * and sequences, single-line plain and quoted scalars, single-line flow collections, comments.
 * It gives up (returns `undefined`) on anything else — anchors, aliases, tags, block scalars,
 * multi-line scalars, duplicate keys, merge keys, tabs — and the caller then uses the full parser
 * (js-yaml), so behaviour never depends on which path ran. Scalars resolve as in the YAML 1.2
 * core schema; a scalar that only some schemas read as a number makes it give up too.
 * Property tests check it returns exactly what js-yaml returns whenever it answers.
 */

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

interface Line {
  readonly indent: number;
  /** The line without its indentation and trailing carriage return. */
  readonly content: string;
}

const NULLS = new Set(['~', 'null', 'Null', 'NULL', '']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INT = /^(?:0|-?[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
/** Anything a YAML 1.1 or 1.2 schema might read as a number, a boolean or a timestamp. */
const NUMBER_LIKE =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|0[xob][0-9a-fA-F_]+|\.(?:inf|Inf|INF|nan|NaN|NAN)|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;
const YAML11_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** First characters after which a plain scalar can only be a string in every schema. */
const STRING_START = /^[a-eg-mp-su-xzA-EG-MP-SU-XZ_/]/;

function resolvePlain(text: string): unknown {
  // most model scalars (ids, names, enum values) start with a letter no keyword starts with
  if (STRING_START.test(text)) return text;
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  if (INT.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : giveUp();
  }
  if (FLOAT.test(text)) return Number(text);
  if (NUMBER_LIKE.test(text) || YAML11_WORDS.test(text)) giveUp();
  return text;
}

/** Characters that cannot start a plain scalar we accept. */
const RESERVED_START = new Set([
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '?',
  ',',
  ']',
  '}',
  '#',
  ':',
]);

/* eslint-disable no-control-regex -- matching control characters is the point */
/** What js-yaml refuses as non-printable (plus NEL): such input takes the full parser's path. */
const NON_PRINTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

function parseDoubleQuoted(text: string, start: number): [string, number] {
  let result = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    const slash = text.indexOf('\\', i);
    if (quote === -1) giveUp();
    if (slash === -1 || slash > quote) {
      result += text.slice(i, quote);
      return [result, quote + 1];
    }
    result += text.slice(i, slash);
    const escape = text[slash + 1];
    switch (escape) {
      case '"':
      case '\\':
      case '/':
        result += escape;
        i = slash + 2;
        break;
      case 'n':
        result += '\n';
        i = slash + 2;
        break;
      case 't':
        result += '\t';
        i = slash + 2;
        break;
      case 'u': {
        const hex = text.slice(slash + 2, slash + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) giveUp();
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) giveUp();
        result += String.fromCharCode(code);
        i = slash + 6;
        break;
      }
      default:
        return giveUp();
    }
  }
}

function parseSingleQuoted(text: string, start: number): [string, number] {
  let result = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote === -1) giveUp();
    result += text.slice(i, quote);
    if (text[quote + 1] === "'") {
      result += "'";
      i = quote + 2;
    } else {
      return [result, quote + 1];
    }
  }
}

/** Removes trailing spaces only: YAML does not strip other Unicode white space. */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** Skips spaces; returns the index of the next other character. */
function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i += 1;
  return i;
}

/** After a value: only spaces, then nothing or a comment. */
function expectEnd(text: string, i: number): void {
  const j = skipSpaces(text, i);
  if (j < text.length && !(text[j] === '#' && (j === 0 || text[j - 1] === ' '))) giveUp();
}

/** Parses a flow collection or flow scalar starting at `i`; returns the value and next index. */
function parseFlow(text: string, i: number, depth: number, limit: number): [unknown, number] {
  const char = text[i];
  // collections nested this deep: give up, so that the full parser's depth limit applies
  if ((char === '[' || char === '{') && depth + 1 >= limit) giveUp();
  if (char === '[') {
    const list: unknown[] = [];
    i = skipSpaces(text, i + 1);
    while (text[i] !== ']') {
      const [value, next] = parseFlow(text, i, depth + 1, limit);
      list.push(value);
      i = skipSpaces(text, next);
      if (text[i] === ',') i = skipSpaces(text, i + 1);
      else if (text[i] !== ']') giveUp();
    }
    return [list, i + 1];
  }
  if (char === '{') {
    const map: Record<string, unknown> = {};
    i = skipSpaces(text, i + 1);
    while (text[i] !== '}') {
      const [key, afterKey] = parseFlowKey(text, i);
      if (Object.hasOwn(map, key)) giveUp();
      i = skipSpaces(text, afterKey);
      const [value, next] =
        text[i] === ',' || text[i] === '}' ? [null, i] : parseFlow(text, i, depth + 1, limit);
      map[key] = value;
      i = skipSpaces(text, next);
      if (text[i] === ',') i = skipSpaces(text, i + 1);
      else if (text[i] !== '}') giveUp();
    }
    return [map, i + 1];
  }
  if (char === '"') return parseDoubleQuoted(text, i);
  if (char === "'") return parseSingleQuoted(text, i);
  const next = text[i + 1];
  const loneDash =
    char === '-' &&
    (next === undefined || next === ' ' || next === ',' || next === ']' || next === '}');
  if (char === undefined || RESERVED_START.has(char) || loneDash) return giveUp();
  let end = i;
  while (end < text.length) {
    const c = text[end];
    if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
    const after = text[end + 1];
    if (
      c === ':' &&
      (after === undefined || after === ' ' || after === ',' || after === ']' || after === '}')
    ) {
      giveUp();
    }
    if (c === '#' && text[end - 1] === ' ') giveUp();
    end += 1;
  }
  const raw = trimSpaces(text.slice(i, end));
  return [resolvePlain(raw), end];
}

function parseFlowKey(text: string, i: number): [string, number] {
  let key: string;
  let next: number;
  if (text[i] === '"') [key, next] = parseDoubleQuoted(text, i);
  else if (text[i] === "'") [key, next] = parseSingleQuoted(text, i);
  else {
    const colon = text.indexOf(':', i);
    if (colon === -1) giveUp();
    key = trimSpaces(text.slice(i, colon));
    const lead = key[0];
    if (
      lead === undefined ||
      RESERVED_START.has(lead) ||
      lead === '-' ||
      /[,[\]{}#&*!|>'"%@`]/.test(key)
    )
      giveUp();
    if (resolvePlain(key) !== key) giveUp();
    next = colon;
  }
  if (text[next] !== ':' || (text[next + 1] !== ' ' && text[next + 1] !== undefined)) giveUp();
  if (key === '__proto__' || key === '<<') giveUp();
  return [key, next + 1];
}

/** A value written after `key:` or `- ` on one line. */
function parseInline(text: string, start: number, depth: number, limit: number): unknown {
  const [value, next] = parseInlineAt(text, start, depth, limit);
  expectEnd(text, next);
  return value;
}

function parseInlineAt(
  text: string,
  start: number,
  depth: number,
  limit: number,
): [unknown, number] {
  const char = text[start];
  if (char === '[' || char === '{' || char === '"' || char === "'") {
    return parseFlow(text, start, depth, limit);
  }
  if (char === undefined || RESERVED_START.has(char)) return giveUp();
  if (char === '-' && (text[start + 1] === ' ' || text[start + 1] === undefined)) return giveUp();
  let end = text.length;
  const comment = text.indexOf(' #', start);
  if (comment !== -1) end = comment;
  const raw = trimSpaces(text.slice(start, end));
  if (raw.includes(': ') || raw.endsWith(':') || raw.includes('\t')) giveUp();
  return [resolvePlain(raw), end];
}

/** Plain keys already checked: model files repeat the same few keys many times. */
const KNOWN_KEYS = new Set<string>();

/** Finds `key:` at the start of a mapping entry; returns the key and where its value starts. */
function parseKey(content: string): [string, number] | undefined {
  let key: string;
  let next: number;
  const first = content[0];
  if (first === '"') [key, next] = parseDoubleQuoted(content, 0);
  else if (first === "'") [key, next] = parseSingleQuoted(content, 0);
  else {
    let colon = content.indexOf(':');
    while (colon !== -1 && content[colon + 1] !== ' ' && content[colon + 1] !== undefined) {
      colon = content.indexOf(':', colon + 1);
    }
    if (colon === -1) return undefined;
    key = content.slice(0, colon);
    if (!KNOWN_KEYS.has(key)) {
      if (key === '' || key !== key.trim() || first === undefined || RESERVED_START.has(first)) {
        return giveUp();
      }
      if (/[[\]{}#,]/.test(key) || key.includes(' #')) giveUp();
      if (resolvePlain(key) !== key) giveUp();
      if (KNOWN_KEYS.size < 10_000) KNOWN_KEYS.add(key);
    }
    next = colon;
  }
  if (content[next] !== ':' || (content[next + 1] !== ' ' && content[next + 1] !== undefined)) {
    return undefined;
  }
  if (key === '__proto__' || key === '<<') giveUp();
  return [key, next + 1];
}

class BlockParser {
  readonly #lines: Line[];
  readonly #limit: number;
  /** Explicit `---` start: an empty explicit document is null, not nothing. */
  #explicit = false;
  #index = 0;
  #depth = 0;

  constructor(text: string, limit: number) {
    this.#limit = limit;
    const lines: Line[] = [];
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start);
      let end = newline === -1 ? text.length : newline;
      const next = end + 1;
      if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
      let first = start;
      while (first < end && text.charCodeAt(first) === 32) first += 1;
      const lead = text.charCodeAt(first);
      // blank lines and comment lines carry nothing
      if (first < end && lead !== 35) {
        const indent = first - start;
        const content = text.slice(first, end);
        if (lead === 45 && (content === '---' || content.startsWith('--- '))) {
          if (content !== '---' || lines.length > 0 || indent > 0) giveUp();
          this.#explicit = true;
        } else {
          if (content.startsWith('...') || lead === 37) giveUp();
          lines.push({ indent, content });
        }
      }
      start = next;
    }
    this.#lines = lines;
  }

  parseDocument(): unknown {
    const first = this.#lines[0];
    if (first === undefined) return this.#explicit ? null : undefined;
    const value = this.#parseNode(first.indent);
    if (this.#index < this.#lines.length) giveUp();
    return value;
  }

  #parseNode(indent: number): unknown {
    const line = this.#lines[this.#index];
    if (line === undefined) return null;
    if (line.indent !== indent) giveUp();
    if (line.content === '-' || line.content.startsWith('- ')) return this.#parseSequence(indent);
    if (parseKey(line.content) !== undefined) return this.#parseMapping(indent, line.content, 0);
    // a lone scalar document
    const value = parseInline(line.content, 0, this.#depth, this.#limit);
    this.#index += 1;
    return value;
  }

  /** The value of an entry whose inline part is empty: a nested block, or null. */
  #parseNested(parentIndent: number, allowSameIndentSequence: boolean): unknown {
    const next = this.#lines[this.#index];
    if (next === undefined) return null;
    if (next.indent > parentIndent) return this.#parseNode(next.indent);
    const isSequence = next.content === '-' || next.content.startsWith('- ');
    if (allowSameIndentSequence && next.indent === parentIndent && isSequence) {
      return this.#parseSequence(parentIndent);
    }
    return null;
  }

  #parseSequence(indent: number): unknown[] {
    this.#enter();
    try {
      return this.#sequenceItems(indent);
    } finally {
      this.#depth -= 1;
    }
  }

  #enter(): void {
    this.#depth += 1;
    if (this.#depth >= this.#limit) giveUp();
  }

  #sequenceItems(indent: number): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      const line = this.#lines[this.#index];
      if (line === undefined || line.indent < indent) return list;
      if (line.indent > indent) giveUp();
      if (line.content !== '-' && !line.content.startsWith('- ')) return list;
      const start = skipSpaces(line.content, 1);
      const rest = line.content.slice(start);
      if (rest === '' || rest.startsWith('#')) {
        this.#index += 1;
        list.push(this.#parseNested(indent, false));
        continue;
      }
      if (rest === '-' || rest.startsWith('- ')) giveUp();
      if (rest[0] !== '[' && rest[0] !== '{' && parseKey(rest) !== undefined) {
        list.push(this.#parseMapping(indent + start, rest, indent));
        continue;
      }
      this.#index += 1;
      list.push(parseInline(rest, 0, this.#depth, this.#limit));
      this.#checkNoContinuation(indent);
    }
  }

  /**
   * A block mapping whose entries sit at `indent`; the first entry's text may follow a `- `
   * on the same line (`firstContent`), in which case `outer` is the sequence's indentation.
   */
  #parseMapping(indent: number, firstContent: string, outer: number): Record<string, unknown> {
    this.#enter();
    try {
      return this.#mappingEntries(indent, firstContent, outer);
    } finally {
      this.#depth -= 1;
    }
  }

  #mappingEntries(indent: number, firstContent: string, outer: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let content: string | undefined = firstContent;
    for (;;) {
      if (content === undefined) {
        const line = this.#lines[this.#index];
        if (line === undefined || line.indent < indent) return map;
        if (line.indent > indent) giveUp();
        content = line.content;
        if (content === '-' || content.startsWith('- ')) {
          // a sequence at the mapping's own indentation ends it only where YAML allows
          return indent === outer ? map : giveUp();
        }
      }
      const entry = parseKey(content) ?? giveUp();
      const [key, afterKey] = entry;
      if (Object.hasOwn(map, key)) giveUp();
      this.#index += 1;
      const valueStart = skipSpaces(content, afterKey);
      const rest = content.slice(valueStart);
      if (rest === '' || rest.startsWith('#')) {
        map[key] = this.#parseNested(indent, true);
      } else {
        map[key] = parseInline(content, valueStart, this.#depth, this.#limit);
        this.#checkNoContinuation(indent);
      }
      content = undefined;
    }
  }

  /** A more indented line right after a one-line value would continue it: not handled here. */
  #checkNoContinuation(indent: number): void {
    const next = this.#lines[this.#index];
    if (next !== undefined && next.indent > indent) giveUp();
  }
}

/**
 * Parses `text` if it is written in the plain subset this parser handles; `undefined` otherwise
 * (the caller then uses the full parser). `{ value: undefined }` is an empty document.
 */
export function fastParseYaml(
  text: string,
  maxDepth = 64,
): { readonly value: unknown } | undefined {
  // tabs, lone carriage returns and non-printable characters: the full parser decides
  if (text.includes('\t') || /\r(?!\n)/.test(text) || NON_PRINTABLE.test(text)) return undefined;
  try {
    return { value: new BlockParser(text, maxDepth).parseDocument() };
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}
