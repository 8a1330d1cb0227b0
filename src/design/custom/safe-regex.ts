import { err, ok, type Result } from '../../domain/result.js';

/** Longest pattern accepted. */
export const MAX_PATTERN_LENGTH = 200;
/** Most unbounded repetitions (`*`, `+`, `{n,}`) in one pattern: bounds polynomial blow-up. */
export const MAX_UNBOUNDED_QUANTIFIERS = 3;
/** Values are matched on their first characters only. */
export const MATCH_INPUT_LIMIT = 256;

export type RegexRefusal =
  | { readonly code: 'too-long'; readonly limit: number }
  | { readonly code: 'nested-quantifier' }
  | { readonly code: 'too-many-quantifiers'; readonly limit: number }
  | { readonly code: 'backreference' }
  | { readonly code: 'lookbehind' }
  | { readonly code: 'invalid-regex'; readonly detail: string };

interface Group {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

/** Length of the quantifier starting at `index` (0 when none), and whether it is unbounded. */
function quantifierAt(pattern: string, index: number): { length: number; unbounded: boolean } {
  const char = pattern[index];
  if (char === '*' || char === '+') return { length: lazy(pattern, index + 1, 1), unbounded: true };
  if (char === '?') return { length: lazy(pattern, index + 1, 1), unbounded: false };
  if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
    if (match === null) return { length: 0, unbounded: false };
    const unbounded = match[2] !== undefined && (match[3] === undefined || match[3] === '');
    const repeats = !unbounded && match[3] !== undefined && Number(match[3]) > 1;
    return {
      length: lazy(pattern, index + match[0].length, match[0].length),
      unbounded: unbounded || repeats,
    };
  }
  return { length: 0, unbounded: false };
}

const lazy = (pattern: string, next: number, length: number): number =>
  pattern[next] === '?' ? length + 1 : length;

/**
 * Scans a pattern for constructs that make backtracking explode: a repeated group that itself
 * contains a repetition or an alternative (`(a+)+`, `(a|aa)*`), back-references, look-behinds,
 * and too many unbounded repetitions. Conservative: some harmless patterns are refused too.
 */
export function checkPattern(pattern: string): Result<void, RegexRefusal> {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return err({ code: 'too-long', limit: MAX_PATTERN_LENGTH });
  const stack: Group[] = [];
  let unbounded = 0;
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return err({ code: 'backreference' });
      index += 1;
      if (inClass) continue;
      // an escaped atom may be quantified: fall through to the quantifier check below
    } else if (inClass) {
      if (char === ']') inClass = false;
      continue;
    } else if (char === '[') {
      inClass = true;
      continue;
    } else if (char === '(') {
      if (pattern.startsWith('(?<=', index) || pattern.startsWith('(?<!', index)) {
        return err({ code: 'lookbehind' });
      }
      stack.push({ hasQuantifier: false, hasAlternation: false });
      continue;
    } else if (char === '|') {
      const top = stack.at(-1);
      if (top !== undefined) top.hasAlternation = true;
      continue;
    } else if (char === ')') {
      const group = stack.pop();
      const quantifier = quantifierAt(pattern, index + 1);
      if (quantifier.length > 0) {
        if (
          quantifier.unbounded &&
          group !== undefined &&
          (group.hasQuantifier || group.hasAlternation)
        ) {
          return err({ code: 'nested-quantifier' });
        }
        if (quantifier.unbounded) unbounded += 1;
        index += quantifier.length;
      }
      const parent = stack.at(-1);
      if (parent !== undefined && (quantifier.length > 0 || group?.hasQuantifier === true)) {
        parent.hasQuantifier = true;
      }
      if (unbounded > MAX_UNBOUNDED_QUANTIFIERS) {
        return err({ code: 'too-many-quantifiers', limit: MAX_UNBOUNDED_QUANTIFIERS });
      }
      continue;
    }
    const quantifier = quantifierAt(pattern, index + 1);
    if (quantifier.length === 0) continue;
    if (quantifier.unbounded) unbounded += 1;
    const top = stack.at(-1);
    if (top !== undefined) top.hasQuantifier = true;
    index += quantifier.length;
    if (unbounded > MAX_UNBOUNDED_QUANTIFIERS) {
      return err({ code: 'too-many-quantifiers', limit: MAX_UNBOUNDED_QUANTIFIERS });
    }
  }
  return ok(undefined);
}

/** Compiles a user pattern once, after {@link checkPattern}; the `u` flag keeps syntax strict. */
export function compileSafeRegex(pattern: string): Result<RegExp, RegexRefusal> {
  const checked = checkPattern(pattern);
  if (!checked.ok) return checked;
  try {
    return ok(new RegExp(pattern, 'u'));
  } catch (error) {
    return err({
      code: 'invalid-regex',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Tests a value against a compiled pattern, on its first {@link MATCH_INPUT_LIMIT} characters. */
export function safeTest(regex: RegExp, value: string): boolean {
  return regex.test(value.length > MATCH_INPUT_LIMIT ? value.slice(0, MATCH_INPUT_LIMIT) : value);
}
