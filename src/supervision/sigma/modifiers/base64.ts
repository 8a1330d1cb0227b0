import { bytesOf, encodeStrings } from './encoding.js';
import { stringOf } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const base64Modifier: SigmaModifier = {
  id: 'base64',
  category: 'encoding',
  summary: {
    en: 'The value is Base64-encoded before matching (whole-field match unless combined with contains).',
    fr: 'La valeur est encodée en Base64 avant comparaison (champ entier sauf avec contains).',
  },
  apply: (state) =>
    encodeStrings(state, 'base64', (value, text) => [
      stringOf([bytesOf(value, text).toString('base64')]),
    ]),
};
