/** Shared logic of contains/startswith/endswith: add `*` where the value must not be anchored. */
import { ANY, concatTokens, type StringToken } from './sigma-string.js';
import { asString, mapValues, notApplicable, stringOf } from './helpers.js';
import type { ModifierResult, ModifierState, StringPosition } from './types.js';

function startsWithAny(tokens: readonly StringToken[]): boolean {
  const first = tokens[0];
  return first !== undefined && typeof first !== 'string' && first.kind === 'any';
}

function endsWithAny(tokens: readonly StringToken[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && typeof last !== 'string' && last.kind === 'any';
}

export function applyPosition(
  state: ModifierState,
  position: Exclude<StringPosition, 'exact'>,
): ModifierResult {
  return mapValues(state, (value) => {
    if (value.type === 'fieldref') {
      return [{ ...value, position }];
    }
    const str = asString(value);
    if (str === undefined) return notApplicable(position, value.type);
    const before = position !== 'startswith' && !startsWithAny(str.tokens) ? [ANY] : [];
    const after = position !== 'endswith' && !endsWithAny(str.tokens) ? [ANY] : [];
    return [stringOf(concatTokens(before, str.tokens, after), str.binary)];
  });
}
