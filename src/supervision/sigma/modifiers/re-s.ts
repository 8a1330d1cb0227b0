import { mapValues } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const reSModifier: SigmaModifier = {
  id: 's',
  category: 'regex',
  summary: {
    en: 'Regular expression sub-modifier: . also matches newlines.',
    fr: 'Sous-modificateur d’expression régulière : . reconnaît aussi les sauts de ligne.',
  },
  apply: (state) =>
    mapValues(state, (value) => {
      if (value.type !== 'regex') {
        return {
          en: 'The "s" modifier must follow "re".',
          fr: 'Le modificateur « s » doit suivre « re ».',
        };
      }
      return [{ ...value, flags: value.flags.includes('s') ? value.flags : value.flags + 's' }];
    }),
};
