import { applyTimePart } from './time-part.js';
import type { SigmaModifier } from './types.js';

export const minuteModifier: SigmaModifier = {
  id: 'minute',
  category: 'time',
  summary: {
    en: 'Compares the minute (0–59) of the field’s timestamp (UTC) with the value.',
    fr: 'Compare la minute (0–59) de l’horodatage du champ (UTC) avec la valeur.',
  },
  apply: (state) => applyTimePart(state, 'minute'),
};
