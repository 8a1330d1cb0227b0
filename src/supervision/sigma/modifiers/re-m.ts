import { mapValues } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const reMModifier: SigmaModifier = {
  id: 'm',
  category: 'regex',
  summary: {
    en: 'Regular expression sub-modifier: ^ and $ match at line boundaries.',
    fr: 'Sous-modificateur d’expression régulière : ^ et $ reconnaissent les débuts et fins de ligne.',
  },
  apply: (state) =>
    mapValues(state, (value) => {
      if (value.type !== 'regex') {
        return {
          en: 'The "m" modifier must follow "re".',
          fr: 'Le modificateur « m » doit suivre « re ».',
        };
      }
      return [{ ...value, flags: value.flags.includes('m') ? value.flags : value.flags + 'm' }];
    }),
};
