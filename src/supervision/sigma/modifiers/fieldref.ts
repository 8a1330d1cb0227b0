import { mapValues, notApplicable, rawText } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const fieldrefModifier: SigmaModifier = {
  id: 'fieldref',
  category: 'specific',
  summary: {
    en: 'The value names another field of the same event; the two fields are compared.',
    fr: 'La valeur nomme un autre champ du même événement ; les deux champs sont comparés.',
  },
  apply: (state) =>
    mapValues(state, (value) => {
      const raw = rawText(value);
      if (raw === undefined || state.isKeyword) return notApplicable('fieldref', value.type);
      return [{ type: 'fieldref', field: raw, position: 'exact' }];
    }),
};
