/** Small building blocks shared by the modifier files. */
import type { SigmaText } from '../types.js';
import { parseSigmaString, plainText, type StringToken } from './sigma-string.js';
import type { ModifierResult, ModifierState, TypedValue } from './types.js';

export type StringValue = Extract<TypedValue, { type: 'string' }>;

export function ok(state: ModifierState): ModifierResult {
  return { ok: true, state };
}

export function fail(en: string, fr: string): ModifierResult {
  return { ok: false, error: { en, fr } };
}

/** Numbers used with string modifiers are taken as their decimal text. */
export function asString(value: TypedValue): StringValue | undefined {
  if (value.type === 'string') return value;
  if (value.type === 'number') {
    const raw = String(value.value);
    return { type: 'string', tokens: parseSigmaString(raw), raw, binary: false };
  }
  return undefined;
}

export function stringOf(tokens: readonly StringToken[], binary = false): StringValue {
  return { type: 'string', tokens, binary };
}

/**
 * Maps every value through `fn` (a value may become several alternatives in its group).
 * Stops with the first error text: a modifier is either valid for the item or not.
 */
export function mapValues(
  state: ModifierState,
  fn: (value: TypedValue) => readonly TypedValue[] | SigmaText,
): ModifierResult {
  const groups: TypedValue[][] = [];
  for (const group of state.groups) {
    const out: TypedValue[] = [];
    for (const value of group) {
      const mapped = fn(value);
      if (!Array.isArray(mapped)) return { ok: false, error: mapped as SigmaText };
      out.push(...(mapped as readonly TypedValue[]));
    }
    groups.push(out);
  }
  return ok({ ...state, groups });
}

/** Maps string (and number) values; any other type is an error naming the modifier. */
export function mapStrings(
  state: ModifierState,
  modifier: string,
  fn: (value: StringValue) => readonly TypedValue[] | SigmaText,
): ModifierResult {
  return mapValues(state, (value) => {
    const str = asString(value);
    if (str === undefined) return notApplicable(modifier, value.type);
    return fn(str);
  });
}

export function notApplicable(modifier: string, type: string): SigmaText {
  return {
    en: `The "${modifier}" modifier does not apply to a ${type} value.`,
    fr: `Le modificateur « ${modifier} » ne s’applique pas à une valeur de type ${type}.`,
  };
}

/** The value's text when it is a plain string (no wildcard or placeholder). */
export function literalText(value: StringValue): string | undefined {
  return plainText(value.tokens);
}

/** The value as written, for type modifiers (re, cidr, fieldref) that must come first. */
export function rawText(value: TypedValue): string | undefined {
  if (value.type === 'string') return value.raw;
  if (value.type === 'number') return String(value.value);
  return undefined;
}

export function toNumber(value: TypedValue): number | undefined {
  if (value.type === 'number') return value.value;
  if (value.type === 'string' && value.raw !== undefined && value.raw.trim() !== '') {
    const n = Number(value.raw);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
