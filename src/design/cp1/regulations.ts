import type { RegulationAssessment, RegulationInput } from './regulation-types.js';
import { assessDpia, assessGdpr } from './regulations-gdpr.js';
import { assessNis2 } from './regulations-nis2.js';
import { assessHds, assessLpm, assessPciDss } from './regulations-sector.js';

export type * from './regulation-types.js';
export { REGULATION_IDS } from './regulation-types.js';

/**
 * Decides which regulations apply (GDPR and DPIA, NIS 2, HDS, PCI DSS, LPM/OIV), each with its
 * reasons and what it implies. Declarations of the regulatory profile win; otherwise the data,
 * sector and size give a `likely` to confirm.
 */
export function assessRegulations(input: RegulationInput): readonly RegulationAssessment[] {
  const gdpr = assessGdpr(input);
  return [
    gdpr,
    assessDpia(input, gdpr.applies),
    assessNis2(input),
    assessHds(input),
    assessPciDss(input),
    assessLpm(input),
  ];
}
