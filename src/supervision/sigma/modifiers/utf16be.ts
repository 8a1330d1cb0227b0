import { encodeStrings, utf16 } from './encoding.js';
import type { SigmaModifier } from './types.js';

export const utf16beModifier: SigmaModifier = {
  id: 'utf16be',
  category: 'encoding',
  summary: {
    en: 'Encodes the value as UTF-16 big-endian.',
    fr: 'Encode la valeur en UTF-16 gros-boutiste.',
  },
  apply: (state) =>
    encodeStrings(state, 'utf16be', (value, text) => utf16(value, text, 'be', false)),
};
