import { applyCompare } from './compare.js';
import type { SigmaModifier } from './types.js';

export const ltModifier: SigmaModifier = {
  id: 'lt',
  category: 'numeric',
  summary: {
    en: 'The field, read as a number, is less than the value.',
    fr: 'Le champ, lu comme un nombre, est inférieur à la valeur.',
  },
  apply: (state) => applyCompare(state, 'lt'),
};
