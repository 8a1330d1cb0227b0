import { applyTimePart } from './time-part.js';
import type { SigmaModifier } from './types.js';

export const monthModifier: SigmaModifier = {
  id: 'month',
  category: 'time',
  summary: {
    en: 'Compares the month (1–12) of the field’s timestamp (UTC) with the value.',
    fr: 'Compare le mois (1–12) de l’horodatage du champ (UTC) avec la valeur.',
  },
  apply: (state) => applyTimePart(state, 'month'),
};
