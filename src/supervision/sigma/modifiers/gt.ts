import { applyCompare } from './compare.js';
import type { SigmaModifier } from './types.js';

export const gtModifier: SigmaModifier = {
  id: 'gt',
  category: 'numeric',
  summary: {
    en: 'The field, read as a number, is greater than the value.',
    fr: 'Le champ, lu comme un nombre, est supérieur à la valeur.',
  },
  apply: (state) => applyCompare(state, 'gt'),
};
