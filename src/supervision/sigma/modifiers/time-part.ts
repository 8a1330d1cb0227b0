/** Shared logic of the time modifiers: compare one part of the field's timestamp. */
import { mapValues, toNumber } from './helpers.js';
import type { ModifierResult, ModifierState, TimePart } from './types.js';

export function applyTimePart(state: ModifierState, part: TimePart): ModifierResult {
  if (state.isKeyword) {
    return {
      ok: false,
      error: {
        en: `The "${part}" modifier needs a field name.`,
        fr: `Le modificateur « ${part} » demande un nom de champ.`,
      },
    };
  }
  const result = mapValues(state, (value) => {
    if (value.type === 'compare') return [value];
    const n = toNumber(value);
    if (n === undefined) {
      return {
        en: `The "${part}" modifier needs a number.`,
        fr: `Le modificateur « ${part} » demande un nombre.`,
      };
    }
    return [{ type: 'number', value: n }];
  });
  return result.ok ? { ok: true, state: { ...result.state, timePart: part } } : result;
}
