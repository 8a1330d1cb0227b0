import { ok } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const casedModifier: SigmaModifier = {
  id: 'cased',
  category: 'generic',
  summary: {
    en: 'Values are matched case-sensitively (the default is case-insensitive).',
    fr: 'Les valeurs sont comparées en respectant la casse (par défaut, elle est ignorée).',
  },
  apply: (state) => ok({ ...state, cased: true }),
};
