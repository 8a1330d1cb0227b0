import { encodeStrings, utf16 } from './encoding.js';
import type { SigmaModifier } from './types.js';

export const utf16Modifier: SigmaModifier = {
  id: 'utf16',
  category: 'encoding',
  summary: {
    en: 'Encodes the value as UTF-16 with a byte order mark (FF FE, little-endian).',
    fr: 'Encode la valeur en UTF-16 précédé d’une marque d’ordre des octets (FF FE, petit-boutiste).',
  },
  apply: (state) => encodeStrings(state, 'utf16', (value, text) => utf16(value, text, 'le', true)),
};
