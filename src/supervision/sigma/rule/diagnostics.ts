/**
 * Located diagnostics for rule files: YAML node → 1-based line/column through the file's
 * `LineCounter`, so every problem points at what the author wrote.
 */
import { isNode, type Document, type LineCounter, type Node } from 'yaml';
import type { SigmaDiagnostic, SigmaText } from '../types.js';
import type { SigmaLocation } from './types.js';

export interface DiagnosticSink {
  readonly file: string;
  readonly lineCounter: LineCounter;
  readonly diagnostics: SigmaDiagnostic[];
}

export function positionOf(
  sink: DiagnosticSink,
  offset: number | undefined,
): { line: number; column: number } {
  if (offset === undefined) return { line: 0, column: 0 };
  const pos = sink.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function nodeOffset(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

export function locationOf(sink: DiagnosticSink, node: unknown, path: string): SigmaLocation {
  return { file: sink.file, ...positionOf(sink, nodeOffset(node)), path };
}

export function report(
  sink: DiagnosticSink,
  severity: 'error' | 'warning',
  code: string,
  message: SigmaText,
  location: { readonly line: number; readonly column: number; readonly path: string },
): void {
  sink.diagnostics.push({
    code,
    severity,
    message,
    file: sink.file,
    line: location.line,
    column: location.column,
    path: location.path,
  });
}

/** The deepest existing node on `path` (for a missing key, its parent map). */
export function nodeAt(doc: Document, path: readonly (string | number)[]): unknown {
  for (let len = path.length; len >= 0; len--) {
    const node: unknown = len === 0 ? doc.contents : doc.getIn(path.slice(0, len), true);
    if (isNode(node)) return node;
  }
  return undefined;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
