/**
 * Correlation conditions: a map of comparison operators joined by AND (`gt: 100` + `lte: 200`),
 * compiled once into a predicate over the window's computed value.
 */
import type { CorrelationCondition, CorrelationType } from './types.js';

export interface CompiledCondition {
  readonly test: (value: number) => boolean;
  /**
   * True when adding a detection to a window can only raise the value and the condition is
   * only lower bounds (gt/gte) on a count: such a condition is checked at every detection and
   * fires as soon as it holds. Every other condition is checked once a window is complete.
   */
  readonly isMonotone: boolean;
  /** Human-readable form, e.g. `gt 100 and lte 200`. */
  readonly text: string;
}

const COUNT_TYPES: ReadonlySet<CorrelationType> = new Set([
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
]);

/**
 * Compiles a validated condition. For temporal types without any operator the default is
 * "every referenced rule" (`gte: ruleCount`), as pySigma does.
 */
export function compileCondition(
  type: CorrelationType,
  condition: CorrelationCondition,
  ruleCount: number,
): CompiledCondition {
  const { gt, gte, lt, lte, eq, neq } = condition;
  const isTemporal = type === 'temporal' || type === 'temporal_ordered';
  const hasOperator = [gt, gte, lt, lte, eq, neq].some((v) => v !== undefined);
  const lowerInclusive = !hasOperator && isTemporal ? ruleCount : gte;
  const parts: string[] = [];
  const checks: ((value: number) => boolean)[] = [];
  if (gt !== undefined) {
    parts.push(`gt ${gt}`);
    checks.push((v) => v > gt);
  }
  if (lowerInclusive !== undefined) {
    parts.push(`gte ${lowerInclusive}`);
    checks.push((v) => v >= lowerInclusive);
  }
  if (lt !== undefined) {
    parts.push(`lt ${lt}`);
    checks.push((v) => v < lt);
  }
  if (lte !== undefined) {
    parts.push(`lte ${lte}`);
    checks.push((v) => v <= lte);
  }
  if (eq !== undefined) {
    parts.push(`eq ${eq}`);
    checks.push((v) => v === eq);
  }
  if (neq !== undefined) {
    parts.push(`neq ${neq}`);
    checks.push((v) => v !== neq);
  }
  const onlyLowerBounds =
    lt === undefined && lte === undefined && eq === undefined && neq === undefined;
  return {
    test: combine(checks),
    isMonotone: COUNT_TYPES.has(type) && onlyLowerBounds && checks.length > 0,
    text: parts.join(' and '),
  };
}

function combine(checks: readonly ((value: number) => boolean)[]): (value: number) => boolean {
  const [first, second] = checks;
  if (first === undefined) return () => false;
  if (second === undefined) return first;
  if (checks.length === 2) return (v) => first(v) && second(v);
  return (v) => checks.every((check) => check(v));
}
