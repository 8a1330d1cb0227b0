import { applyPosition } from './position.js';
import type { SigmaModifier } from './types.js';

export const startswithModifier: SigmaModifier = {
  id: 'startswith',
  category: 'generic',
  summary: {
    en: 'Matches fields that begin with the value.',
    fr: 'Retient les champs qui commencent par la valeur.',
  },
  apply: (state) => applyPosition(state, 'startswith'),
};
