/**
 * What a failed save means for the user: the model is invalid (422, located diagnostics), someone
 * saved meanwhile (409, the versions involved), or anything else (shown as the server's message).
 */
import type { DiagnosticView } from '../../../../src/platform/api/types';
import { ApiFailure } from '../../lib/api';
import { diagnosticsOf } from './diagnostics';

export type SaveFailure =
  | { readonly kind: 'invalid'; readonly diagnostics: readonly DiagnosticView[] }
  | {
      readonly kind: 'conflict';
      readonly expected: number | null;
      readonly actual: number | null;
    }
  | { readonly kind: 'other'; readonly error: unknown };

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function classifySaveFailure(error: unknown): SaveFailure {
  if (error instanceof ApiFailure && error.body !== null) {
    const details = error.body.details;
    if (error.status === 422 && error.body.code === 'invalid_model') {
      return { kind: 'invalid', diagnostics: diagnosticsOf(details) };
    }
    if (error.status === 409 && error.body.code === 'conflict') {
      const d = typeof details === 'object' && details !== null ? details : {};
      return {
        kind: 'conflict',
        expected: numberOrNull((d as { expectedLatest?: unknown }).expectedLatest),
        actual: numberOrNull((d as { actualLatest?: unknown }).actualLatest),
      };
    }
  }
  return { kind: 'other', error };
}

/** The details of an error body as short `key: value` lines (for 400/413 answers). */
export function detailLines(details: unknown): string[] {
  if (details === undefined || details === null) return [];
  if (typeof details === 'string') return [details];
  if (typeof details !== 'object') return [JSON.stringify(details)];
  if (Array.isArray(details)) return details.map((item) => JSON.stringify(item));
  return Object.entries(details as Record<string, unknown>).map(
    ([key, value]) =>
      `${key}: ${typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)}`,
  );
}

/** Errors whose message already says everything in their details (the limit, the size, when). */
const SELF_EXPLAINED: ReadonlySet<string> = new Set([
  'model_too_large',
  'payload_too_large',
  'quota_exceeded',
]);

/** The detail lines of a failed request's error body (none for other errors). */
export function failureDetails(error: unknown): string[] {
  if (!(error instanceof ApiFailure) || error.body === null) return [];
  return SELF_EXPLAINED.has(error.body.code) ? [] : detailLines(error.body.details);
}
