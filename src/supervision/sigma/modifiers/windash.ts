import { concatTokens, type StringToken } from './sigma-string.js';
import { mapStrings, stringOf } from './helpers.js';
import type { SigmaModifier } from './types.js';

/** The characters Windows accepts to introduce a command-line flag. */
export const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;
/** A flag character at the start of a word, as pySigma finds them. */
const FLAG = /\B[-/\u2013\u2014\u2015]\b/g;
/** More permutations than this means the rule is unreasonable (5 per flag character). */
const MAX_PERMUTATIONS = 625;

function permute(tokens: readonly StringToken[]): StringToken[][] {
  let results: StringToken[][] = [[]];
  for (const token of tokens) {
    if (typeof token !== 'string') {
      results = results.map((r) => concatTokens(r, [token]));
      continue;
    }
    const pieces: string[][] = [];
    let last = 0;
    for (const m of token.matchAll(FLAG)) {
      pieces.push([token.slice(last, m.index)]);
      pieces.push([...WINDASH_CHARACTERS]);
      last = m.index + 1;
    }
    pieces.push([token.slice(last)]);
    for (const options of pieces) {
      const next: StringToken[][] = [];
      for (const r of results) for (const o of options) next.push(concatTokens(r, [o]));
      results = next;
      if (results.length > MAX_PERMUTATIONS) return results;
    }
  }
  return results;
}

export const windashModifier: SigmaModifier = {
  id: 'windash',
  category: 'string',
  summary: {
    en: 'A flag written with "-" or "/" also matches the other Windows flag characters (-, /, –, —, ―).',
    fr: 'Un drapeau écrit avec « - » ou « / » correspond aussi aux autres caractères de drapeau Windows (-, /, –, —, ―).',
  },
  apply: (state) =>
    mapStrings(state, 'windash', (value) => {
      const variants = permute(value.tokens);
      if (variants.length > MAX_PERMUTATIONS) {
        return {
          en: `"windash" would create more than ${String(MAX_PERMUTATIONS)} variants of one value.`,
          fr: `« windash » créerait plus de ${String(MAX_PERMUTATIONS)} variantes d’une valeur.`,
        };
      }
      return variants.map((tokens) => stringOf(tokens, value.binary));
    }),
};
