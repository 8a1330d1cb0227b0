import { applyTimePart } from './time-part.js';
import type { SigmaModifier } from './types.js';

export const hourModifier: SigmaModifier = {
  id: 'hour',
  category: 'time',
  summary: {
    en: 'Compares the hour (0–23) of the field’s timestamp (UTC) with the value.',
    fr: 'Compare l’heure (0–23) de l’horodatage du champ (UTC) avec la valeur.',
  },
  apply: (state) => applyTimePart(state, 'hour'),
};
