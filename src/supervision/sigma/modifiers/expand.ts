import { concatTokens, parseSigmaString, type StringToken } from './sigma-string.js';
import { mapStrings, stringOf } from './helpers.js';
import type { ModifierContext, SigmaModifier } from './types.js';
import type { SigmaText } from '../types.js';

const MAX_EXPANSIONS = 1000;

function expandTokens(
  tokens: readonly StringToken[],
  context: ModifierContext,
): StringToken[][] | SigmaText {
  let results: StringToken[][] = [[]];
  for (const token of tokens) {
    if (typeof token === 'string' || token.kind !== 'placeholder') {
      results = results.map((r) => concatTokens(r, [token]));
      continue;
    }
    const values = context.placeholders.get(token.name);
    if (values === undefined || values.length === 0) {
      return {
        en: `The placeholder %${token.name}% has no value; give it one in the placeholder map.`,
        fr: `Le paramètre %${token.name}% n’a pas de valeur ; donnez-lui en une dans la table des paramètres.`,
      };
    }
    const options = values.map((v) => parseSigmaString(v));
    const next: StringToken[][] = [];
    for (const r of results) for (const o of options) next.push(concatTokens(r, o));
    results = next;
    if (results.length > MAX_EXPANSIONS) {
      return {
        en: `Placeholders expand to more than ${String(MAX_EXPANSIONS)} values.`,
        fr: `Les paramètres produisent plus de ${String(MAX_EXPANSIONS)} valeurs.`,
      };
    }
  }
  return results;
}

export const expandModifier: SigmaModifier = {
  id: 'expand',
  category: 'specific',
  summary: {
    en: 'Replaces %name% placeholders with the values given at compile time (\\% is a plain percent sign).',
    fr: 'Remplace les paramètres %nom% par les valeurs fournies à la compilation (\\% est un signe pour cent simple).',
  },
  apply: (state, context) =>
    mapStrings(state, 'expand', (value) => {
      const expanded = expandTokens(value.tokens, context);
      if (!Array.isArray(expanded)) return expanded;
      return expanded.map((tokens) => stringOf(tokens, value.binary));
    }),
};
