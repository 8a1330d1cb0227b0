import { applyTimePart } from './time-part.js';
import type { SigmaModifier } from './types.js';

export const dayModifier: SigmaModifier = {
  id: 'day',
  category: 'time',
  summary: {
    en: 'Compares the day of the month (1–31) of the field’s timestamp (UTC) with the value.',
    fr: 'Compare le jour du mois (1–31) de l’horodatage du champ (UTC) avec la valeur.',
  },
  apply: (state) => applyTimePart(state, 'day'),
};
