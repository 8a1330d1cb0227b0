/**
 * Compiles a parsed rule (or a filter's detection) into one matcher closure: search identifiers
 * become AND/OR of item tests (cheapest first), the condition tree becomes nested closures.
 * A rule with a compile error gets a matcher that never matches, so a broken rule stays silent
 * instead of alerting wrongly; the diagnostics say why.
 */
import type { SigmaConditionNode } from '../condition/types.js';
import type { SigmaDetection, SigmaFilter, SigmaRule, SigmaSearch } from '../rule/types.js';
import type { SigmaDiagnostic, SigmaEvent } from '../types.js';
import { compileItem, type EventTest, type ItemOptions } from './compile-item.js';
import { andGuards, orGuards, type Guard } from './guard.js';

export interface CompileOptions {
  /** Placeholder name (without `%`) → values, for the `expand` modifier. */
  readonly placeholders?:
    ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;
  /** Maps a rule's field name to the event's field name (applied once, at compile time). */
  readonly fieldMapping?: (field: string) => string;
}

export interface CompiledMatcher {
  readonly matcher: (event: SigmaEvent) => boolean;
  readonly diagnostics: readonly SigmaDiagnostic[];
  /**
   * A necessary condition on literals (see `guard.ts`): an event that satisfies none of its
   * clauses cannot match. Absent when none could be derived.
   */
  readonly guard?: Guard;
}

interface Compiled {
  readonly test: EventTest;
  readonly cost: number;
  readonly guard: Guard | undefined;
}

const NEVER: EventTest = () => false;

function and(tests: readonly EventTest[]): EventTest {
  if (tests.length === 1 && tests[0] !== undefined) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests as [EventTest, EventTest];
    return (e) => a(e) && b(e);
  }
  return (e) => {
    for (const t of tests) if (!t(e)) return false;
    return true;
  };
}

function or(tests: readonly EventTest[]): EventTest {
  if (tests.length === 1 && tests[0] !== undefined) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests as [EventTest, EventTest];
    return (e) => a(e) || b(e);
  }
  return (e) => {
    for (const t of tests) if (t(e)) return true;
    return false;
  };
}

function compileSearch(
  search: SigmaSearch,
  options: ItemOptions,
  diagnostics: SigmaDiagnostic[],
): Compiled {
  if (search.kind === 'anyOf') {
    const parts = search.alternatives.map((a) => compileSearch(a, options, diagnostics));
    if (parts.length === 0) return { test: NEVER, cost: 0, guard: undefined };
    return {
      test: or(parts.map((p) => p.test)),
      cost: parts.reduce((n, p) => n + p.cost, 0),
      guard: orGuards(parts.map((p) => p.guard)),
    };
  }
  const items: Compiled[] = [];
  for (const match of search.matches) {
    const compiled = compileItem(match, options);
    if (compiled.ok) {
      items.push({ test: compiled.test, cost: compiled.cost, guard: compiled.guard });
      continue;
    }
    const { file, line, column, path } = match.location;
    diagnostics.push({
      code: 'sigma.compile.item',
      severity: 'error',
      message: compiled.error,
      file,
      line,
      column,
      path,
    });
  }
  if (items.length === 0)
    return { test: search.matches.length === 0 ? () => true : NEVER, cost: 0, guard: undefined };
  items.sort((a, b) => a.cost - b.cost);
  return {
    test: and(items.map((i) => i.test)),
    cost: items.reduce((n, i) => n + i.cost, 0),
    guard: andGuards(items.map((i) => i.guard)),
  };
}

/** The guard of a condition (see `guard.ts`); `not` gives none. */
function conditionGuard(
  node: SigmaConditionNode,
  guards: ReadonlyMap<string, Guard | undefined>,
): Guard | undefined {
  switch (node.kind) {
    case 'and':
      return andGuards(node.operands.map((o) => conditionGuard(o, guards)));
    case 'or':
      return orGuards(node.operands.map((o) => conditionGuard(o, guards)));
    case 'not':
      return undefined;
    case 'identifier':
      return guards.get(node.name);
    case 'quantified': {
      const operands = node.names.map((n) => guards.get(n));
      // `all of`: each is necessary; `1 of` and `x of`: at least one holds.
      return node.count === 'all' ? andGuards(operands) : orGuards(operands);
    }
  }
}

function compileCondition(
  node: SigmaConditionNode,
  searches: ReadonlyMap<string, EventTest>,
): EventTest {
  switch (node.kind) {
    case 'and':
      return and(node.operands.map((o) => compileCondition(o, searches)));
    case 'or':
      return or(node.operands.map((o) => compileCondition(o, searches)));
    case 'not': {
      const inner = compileCondition(node.operand, searches);
      return (e) => !inner(e);
    }
    case 'identifier':
      return searches.get(node.name) ?? NEVER;
    case 'quantified': {
      const tests = node.names.map((n) => searches.get(n) ?? NEVER);
      if (node.count === 'all') return and(tests);
      if (node.count === 1) return or(tests);
      const needed = node.count;
      return (e) => {
        let hits = 0;
        for (const t of tests) if (t(e) && ++hits >= needed) return true;
        return false;
      };
    }
  }
}

function itemOptions(options: CompileOptions): ItemOptions {
  const p = options.placeholders;
  const placeholders =
    p === undefined
      ? new Map<string, readonly string[]>()
      : p instanceof Map
        ? p
        : new Map(Object.entries(p));
  return {
    placeholders: placeholders as ReadonlyMap<string, readonly string[]>,
    mapField: options.fieldMapping ?? ((f) => f),
  };
}

/** Compiles a detection section (of a rule or a filter). */
export function compileDetection(
  detection: SigmaDetection,
  options: CompileOptions = {},
): CompiledMatcher {
  const diagnostics: SigmaDiagnostic[] = [];
  const item = itemOptions(options);
  const searches = new Map<string, EventTest>();
  const guards = new Map<string, Guard | undefined>();
  for (const [name, search] of detection.searches) {
    const compiled = compileSearch(search, item, diagnostics);
    searches.set(name, compiled.test);
    guards.set(name, compiled.guard);
  }
  const matcher = or(detection.conditions.map((c) => compileCondition(c, searches)));
  const broken =
    diagnostics.some((d) => d.severity === 'error') || detection.conditions.length === 0;
  if (broken) return { matcher: NEVER, diagnostics };
  const guard = orGuards(detection.conditions.map((c) => conditionGuard(c, guards)));
  return { matcher, diagnostics, ...(guard === undefined ? {} : { guard }) };
}

/** Compiles a detection rule (or a filter) into a matcher. Never throws. */
export function compileRule(
  rule: SigmaRule | SigmaFilter,
  options: CompileOptions = {},
): CompiledMatcher {
  return compileDetection(rule.detection, options);
}
