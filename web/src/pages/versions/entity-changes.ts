/** Pure helpers of the semantic diff view: values shown short, changes grouped by kind. */
import type { EntityChangeView } from '../../../../src/platform/api/types';

export const VALUE_MAX = 160;

/** A field's value in a line of text: strings as written, the rest as JSON, cut at `max`. */
export function formatValue(value: unknown, max = VALUE_MAX): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The changes grouped by kind (organisation first, then the kinds in the order given). */
export function byKind(
  changes: readonly EntityChangeView[],
  order: readonly string[],
): [EntityChangeView['kind'], EntityChangeView[]][] {
  const groups = new Map<EntityChangeView['kind'], EntityChangeView[]>();
  for (const change of changes) {
    const list = groups.get(change.kind);
    if (list === undefined) groups.set(change.kind, [change]);
    else list.push(change);
  }
  const rank = (kind: string): number => (kind === 'organisation' ? -1 : order.indexOf(kind));
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** How many entities were added, removed and changed. */
export function countChanges(changes: readonly EntityChangeView[]): {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
} {
  return {
    added: changes.filter((c) => c.status === 'added').length,
    removed: changes.filter((c) => c.status === 'removed').length,
    changed: changes.filter((c) => c.status === 'changed').length,
  };
}
