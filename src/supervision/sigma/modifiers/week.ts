import { applyTimePart } from './time-part.js';
import type { SigmaModifier } from './types.js';

export const weekModifier: SigmaModifier = {
  id: 'week',
  category: 'time',
  summary: {
    en: 'Compares the ISO week number (1–53) of the field’s timestamp (UTC) with the value.',
    fr: 'Compare le numéro de semaine ISO (1–53) de l’horodatage du champ (UTC) avec la valeur.',
  },
  apply: (state) => applyTimePart(state, 'week'),
};
