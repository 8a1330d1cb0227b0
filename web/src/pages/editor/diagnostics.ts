/**
 * Pure mapping of the model's located diagnostics (1-based line and column, per file) to editor
 * ranges (character offsets) and per-file counts. No CodeMirror import: the editor module feeds
 * these ranges to `@codemirror/lint`.
 */
import type { DiagnosticView } from '../../../../src/platform/api/types';

export type DiagnosticSeverity = DiagnosticView['severity'];

/** A diagnostic as a range of character offsets in one file's text. */
export interface LintRange {
  readonly from: number;
  readonly to: number;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly source: string;
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Offsets where each line starts (`\n`, `\r\n` and lone `\r` end a line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineEnd(text: string, starts: readonly number[], index: number): number {
  const next = starts[index + 1];
  if (next === undefined) return text.length;
  let end = next - 1;
  if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end -= 1;
  return end;
}

/**
 * The offset of a 1-based line and column, clamped into the text (a line past the end goes to the
 * last line, a column past the end of its line to the line's end).
 */
export function offsetAt(
  text: string,
  starts: readonly number[],
  line: number,
  column: number,
): number {
  const index = Math.min(Math.max(Math.trunc(line) - 1, 0), starts.length - 1);
  const start = starts[index] ?? 0;
  const end = lineEnd(text, starts, index);
  return Math.min(start + Math.max(Math.trunc(column) - 1, 0), end);
}

/** The end of the token at `from` (up to the next space or the line's end), at least one char. */
function tokenEnd(text: string, from: number, end: number): number {
  let to = from;
  while (to < end && !/\s/.test(text.charAt(to))) to++;
  if (to === from && from < end) to = from + 1;
  return to;
}

/** The ranges of the diagnostics of `file` in `text`, in document order. */
export function toLintRanges(
  text: string,
  file: string,
  diagnostics: readonly DiagnosticView[],
): LintRange[] {
  const starts = lineStarts(text);
  const ranges: LintRange[] = [];
  for (const d of diagnostics) {
    if (d.file !== file) continue;
    const from = offsetAt(text, starts, d.line, d.column);
    const index = Math.min(Math.max(Math.trunc(d.line) - 1, 0), starts.length - 1);
    const to = tokenEnd(text, from, lineEnd(text, starts, index));
    ranges.push({ from, to, severity: d.severity, message: d.message, source: d.code });
  }
  return ranges.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Error, warning and info counts per file. */
export function countsByFile(
  diagnostics: readonly DiagnosticView[],
): ReadonlyMap<string, DiagnosticCounts> {
  const counts = new Map<string, { errors: number; warnings: number; infos: number }>();
  for (const d of diagnostics) {
    const entry = counts.get(d.file) ?? { errors: 0, warnings: 0, infos: 0 };
    if (d.severity === 'error') entry.errors++;
    else if (d.severity === 'warning') entry.warnings++;
    else entry.infos++;
    counts.set(d.file, entry);
  }
  return counts;
}

const RANK: Readonly<Record<DiagnosticSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by file, line and column. */
export function sortDiagnostics(diagnostics: readonly DiagnosticView[]): DiagnosticView[] {
  return [...diagnostics].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/**
 * The codes of the problems that stop a file from being read at all (the model loader's
 * `YamlProblem` codes): such a file has no entities, so other problems may only follow from it.
 */
export const SYNTAX_CODES: ReadonlySet<string> = new Set([
  'yaml-syntax',
  'yaml-multiple-documents',
  'yaml-alias-bomb',
  'file-too-large',
]);

export const isSyntaxCode = (code: string): boolean => SYNTAX_CODES.has(code);

/** Syntax errors first (by file and position), then the others as `sortDiagnostics` orders them. */
export function orderForDisplay(diagnostics: readonly DiagnosticView[]): DiagnosticView[] {
  const syntax = diagnostics.filter((d) => isSyntaxCode(d.code));
  const rest = diagnostics.filter((d) => !isSyntaxCode(d.code));
  return [...sortDiagnostics(syntax), ...sortDiagnostics(rest)];
}

/** Reads `details.diagnostics` of a 422 answer defensively (the body is untyped JSON). */
export function diagnosticsOf(details: unknown): DiagnosticView[] {
  if (typeof details !== 'object' || details === null) return [];
  const list = (details as { diagnostics?: unknown }).diagnostics;
  if (!Array.isArray(list)) return [];
  const result: DiagnosticView[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const d = item as Record<string, unknown>;
    const severity = d.severity === 'warning' || d.severity === 'info' ? d.severity : 'error';
    result.push({
      file: typeof d.file === 'string' ? d.file : '',
      line: typeof d.line === 'number' ? d.line : 1,
      column: typeof d.column === 'number' ? d.column : 1,
      severity,
      code: typeof d.code === 'string' ? d.code : '',
      message: typeof d.message === 'string' ? d.message : '',
    });
  }
  return result;
}
