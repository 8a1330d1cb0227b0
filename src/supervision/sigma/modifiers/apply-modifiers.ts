/** Runs a detection item's values through its modifiers, in the order written. */
import type { SigmaValue } from '../rule/types.js';
import type { SigmaText } from '../types.js';
import { MODIFIERS_BY_ID } from './registry.js';
import { parseSigmaString } from './sigma-string.js';
import type { ModifierContext, ModifierState, TypedValue } from './types.js';

export type ApplyModifiersResult =
  | { readonly ok: true; readonly state: ModifierState }
  | { readonly ok: false; readonly error: SigmaText };

/** The typed form of a YAML value before any modifier. */
export function initialValue(value: SigmaValue, placeholders: boolean): TypedValue {
  if (value === null) return { type: 'null' };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  return {
    type: 'string',
    tokens: parseSigmaString(value, placeholders),
    raw: value,
    binary: false,
  };
}

export function applyModifiers(
  values: readonly SigmaValue[],
  modifiers: readonly string[],
  isKeyword: boolean,
  context: ModifierContext,
): ApplyModifiersResult {
  const placeholders = modifiers.includes('expand');
  let state: ModifierState = {
    groups: values.map((v) => [initialValue(v, placeholders)]),
    link: 'or',
    cased: false,
    negate: false,
    isKeyword,
  };
  for (const id of modifiers) {
    const modifier = MODIFIERS_BY_ID.get(id);
    if (modifier === undefined) {
      return {
        ok: false,
        error: { en: `Unknown modifier "${id}".`, fr: `Modificateur « ${id} » inconnu.` },
      };
    }
    const result = modifier.apply(state, context);
    if (!result.ok) return result;
    state = result.state;
  }
  return { ok: true, state };
}
