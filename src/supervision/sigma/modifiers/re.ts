import { mapValues, notApplicable, rawText } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const reModifier: SigmaModifier = {
  id: 're',
  category: 'regex',
  summary: {
    en: 'The value is a regular expression (PCRE subset), case-sensitive unless "i" follows.',
    fr: 'La valeur est une expression régulière (sous-ensemble PCRE), sensible à la casse sauf si « i » suit.',
  },
  apply: (state) =>
    mapValues(state, (value) => {
      const raw = rawText(value);
      if (raw === undefined) return notApplicable('re', value.type);
      return [{ type: 'regex', source: raw, flags: '' }];
    }),
};
