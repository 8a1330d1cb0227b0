import { ACCESS_REQUIREMENTS } from './spec-requirements-access.js';
import { DATA_REQUIREMENTS } from './spec-requirements-data.js';
import type {
  Requirement,
  RequirementContext,
  RequirementTemplate,
} from './spec-requirement-types.js';

export type { Requirement, RequirementContext } from './spec-requirement-types.js';

/** The catalogue: each entry's fixed number keeps ids stable when others come and go. */
const CATALOGUE: readonly RequirementTemplate[] = [...ACCESS_REQUIREMENTS, ...DATA_REQUIREMENTS];

/** The requirements a spec calls for, in catalogue order, with stable ids. */
export function deriveRequirements(context: RequirementContext): readonly Requirement[] {
  return CATALOGUE.flatMap((template) => {
    const found = template.when(context);
    if (found === undefined) return [];
    return [
      {
        id: `REQ-${context.spec.id}-${String(template.number).padStart(2, '0')}`,
        text: template.text,
        rationale: template.rationale,
        references: { anssi: template.anssi, iso27002: template.iso27002 },
        trigger: found,
      },
    ];
  });
}
