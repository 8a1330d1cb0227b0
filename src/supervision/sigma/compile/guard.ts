/**
 * Literal guards: a necessary condition of a rule, derived at compile time, that an index can
 * check for many rules at once (see `prefilter/guard-index.ts`).
 *
 * A guard is a disjunction of clauses; a clause says "the lower-cased text of field F is one of /
 * starts with / ends with / contains one of these literals". A rule whose guard no clause of
 * satisfies cannot match, so its full matcher need not run. Guards are only derived where this
 * holds exactly: positive, case-insensitive items whose every value is a plain literal pattern.
 * An AND keeps the most selective operand's guard, an OR the union of its operands' guards (or
 * none if one has none), a NOT none. Pure.
 */

export type ClauseKind = 'exact' | 'prefix' | 'suffix' | 'contains';

export interface GuardClause {
  /** The event field (after field mapping), read like the matchers read it. */
  readonly field: string;
  readonly kind: ClauseKind;
  /** Lower-cased literals; the clause holds when the field's text satisfies any of them. */
  readonly needles: readonly string[];
}

/** A disjunction of clauses (never empty). */
export type Guard = readonly GuardClause[];

/** Low-cardinality fields: a clause on them lets most events through. */
const WEAK_FIELDS: ReadonlySet<string> = new Set([
  'eventid',
  'channel',
  'provider_name',
  'provider',
  'initiated',
  'logontype',
  'integritylevel',
  'status',
]);

const KIND_COST: Readonly<Record<ClauseKind, number>> = {
  exact: 1,
  suffix: 2,
  prefix: 2,
  contains: 3,
};

function clauseCost(clause: GuardClause): number {
  let cost = KIND_COST[clause.kind] * clause.needles.length ** 0.5;
  const shortest = Math.min(...clause.needles.map((n) => n.length));
  if (shortest < 3) cost += 8;
  else if (shortest < 5) cost += 2;
  if (WEAK_FIELDS.has(clause.field.toLowerCase())) cost += 10;
  return cost;
}

/** Relative cost of letting a guard decide (lower: more selective). */
export function guardCost(guard: Guard): number {
  return guard.reduce((sum, clause) => sum + clauseCost(clause), 0);
}

/** The guard of an AND: its most selective operand's (undefined operands are ignored). */
export function andGuards(guards: readonly (Guard | undefined)[]): Guard | undefined {
  let best: Guard | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const guard of guards) {
    if (guard === undefined) continue;
    const cost = guardCost(guard);
    if (cost < bestCost) {
      best = guard;
      bestCost = cost;
    }
  }
  return best;
}

/** The guard of an OR: the union of its operands' guards, or none when one operand has none. */
export function orGuards(guards: readonly (Guard | undefined)[]): Guard | undefined {
  if (guards.length === 0) return undefined;
  const clauses: GuardClause[] = [];
  for (const guard of guards) {
    if (guard === undefined) return undefined;
    clauses.push(...guard);
  }
  return clauses;
}
