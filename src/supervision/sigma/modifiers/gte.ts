import { applyCompare } from './compare.js';
import type { SigmaModifier } from './types.js';

export const gteModifier: SigmaModifier = {
  id: 'gte',
  category: 'numeric',
  summary: {
    en: 'The field, read as a number, is greater than or equal to the value.',
    fr: 'Le champ, lu comme un nombre, est supérieur ou égal à la valeur.',
  },
  apply: (state) => applyCompare(state, 'gte'),
};
