import { Buffer } from 'node:buffer';
import { bytesOf, encodeStrings } from './encoding.js';
import { stringOf } from './helpers.js';
import type { SigmaModifier, TypedValue } from './types.js';

const START = [0, 2, 3] as const;
const END = [undefined, -3, -2] as const;

/**
 * The three Base64 renderings of a value found at byte offsets 0, 1 and 2 of a longer encoded
 * text, trimmed to the characters that do not depend on the neighbouring bytes (as pySigma does).
 */
export function base64Offsets(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const encoded = Buffer.concat([Buffer.alloc(i, ' '), bytes]).toString('base64');
    const end = END[(bytes.length + i) % 3];
    out.push(encoded.slice(START[i], end));
  }
  return out;
}

export const base64offsetModifier: SigmaModifier = {
  id: 'base64offset',
  category: 'encoding',
  summary: {
    en: 'Matches the value Base64-encoded at any of the three byte offsets of a longer text (use with contains).',
    fr: 'Cherche la valeur encodée en Base64 à l’un des trois décalages d’octet d’un texte plus long (avec contains).',
  },
  apply: (state) =>
    encodeStrings(state, 'base64offset', (value, text) =>
      base64Offsets(bytesOf(value, text)).map((s): TypedValue => stringOf([s])),
    ),
};
