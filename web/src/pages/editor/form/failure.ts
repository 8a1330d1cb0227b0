/** A refused save's diagnostics placed on the form's fields. */
import type { DiagnosticView } from '../../../../../src/platform/api/types';
import { ApiFailure } from '../../../lib/api';
import { formPathOf, placeOf } from './values';

export interface PlacedDiagnostics {
  /** Messages by form path (`''`: about the entity as a whole). */
  readonly byPath: ReadonlyMap<string, readonly string[]>;
  /** Diagnostics about something else than this entity. */
  readonly elsewhere: readonly DiagnosticView[];
}

/** The diagnostics of a 422 `invalid_model` answer (with their model paths), else null. */
export function invalidModelDiagnostics(error: unknown): DiagnosticView[] | null {
  if (!(error instanceof ApiFailure) || error.status !== 422) return null;
  if (error.body?.code !== 'invalid_model') return null;
  const details = error.body.details as { diagnostics?: unknown } | undefined;
  if (!Array.isArray(details?.diagnostics)) return [];
  return (details.diagnostics as unknown[]).flatMap((item): DiagnosticView[] => {
    if (typeof item !== 'object' || item === null) return [];
    const d = item as Record<string, unknown>;
    return [
      {
        file: typeof d.file === 'string' ? d.file : '',
        line: typeof d.line === 'number' ? d.line : 0,
        column: typeof d.column === 'number' ? d.column : 0,
        severity: d.severity === 'warning' || d.severity === 'info' ? d.severity : 'error',
        code: typeof d.code === 'string' ? d.code : '',
        message: typeof d.message === 'string' ? d.message : '',
        ...(typeof d.path === 'string' ? { path: d.path } : {}),
      },
    ];
  });
}

/** Errors of this entity go on the nearest field shown; the others are listed apart. */
export function placeDiagnostics(
  diagnostics: readonly DiagnosticView[],
  section: string,
  id: string,
  shown: ReadonlySet<string>,
): PlacedDiagnostics {
  const byPath = new Map<string, string[]>();
  const elsewhere: DiagnosticView[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const path = d.path === undefined ? null : formPathOf(d.path, section, id);
    if (path === null) {
      elsewhere.push(d);
      continue;
    }
    const at = placeOf(path, shown);
    byPath.set(at, [...(byPath.get(at) ?? []), d.message]);
  }
  return { byPath, elsewhere };
}
