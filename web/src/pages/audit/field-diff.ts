/**
 * The readable change of an audit entry: the fields that differ between its before and after
 * states, by name (nested objects as dotted paths: `decision.owner`), with the old and new
 * values. Lists and scalars are compared whole; a field only in `after` was added, only in
 * `before` removed. Pure, so it is tested without a browser.
 */

export type FieldChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Dotted path of the field (`role`, `decision.reviewDate`); '' for a whole scalar state. */
  readonly path: string;
  readonly kind: FieldChangeKind;
  /** Absent (undefined) when the field was added. */
  readonly before: unknown;
  /** Absent (undefined) when the field was removed. */
  readonly after: unknown;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const child = path === '' ? key : `${path}.${key}`;
      walk(before[key], after[key], child, out);
    }
    return;
  }
  if (same(before, after)) return;
  const kind: FieldChangeKind =
    before === undefined || before === null
      ? 'added'
      : after === undefined || after === null
        ? 'removed'
        : 'changed';
  // a whole object added or removed: list its fields one by one
  if (kind === 'added' && isPlainObject(after)) {
    walk({}, after, path, out);
    return;
  }
  if (kind === 'removed' && isPlainObject(before)) {
    walk(before, {}, path, out);
    return;
  }
  out.push({ path, kind, before, after });
}

/** The changed fields from `before` to `after` (each may be null: creation, deletion). */
export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before ?? undefined, after ?? undefined, '', out);
  return out;
}

/** A value as short text for the change view: strings bare, the rest as compact JSON. */
export function valueText(value: unknown, max = 200): string {
  if (value === undefined || value === null) return '—';
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
