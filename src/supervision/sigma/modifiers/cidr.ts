import { mapValues, notApplicable, rawText } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const cidrModifier: SigmaModifier = {
  id: 'cidr',
  category: 'ip',
  summary: {
    en: 'The value is an IPv4 or IPv6 network (e.g. 10.0.0.0/8); the field must be an address in it.',
    fr: 'La valeur est un réseau IPv4 ou IPv6 (ex. 10.0.0.0/8) ; le champ doit être une adresse de ce réseau.',
  },
  apply: (state) =>
    mapValues(state, (value) => {
      const raw = rawText(value);
      if (raw === undefined) return notApplicable('cidr', value.type);
      return [{ type: 'cidr', text: raw.trim() }];
    }),
};
