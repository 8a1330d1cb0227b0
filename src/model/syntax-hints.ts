import type { Position } from './locator.js';

/**
 * The likely cause of a YAML syntax error, recognised on the line it is reported on: plain data,
 * so it can cross a worker boundary with the problem it explains.
 */
export type SyntaxCause =
  /** An unquoted value holding `: ` (French typography: `Serveur : production`). */
  | { readonly kind: 'colon-in-value'; readonly fix: string }
  /** A line indented with tabs (YAML indents with spaces only). */
  | { readonly kind: 'tab-indent' }
  /** An unquoted value starting with a character YAML reserves (`*`, `&`, `@`, `%`, backtick). */
  | { readonly kind: 'reserved-start'; readonly character: string; readonly fix: string };

/** Characters a plain (unquoted) value cannot start with, or that change its meaning. */
const RESERVED_STARTS = new Set(['*', '&', '@', '%', '`']);

/** A value already written as something other than a plain scalar: quoted, flow or block. */
const NOT_PLAIN = /^["'[{|>!]/;

interface SplitLine {
  readonly indent: string;
  /** `- ` markers and the key (`name: `), when the line has them. */
  readonly lead: string;
  readonly value: string;
}

/** Splits `  - key: value  # comment` into indentation, lead and value (comment dropped). */
function splitLine(line: string): SplitLine {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  let rest = line.slice(indent.length);
  let lead = '';
  for (let dash = /^-(?:[ \t]+|$)/.exec(rest); dash !== null; dash = /^-(?:[ \t]+|$)/.exec(rest)) {
    lead += dash[0];
    rest = rest.slice(dash[0].length);
  }
  const key = /^(?:"[^"]*"|'[^']*'|[^\s"'#][^:#]*?)[ \t]*:(?:[ \t]+|$)/.exec(rest);
  if (key !== null) {
    lead += key[0];
    rest = rest.slice(key[0].length);
  }
  const value = rest.replace(/[ \t]+#.*$/, '').trimEnd();
  return { indent, lead, value };
}

/** The value written as a YAML quoted scalar, in the quotes that need no escaping. */
function quoted(value: string): string {
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  return `'${value.replaceAll("'", "''")}'`;
}

function causeOnLine(line: string, isErrorLine: boolean): SyntaxCause | undefined {
  const { indent, lead, value } = splitLine(line);
  if (indent.includes('\t') || /^-\t/.test(lead)) return { kind: 'tab-indent' };
  if (value === '' || NOT_PLAIN.test(value)) return undefined;
  const fix = `${lead.trimStart()}${quoted(value)}`;
  const first = value.charAt(0);
  // `&anchor value` and `*alias` are valid YAML: only blamed on the line of the error itself
  if (RESERVED_STARTS.has(first)) {
    return isErrorLine ? { kind: 'reserved-start', character: first, fix } : undefined;
  }
  if (value.includes(': ') || value.endsWith(':') || value.includes(':\t')) {
    return { kind: 'colon-in-value', fix };
  }
  return undefined;
}

/**
 * Recognises the classic causes of a YAML syntax error on the line it is reported on, else (tabs,
 * `: ` in a value) on the line before: parsers often notice a problem one line late. Runs on error
 * paths only.
 */
export function syntaxCause(text: string, position: Position): SyntaxCause | undefined {
  const lines = text.split('\n', position.line);
  for (const index of [position.line - 1, position.line - 2]) {
    const line = lines[index];
    if (line === undefined) continue;
    const cause = causeOnLine(line.replace(/\r$/, ''), index === position.line - 1);
    if (cause !== undefined) return cause;
  }
  return undefined;
}

/**
 * A list item written `- Serveur : production` is valid YAML, but a one-key mapping, not the text
 * it looks like: when text was expected there, the cause is the `: ` in it.
 */
export function textReadAsMapping(text: string, position: Position): SyntaxCause | undefined {
  const line = text.split('\n', position.line)[position.line - 1]?.replace(/\r$/, '');
  const item = line === undefined ? null : /^[ \t]*((?:-[ \t]+)+)(.*)$/.exec(line);
  const rest = item?.[2]?.replace(/[ \t]+#.*$/, '').trimEnd() ?? '';
  if (item === null || NOT_PLAIN.test(rest) || !/:[ \t]/.test(rest)) return undefined;
  return { kind: 'colon-in-value', fix: `${item[1] ?? ''}${quoted(rest)}` };
}
