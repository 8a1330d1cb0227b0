/**
 * Diagnostics raised while reading inputs (garbage lines, truncated JSON, over-long records).
 * Pure. Each message exists in English and French.
 */
import type { InputRecord, SigmaDiagnostic, SigmaText } from '../types.js';

/** A record or a located problem: what input readers yield. */
export type InputItem = InputRecord | SigmaDiagnostic;

/** True when the item yielded by a reader is a diagnostic rather than a record. */
export function isInputDiagnostic(item: InputItem): item is SigmaDiagnostic {
  return 'code' in item;
}

/** True when the item yielded by a reader is a record. */
export function isInputRecord(item: InputItem): item is InputRecord {
  return !('code' in item);
}

/** Builds an input diagnostic at a record number (line for line formats, object index for JSON). */
export function inputDiagnostic(
  code: string,
  file: string,
  line: number,
  message: SigmaText,
  severity: 'error' | 'warning' = 'error',
): SigmaDiagnostic {
  return { code, severity, message, file, line, column: 0, path: '' };
}

/** Shortens a sample of bad input for a message. */
export function sample(text: string, max = 60): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
