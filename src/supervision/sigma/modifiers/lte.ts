import { applyCompare } from './compare.js';
import type { SigmaModifier } from './types.js';

export const lteModifier: SigmaModifier = {
  id: 'lte',
  category: 'numeric',
  summary: {
    en: 'The field, read as a number, is less than or equal to the value.',
    fr: 'Le champ, lu comme un nombre, est inférieur ou égal à la valeur.',
  },
  apply: (state) => applyCompare(state, 'lte'),
};
