import { applyPosition } from './position.js';
import type { SigmaModifier } from './types.js';

export const containsModifier: SigmaModifier = {
  id: 'contains',
  category: 'generic',
  summary: {
    en: 'Matches the value anywhere in the field (wraps it in `*`).',
    fr: 'Cherche la valeur n’importe où dans le champ (l’entoure de `*`).',
  },
  apply: (state) => applyPosition(state, 'contains'),
};
