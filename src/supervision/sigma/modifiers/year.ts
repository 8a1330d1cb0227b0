import { applyTimePart } from './time-part.js';
import type { SigmaModifier } from './types.js';

export const yearModifier: SigmaModifier = {
  id: 'year',
  category: 'time',
  summary: {
    en: 'Compares the year of the field’s timestamp (UTC) with the value.',
    fr: 'Compare l’année de l’horodatage du champ (UTC) avec la valeur.',
  },
  apply: (state) => applyTimePart(state, 'year'),
};
