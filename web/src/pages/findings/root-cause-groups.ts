/**
 * Findings grouped by root cause on the findings page: the facets of one weakness (the findings
 * of several rules on one flow, identity or asset) shown together. Pure.
 */

interface WithRootCause {
  readonly rootCause: { readonly id: string };
}

/**
 * The rows with the facets of each root cause together: root causes in the order of their first
 * row (so the current sort still decides which weakness comes first), rows in their own order.
 */
export function groupByRootCause<R extends WithRootCause>(rows: readonly R[]): R[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.rootCause.id);
    if (group === undefined) groups.set(row.rootCause.id, [row]);
    else group.push(row);
  }
  return [...groups.values()].flat();
}

/** How many of the rows each root cause has. */
export function facetCounts(rows: readonly WithRootCause[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.rootCause.id, (counts.get(row.rootCause.id) ?? 0) + 1);
  return counts;
}
