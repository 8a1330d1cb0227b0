/** Orders and labels shared by the findings pages. */
import type { FindingStatus, Lang, Severity } from '../../../../src/platform/api/types';
import { lookup } from '../../i18n';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const STATUS_ORDER: readonly FindingStatus[] = [
  'open',
  'accepted',
  'mitigated',
  'false-positive',
];

/** Rank for sorting: the most severe first. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

export function statusRank(status: FindingStatus): number {
  return STATUS_ORDER.indexOf(status);
}

/** A rule family's label (`findings.family.<id>`), the id itself when unknown. */
export function familyLabel(lang: Lang, family: string): string {
  return lookup(lang, `findings.family.${family}`, family);
}
