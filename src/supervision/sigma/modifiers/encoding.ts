/** Byte-level helpers of the encoding modifiers. Encoded values are "binary strings" (one char per byte). */
import { Buffer } from 'node:buffer';
import type { SigmaText } from '../types.js';
import { literalText, mapStrings, stringOf, type StringValue } from './helpers.js';
import type { ModifierResult, ModifierState, TypedValue } from './types.js';

export function bytesOf(value: StringValue, text: string): Buffer {
  return value.binary ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
}

function needsPlain(modifier: string): SigmaText {
  return {
    en: `The "${modifier}" modifier cannot encode a value with wildcards or placeholders; put "contains", "startswith" or "endswith" after it.`,
    fr: `Le modificateur « ${modifier} » ne peut pas encoder une valeur avec jokers ou paramètres ; placez « contains », « startswith » ou « endswith » après lui.`,
  };
}

/** Applies an encoder to every plain string value. */
export function encodeStrings(
  state: ModifierState,
  modifier: string,
  encode: (value: StringValue, text: string) => readonly TypedValue[],
): ModifierResult {
  return mapStrings(state, modifier, (value) => {
    const text = literalText(value);
    if (text === undefined) return needsPlain(modifier);
    return encode(value, text);
  });
}

export function utf16(
  value: StringValue,
  text: string,
  order: 'le' | 'be',
  bom: boolean,
): TypedValue[] {
  const source = value.binary ? Buffer.from(text, 'latin1').toString('utf8') : text;
  let out = bom ? (order === 'le' ? '\xff\xfe' : '\xfe\xff') : '';
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const hi = String.fromCharCode(code >> 8);
    const lo = String.fromCharCode(code & 0xff);
    out += order === 'le' ? lo + hi : hi + lo;
  }
  return [stringOf([out], true)];
}
