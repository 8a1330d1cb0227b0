import { applyPosition } from './position.js';
import type { SigmaModifier } from './types.js';

export const endswithModifier: SigmaModifier = {
  id: 'endswith',
  category: 'generic',
  summary: {
    en: 'Matches fields that end with the value.',
    fr: 'Retient les champs qui finissent par la valeur.',
  },
  apply: (state) => applyPosition(state, 'endswith'),
};
