/** How serious a diagnostic is: errors make a model invalid, warnings and infos do not. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * A located problem in user input (model YAML, rules, configuration).
 * Diagnostics are data: engines collect all of them and never stop at the first.
 */
export interface Diagnostic {
  /** Stable, kebab-case code (e.g. `unknown-reference`). */
  readonly code: string;
  readonly severity: Severity;
  /** Message in the user's language. */
  readonly message: string;
  /** File the problem is in, as given by the caller (relative paths stay relative). */
  readonly file: string;
  /** 1-based line; 0 when the problem has no position (e.g. an unreadable file). */
  readonly line: number;
  /** 1-based column; 0 when the problem has no position. */
  readonly column: number;
  /** Path in the model, e.g. `assets[srv-erp].zone`; empty for file-level problems. */
  readonly path: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by file, line, column, then severity and code: stable output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** True when at least one diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
