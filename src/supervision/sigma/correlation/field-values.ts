/**
 * Reading the fields a correlation needs from a detection's event: group-by values (one key
 * string per group) and the value field (distinct-value keys, numbers).
 */
import type { SigmaEvent } from '../types.js';

/** Separates the parts of a multi-field key; a control character that log values rarely hold. */
const KEY_SEPARATOR = '\u001f';

/** The key of one value; undefined for a missing value (absent or null). */
export function valueKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value);
}

/**
 * The key of several fields joined (a tuple), or undefined when one of them is missing.
 * `values` receives the raw values in field order when given.
 */
export function tupleKey(
  event: SigmaEvent,
  fields: readonly string[],
  values?: unknown[],
): string | undefined {
  if (fields.length === 1) {
    const raw = event[fields[0] as string];
    const key = valueKey(raw);
    if (key !== undefined) values?.push(raw);
    return key;
  }
  let key = '';
  for (let i = 0; i < fields.length; i++) {
    const raw = event[fields[i] as string];
    const part = valueKey(raw);
    if (part === undefined) return undefined;
    values?.push(raw);
    key = i === 0 ? part : key + KEY_SEPARATOR + part;
  }
  return key;
}

/** A finite number from a number or a numeric string (logs often carry numbers as text). */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}
