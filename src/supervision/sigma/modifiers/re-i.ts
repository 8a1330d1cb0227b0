import { mapValues } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const reIModifier: SigmaModifier = {
  id: 'i',
  category: 'regex',
  summary: {
    en: 'Regular expression sub-modifier: case-insensitive matching.',
    fr: 'Sous-modificateur d’expression régulière : casse ignorée.',
  },
  apply: (state) =>
    mapValues(state, (value) => {
      if (value.type !== 'regex') {
        return {
          en: 'The "i" modifier must follow "re".',
          fr: 'Le modificateur « i » doit suivre « re ».',
        };
      }
      return [{ ...value, flags: value.flags.includes('i') ? value.flags : value.flags + 'i' }];
    }),
};
