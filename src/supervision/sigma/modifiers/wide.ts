import { encodeStrings, utf16 } from './encoding.js';
import type { SigmaModifier } from './types.js';

export const wideModifier: SigmaModifier = {
  id: 'wide',
  category: 'encoding',
  summary: {
    en: 'Alias of utf16le: encodes the value as UTF-16 little-endian.',
    fr: 'Alias de utf16le : encode la valeur en UTF-16 petit-boutiste.',
  },
  apply: (state) => encodeStrings(state, 'wide', (value, text) => utf16(value, text, 'le', false)),
};
