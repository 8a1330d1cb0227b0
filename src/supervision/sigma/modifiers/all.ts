import { ok } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const allModifier: SigmaModifier = {
  id: 'all',
  category: 'generic',
  summary: {
    en: 'Every value must match (AND) instead of any of them (OR).',
    fr: 'Toutes les valeurs doivent correspondre (ET) au lieu de l’une d’elles (OU).',
  },
  apply: (state) => ok({ ...state, link: 'and' }),
};
