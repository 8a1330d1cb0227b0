import { mapValues, notApplicable } from './helpers.js';
import type { SigmaModifier } from './types.js';

export const existsModifier: SigmaModifier = {
  id: 'exists',
  category: 'generic',
  summary: {
    en: 'true: the field must be present (whatever its value); false: it must be absent.',
    fr: 'true : le champ doit être présent (quelle que soit sa valeur) ; false : absent.',
  },
  apply: (state) => {
    if (state.isKeyword) {
      return {
        ok: false,
        error: {
          en: 'The "exists" modifier needs a field name.',
          fr: 'Le modificateur « exists » demande un nom de champ.',
        },
      };
    }
    return mapValues(state, (value) => {
      if (value.type === 'boolean') return [{ type: 'exists', value: value.value }];
      if (value.type === 'string' && (value.raw === 'true' || value.raw === 'false')) {
        return [{ type: 'exists', value: value.raw === 'true' }];
      }
      return notApplicable('exists', value.type);
    });
  },
};
