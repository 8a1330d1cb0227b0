/**
 * Pure logic of the entity form: which input fits a field's value, the value shown in the input,
 * the value parsed back (with located errors for structured YAML), and the changed fields.
 */
import { parseDocument, stringify } from 'yaml';

/** The input used for a field. */
export type FieldType = 'string' | 'text' | 'number' | 'boolean' | 'list' | 'structured';

export type FormValue = string | boolean;

/** Strings longer than this (or with a line break) get a textarea. */
const LONG_TEXT = 80;

export function inferFieldType(value: unknown): FieldType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') {
    return value.length > LONG_TEXT || value.includes('\n') ? 'text' : 'string';
  }
  if (value === null || value === undefined) return 'string';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'list';
  return 'structured';
}

/** The text (or checkbox state) an input starts with. */
export function toFormValue(type: FieldType, value: unknown): FormValue {
  switch (type) {
    case 'boolean':
      return value === true;
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'list':
      return Array.isArray(value) ? value.map(String).join('\n') : '';
    case 'structured':
      return value === null || value === undefined ? '' : stringify(value).trimEnd();
    default:
      return typeof value === 'string' ? value : '';
  }
}

export type FieldProblem =
  | { readonly code: 'required' }
  | { readonly code: 'number' }
  | {
      readonly code: 'syntax';
      readonly line: number;
      readonly column: number;
      readonly message: string;
    };

export type ParsedField =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: FieldProblem };

/** Parses an input back; an empty input is `null` (the field is cleared) unless `required`. */
export function parseFormValue(type: FieldType, raw: FormValue, required = false): ParsedField {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const text = type === 'text' || type === 'structured' ? raw : raw.trim();
  if (text.trim() === '')
    return required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: null };
  switch (type) {
    case 'number': {
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, problem: { code: 'number' } };
    }
    case 'list':
      return {
        ok: true,
        value: text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      };
    case 'structured': {
      const doc = parseDocument(text, { prettyErrors: true });
      const error = doc.errors[0];
      if (error !== undefined) {
        const pos = error.linePos?.[0];
        return {
          ok: false,
          problem: {
            code: 'syntax',
            line: pos?.line ?? 1,
            column: pos?.col ?? 1,
            message: error.message.split('\n')[0] ?? error.message,
          },
        };
      }
      return { ok: true, value: doc.toJS() as unknown };
    }
    default:
      return { ok: true, value: text };
  }
}

/** Structural equality of JSON-like values (`undefined` equals `null`: both mean "not set"). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!sameValue(x[key], y[key])) return false;
  return true;
}

/** The fields whose value differs from the original; a cleared field is `null`. */
export function changedFields(
  original: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (!sameValue(original[key], value)) changed[key] = value ?? null;
  }
  return changed;
}
