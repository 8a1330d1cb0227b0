/**
 * Reads a scope file: YAML (`yaml` parseDocument + LineCounter), then the zod schema, then the
 * checks across entries (a target listed twice). Never throws on bad input: every problem is a
 * located diagnostic, all of them collected; the scope is returned only when none is an error.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../../domain/diagnostic.js';
import type { Locale } from '../../i18n/index.js';
import { closest } from '../../model/suggest.js';
import { isScopeMessageCode, scopeMessage, type ScopeMessageCode } from './messages.js';
import { LIMIT_BOUNDS, scopeSchema, type ScopeData } from './schema.js';

/** Largest scope file read (a scope is a short list; anything bigger is a mistake or hostile). */
export const MAX_SCOPE_BYTES = 1024 * 1024;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed scope file: its content and where each entry is written (for later diagnostics). */
export interface ScopeFile {
  readonly file: string;
  /** The scope's `name:`, or null. */
  readonly name: string | null;
  readonly data: ScopeData;
  /** Position of each written value, keyed by its path (`targets.2.asset`, `exclude.0`). */
  readonly positions: Readonly<Record<string, Position>>;
}

export interface ParseScopeResult {
  readonly scope: ScopeFile | null;
  readonly diagnostics: readonly Diagnostic[];
}

type Path = readonly PropertyKey[];

const KNOWN_KEYS = [
  ...['name', 'model', 'targets', 'ports', 'exclude', 'limits', 'vantage', 'dns'],
  ...['host', 'cidr', 'asset', 'map', 'port', 'concurrency', 'rate', 'timeout', 'maxBytes'],
  ...['resolver', 'domains', 'dkimSelectors'],
];

const EXPECTED = {
  array: { en: 'a list', fr: 'une liste' },
  object: { en: 'a mapping', fr: 'un dictionnaire' },
  string: { en: 'text', fr: 'du texte' },
  number: { en: 'a number', fr: 'un nombre' },
  int: { en: 'an integer', fr: 'un entier' },
} as const;

const pathText = (path: Path): string => path.map(String).join('.');

/** Records the position of every value (and of every key, as `path#key`). */
function indexPositions(root: Node | null, lines: LineCounter): Record<string, Position> {
  const positions: Record<string, Position> = {};
  const at = (node: Node): Position => {
    const pos = lines.linePos(node.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    positions[path] = at(node as Node);
    const join = (part: string | number) => (path === '' ? String(part) : `${path}.${part}`);
    if (isSeq(node))
      node.items.forEach((item, i) => {
        walk(item, join(i), depth + 1);
      });
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = join(String(pair.key.value));
        positions[`${key}#key`] = at(pair.key);
        walk(pair.value, key, depth + 1);
      }
    }
  };
  walk(root, '', 0);
  return positions;
}

/** The position of the deepest written node of `path` (the key itself when `atKey`). */
function positionOf(positions: Record<string, Position>, path: Path, atKey = false): Position {
  const parts = path.map(String);
  if (atKey) {
    const key = positions[`${parts.join('.')}#key`];
    if (key !== undefined) return key;
  }
  for (let n = parts.length; n >= 0; n -= 1) {
    const found = positions[parts.slice(0, n).join('.')];
    if (found !== undefined) return found;
  }
  return { line: 1, column: 1 };
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const show = (value: unknown): string =>
  (typeof value === 'string'
    ? value
    : value === undefined
      ? 'undefined'
      : JSON.stringify(value)
  ).slice(0, 200);

/** The branch of a failed union that explains the problem (not a plain type mismatch). */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] {
  const branches = issue.errors.filter(
    (issues) =>
      !(issues.length === 1 && issues[0]?.code === 'invalid_type' && issues[0].path.length === 0),
  );
  const chosen =
    branches.length === 1 ? branches[0] : branches.find((b) => b[0]?.code === 'invalid_value');
  return (chosen ?? []).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

interface Reporter {
  report(
    code: ScopeMessageCode,
    path: Path,
    values: Record<string, string | number>,
    atKey?: boolean,
  ): void;
}

function reportIssue(issue: z.core.$ZodIssue, data: unknown, out: Reporter, locale: Locale): void {
  const path = issue.path;
  const value = show(valueAt(data, path));
  const inLimits = path[0] === 'limits';
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const near = closest(key, KNOWN_KEYS);
        const hint =
          near === undefined ? '' : scopeMessage('hint-did-you-mean', locale, { value: near });
        out.report('scope-unknown-key', [...path, key], { key, hint }, true);
      }
      return;
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code ?? '';
      out.report(isScopeMessageCode(code) ? code : 'scope-invalid', path, {
        value,
        path: pathText(path),
        limit: 65_536,
      });
      return;
    }
    case 'too_big':
    case 'too_small': {
      if (issue.origin !== 'number') {
        out.report('scope-invalid', path, { path: pathText(path) });
      } else if (inLimits) {
        const bounds = LIMIT_BOUNDS[path[1] as keyof typeof LIMIT_BOUNDS] as
          { min: number; max: number } | undefined;
        out.report('scope-limit-range', path, {
          path: pathText(path),
          value,
          min: bounds?.min ?? '',
          max: bounds?.max ?? '',
        });
      } else {
        out.report('scope-port-range', path, { value });
      }
      return;
    }
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'int' : issue.expected;
      const text =
        (EXPECTED as Record<string, { en: string; fr: string }>)[expected]?.[locale] ?? expected;
      if (inLimits && path[1] !== 'timeout' && typeof valueAt(data, path) === 'number') {
        const bounds = LIMIT_BOUNDS[path[1] as keyof typeof LIMIT_BOUNDS] as
          { min: number; max: number } | undefined;
        out.report('scope-limit-range', path, {
          path: pathText(path),
          value,
          min: bounds?.min ?? '',
          max: bounds?.max ?? '',
        });
        return;
      }
      out.report('scope-type', path, { path: pathText(path), expected: text });
      return;
    }
    case 'invalid_value':
      out.report('scope-enum', path, {
        path: pathText(path),
        value,
        options: issue.values.map(String).join(', '),
      });
      return;
    case 'invalid_key':
      out.report('scope-map-port', path, { value: String(path.at(-1) ?? '') }, true);
      return;
    case 'invalid_union': {
      const inner = unionIssues(issue);
      if (inner.length === 0) out.report('scope-invalid', path, { path: pathText(path) });
      for (const sub of inner) reportIssue(sub, data, out, locale);
      return;
    }
    default:
      out.report('scope-invalid', path, { path: pathText(path) });
  }
}

/** A target named twice (same host, CIDR or asset): the second is reported with the first's line. */
function checkDuplicates(data: unknown, positions: Record<string, Position>, out: Reporter): void {
  const seen = new Map<string, number>();
  const targets = valueAt(data, ['targets']);
  if (!Array.isArray(targets)) return;
  targets.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object') return;
    const target = entry as { host?: unknown; cidr?: unknown; asset?: unknown };
    if (![target.host, target.cidr, target.asset].some((v) => typeof v === 'string')) return;
    const key =
      typeof target.host === 'string'
        ? `host:${target.host.toLowerCase()}`
        : typeof target.cidr === 'string'
          ? `cidr:${target.cidr}`
          : `asset:${show(target.asset)}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const other = positionOf(positions, ['targets', first]).line;
    const value = show(target.host ?? target.cidr ?? target.asset);
    out.report('scope-duplicate-target', ['targets', index], { value, other });
  });
}

/**
 * Parses a scope file. `file` names it in diagnostics; `locale` picks their language. Returns
 * the scope only when there is no error (every problem is listed, not only the first).
 */
export function parseScope(text: string, file: string, locale: Locale = 'en'): ParseScopeResult {
  const diagnostics: Diagnostic[] = [];
  const make = (
    code: ScopeMessageCode,
    at: Position,
    values: Record<string, string | number>,
    path = '',
  ) =>
    diagnostics.push({
      code,
      severity: 'error',
      message: scopeMessage(code, locale, values),
      file,
      line: at.line,
      column: at.column,
      path,
    });
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_SCOPE_BYTES) {
    make('scope-file-too-large', { line: 0, column: 0 }, { size, limit: MAX_SCOPE_BYTES });
    return { scope: null, diagnostics };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = lines.linePos(error.pos[0]);
    make(
      'scope-yaml-syntax',
      { line: pos.line, column: pos.col },
      { detail: error.message.split('\n')[0] ?? '' },
    );
  }
  if (diagnostics.length > 0) return { scope: null, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    make(
      'scope-yaml-syntax',
      { line: 1, column: 1 },
      { detail: error instanceof Error ? error.message : String(error) },
    );
    return { scope: null, diagnostics };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data)
      ? 'list'
      : data === null || data === undefined
        ? 'empty document'
        : typeof data;
    make('scope-not-mapping', { line: 1, column: 1 }, { found });
    return { scope: null, diagnostics };
  }
  const positions = indexPositions(doc.contents, lines);
  const reporter: Reporter = {
    report: (code, path, values, atKey = false) => {
      make(code, positionOf(positions, path, atKey), values, pathText(path));
    },
  };
  const parsed = scopeSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(issue, data, reporter, locale);
  }
  checkDuplicates(data, positions, reporter);
  diagnostics.sort(compareDiagnostics);
  if (!parsed.success || hasErrors(diagnostics)) return { scope: null, diagnostics };
  return {
    scope: { file, name: parsed.data.name ?? null, data: parsed.data, positions },
    diagnostics,
  };
}

export { positionOf as scopePosition };
