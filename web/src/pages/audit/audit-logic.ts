/**
 * Pure helpers of the audit page: action and entity labels, paging
 * and the before/after JSON as plain text.
 */
import { RECORDED_AUDIT_ACTIONS } from '../../../../src/platform/api/audit-actions';
import type { AuditEntryView, RecordedAuditAction } from '../../../../src/platform/api/types';

export const AUDIT_PAGE_SIZE = 50;
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Entity kinds the UI names (`audit.entity.<kind>`); others are shown as written. */
export const KNOWN_ENTITY_KINDS = [
  'user',
  'workspace',
  'member',
  'invitation',
  'model_version',
  'document',
  'entity',
  'decision',
  'settings',
] as const;
export type KnownEntityKind = (typeof KNOWN_ENTITY_KINDS)[number];

export function entityMessageKey(kind: string): `audit.entity.${KnownEntityKind}` | null {
  return (KNOWN_ENTITY_KINDS as readonly string[]).includes(kind)
    ? `audit.entity.${kind as KnownEntityKind}`
    : null;
}

export function isKnownAction(action: string): action is RecordedAuditAction {
  return (RECORDED_AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * The message key of an action (`audit.action.<code>`: every code of RECORDED_AUDIT_ACTIONS has
 * one), or null when the UI does not know it (a newer server's code:
 * show it raw).
 */
export function actionMessageKey(action: string): `audit.action.${RecordedAuditAction}` | null {
  return isKnownAction(action) ? `audit.action.${action}` : null;
}

/** The audit filters, as the page's search params and the API's query parameters. */
export interface AuditFilters {
  /** Author's user id. */
  readonly who: string;
  /** An action code or family (`member`). */
  readonly action: string;
  readonly entityKind: string;
  /** YYYY-MM-DD, inclusive. */
  readonly from: string;
  readonly to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  who: '',
  action: '',
  entityKind: '',
  from: '',
  to: '',
};

/** The action families (`member`, `model.entity`…) of the known actions, sorted. */
export function actionFamilies(): string[] {
  const families = new Set<string>();
  for (const action of RECORDED_AUDIT_ACTIONS) families.add(action.split('.')[0] ?? action);
  return [...families].sort();
}

/** The list path for a page (`before` = the previous page's cursor), with the filters set. */
export function auditListPath(
  workspacePath: string,
  before: number | null,
  filters: AuditFilters = NO_AUDIT_FILTERS,
): string {
  const search = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before !== null) search.set('before', String(before));
  for (const key of ['who', 'action', 'entityKind', 'from', 'to'] as const) {
    if (filters[key] !== '') search.set(key, filters[key]);
  }
  return `${workspacePath}/audit?${search.toString()}`;
}

/** Appends an older page, dropping entries already shown (same id). */
export function appendPage(
  shown: readonly AuditEntryView[],
  page: readonly AuditEntryView[],
): AuditEntryView[] {
  const seen = new Set(shown.map((e) => e.id));
  return [...shown, ...page.filter((e) => !seen.has(e.id))];
}

/** True when the entry has a before or after state worth showing. */
export function hasChanges(entry: AuditEntryView): boolean {
  return !isEmpty(entry.before) || !isEmpty(entry.after);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}

/** A JSON value as indented text (rendered in <pre> as text, never as HTML). */
export function jsonText(value: unknown): string {
  if (value === undefined) return 'null';
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    // Not from the server (its JSON cannot be cyclic): show the type rather than fail.
    return Object.prototype.toString.call(value);
  }
}

/** A user's name from the members list, else the id (members who left are not listed). */
export function userLabel(
  userId: string | null,
  names: ReadonlyMap<string, string>,
): { readonly name: string; readonly known: boolean } | null {
  if (userId === null) return null;
  const name = names.get(userId);
  return name === undefined ? { name: userId, known: false } : { name, known: true };
}
