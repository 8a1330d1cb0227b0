import { ok } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const neqModifier: SigmaModifier = {
  id: 'neq',
  category: 'generic',
  summary: {
    en: 'The field differs from the values: the item matches when none of them matches.',
    fr: 'Le champ diffère des valeurs : l’élément correspond quand aucune ne correspond.',
  },
  apply: (state) => ok({ ...state, negate: true }),
};
