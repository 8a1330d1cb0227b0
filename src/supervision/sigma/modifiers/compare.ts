/** Shared logic of gt/gte/lt/lte: the value must be a number. */
import { mapValues } from './helpers.js';
import { toNumber } from './helpers.js';
import type { CompareOperator, ModifierResult, ModifierState } from './types.js';

export function applyCompare(state: ModifierState, op: CompareOperator): ModifierResult {
  return mapValues(state, (value) => {
    const n = toNumber(value);
    if (n === undefined) {
      return {
        en: `The "${op}" modifier needs a number.`,
        fr: `Le modificateur « ${op} » demande un nombre.`,
      };
    }
    return [{ type: 'compare', op, value: n }];
  });
}
