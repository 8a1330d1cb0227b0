import { durationMinutes } from '../../domain/duration.js';
import type { RuleContext } from '../rule.js';
import { entityOf, readPath, type TypedPath } from './path.js';
import { safeTest } from './safe-regex.js';

/** A comparable operand: strings, numbers (durations are minutes) and booleans. */
export type Scalar = string | number | boolean;

/** A date operand: an ISO date, or today shifted by some days. */
export type DateOperand =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'today'; readonly days: number };

/** One operator applied to the value(s) a path yields. Immutable, tagged by `op`. */
export type Test =
  | { readonly op: 'eq' | 'ne'; readonly value: Scalar }
  | { readonly op: 'in' | 'nin'; readonly values: readonly Scalar[] }
  | { readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number }
  | { readonly op: 'exists'; readonly value: boolean }
  | { readonly op: 'matches'; readonly regex: RegExp }
  | { readonly op: 'contains'; readonly value: Scalar }
  | { readonly op: 'before' | 'after'; readonly date: DateOperand }
  | { readonly op: 'any' | 'all'; readonly each: ItemCheck }
  | { readonly op: 'length'; readonly tests: readonly Test[] };

/** What `any`/`all` check on each item: operators on a plain value, or conditions on an entity or object. */
export type ItemCheck =
  | { readonly kind: 'value'; readonly tests: readonly Test[] }
  | { readonly kind: 'condition'; readonly condition: Condition; readonly dereference: boolean };

/** The condition tree of a custom rule. */
export type Condition =
  | { readonly kind: 'all' | 'any'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'not'; readonly condition: Condition }
  | {
      readonly kind: 'test';
      readonly path: TypedPath;
      readonly tests: readonly Test[];
      /** Durations are compared in minutes. */
      readonly duration: boolean;
    };

const DAY_MS = 86_400_000;

/** Resolves a date operand against today (ISO dates compare as strings). */
export function resolveDate(operand: DateOperand, today: string): string {
  if (operand.kind === 'date') return operand.date;
  const time = Date.parse(`${today}T00:00:00Z`) + operand.days * DAY_MS;
  return Number.isNaN(time) ? today : new Date(time).toISOString().slice(0, 10);
}

/** Days of a `today±duration` offset (durations are minutes; a month is 30 days). */
export const minutesToDays = (minutes: number): number => Math.round(minutes / 1440);

function normalize(value: unknown, duration: boolean): unknown {
  return duration && typeof value === 'string' ? durationMinutes(value) : value;
}

function testValue(test: Test, raw: unknown, duration: boolean, context: RuleContext): boolean {
  const value = normalize(raw, duration);
  switch (test.op) {
    case 'eq':
      return value === test.value;
    case 'ne':
      return value !== test.value;
    case 'in':
      return test.values.includes(value as Scalar);
    case 'nin':
      return !test.values.includes(value as Scalar);
    case 'gt':
      return typeof value === 'number' && value > test.value;
    case 'gte':
      return typeof value === 'number' && value >= test.value;
    case 'lt':
      return typeof value === 'number' && value < test.value;
    case 'lte':
      return typeof value === 'number' && value <= test.value;
    case 'exists':
      return (value !== undefined) === test.value;
    case 'matches':
      return typeof raw === 'string' && safeTest(test.regex, raw);
    case 'contains':
      return typeof raw === 'string' && typeof test.value === 'string' && raw.includes(test.value);
    case 'before':
      return typeof raw === 'string' && raw < resolveDate(test.date, context.today);
    case 'after':
      return typeof raw === 'string' && raw > resolveDate(test.date, context.today);
    default:
      return false;
  }
}

function checkItem(
  each: ItemCheck,
  item: unknown,
  duration: boolean,
  context: RuleContext,
): boolean {
  if (each.kind === 'value') return each.tests.every((t) => testValue(t, item, duration, context));
  const holder = each.dereference ? entityOf(item, context) : item;
  return holder !== undefined && evaluateCondition(each.condition, holder, context);
}

function testList(
  test: Test,
  items: readonly unknown[],
  duration: boolean,
  context: RuleContext,
): boolean {
  switch (test.op) {
    case 'any':
      return items.some((item) => checkItem(test.each, item, duration, context));
    case 'all':
      return items.every((item) => checkItem(test.each, item, duration, context));
    case 'contains':
      return items.some((item) => normalize(item, duration) === test.value);
    case 'exists':
      return items.length > 0 === test.value;
    case 'length':
      return test.tests.every((t) => testValue(t, items.length, false, context));
    default:
      return false;
  }
}

/** Evaluates a condition on a starting value (an entity, or an item of a list). */
export function evaluateCondition(
  condition: Condition,
  start: unknown,
  context: RuleContext,
): boolean {
  switch (condition.kind) {
    case 'all':
      return condition.conditions.every((c) => evaluateCondition(c, start, context));
    case 'any':
      return condition.conditions.some((c) => evaluateCondition(c, start, context));
    case 'not':
      return !evaluateCondition(condition.condition, start, context);
    case 'test': {
      const values = readPath(start, condition.path, context);
      if (condition.path.list) {
        return condition.tests.every((t) => testList(t, values, condition.duration, context));
      }
      return condition.tests.every((t) => testValue(t, values[0], condition.duration, context));
    }
  }
}
