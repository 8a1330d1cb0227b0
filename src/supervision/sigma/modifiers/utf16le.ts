import { encodeStrings, utf16 } from './encoding.js';
import type { SigmaModifier } from './types.js';

export const utf16leModifier: SigmaModifier = {
  id: 'utf16le',
  category: 'encoding',
  summary: {
    en: 'Encodes the value as UTF-16 little-endian (e.g. before base64).',
    fr: 'Encode la valeur en UTF-16 petit-boutiste (par ex. avant base64).',
  },
  apply: (state) =>
    encodeStrings(state, 'utf16le', (value, text) => utf16(value, text, 'le', false)),
};
