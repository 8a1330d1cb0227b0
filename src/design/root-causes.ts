/**
 * Findings grouped by root cause: one fact (a flow in clear, an identity without MFA, an asset
 * exposed to the Internet) often breaks several rules, and must read as one weakness with its
 * facets rather than as many findings. Pure, and independent of the order of its input.
 */
import { compareIds } from '../domain/compare.js';
import {
  SEVERITIES,
  compareFindings,
  severityRank,
  type Finding,
  type FindingSeverity,
  type FindingStatus,
} from './findings.js';
import type { Level } from './rule.js';

/** One weakness and the findings (facets) of every rule it breaks. */
export interface RootCause {
  /** `rc@<key>`, stable across runs: it depends only on the entity the facets share. */
  readonly id: string;
  /** The entity the facets share (a flow, an identity, an asset, a zone…). */
  readonly key: string;
  /** The lead facet's: the most severe open facet, else the most severe one. */
  readonly severity: FindingSeverity;
  readonly likelihood: Level;
  readonly impact: Level;
  /** The lead facet's title. */
  readonly title: string;
  /** Open when one facet is open; else the lead facet's status. */
  readonly status: FindingStatus;
  /** Open facets first, then most severe first: the first one is the lead. */
  readonly facets: readonly Finding[];
}

/** The id of the root cause of entity `key`. */
export const rootCauseId = (key: string): string => `rc@${key}`;

const isOpen = (finding: Finding): boolean => finding.status === 'open';

/** Open facets first, then by severity, score, id. */
function compareFacets(a: Finding, b: Finding): number {
  const open = Number(isOpen(b)) - Number(isOpen(a));
  return open !== 0 ? open : compareFindings(a, b);
}

/** Orders root causes: open first, then as their lead facets (most severe first), then by id. */
export function compareRootCauses(a: RootCause, b: RootCause): number {
  const open = Number(b.status === 'open') - Number(a.status === 'open');
  if (open !== 0) return open;
  const rank = severityRank(b.severity) - severityRank(a.severity);
  if (rank !== 0) return rank;
  const score = b.likelihood * b.impact - a.likelihood * a.impact;
  if (score !== 0) return score;
  return compareIds(a.id, b.id);
}

/**
 * Groups findings by their `rootCause`: every finding is the facet of exactly one root cause.
 * The same findings in any order give the same root causes, ids and order.
 */
export function groupRootCauses(findings: readonly Finding[]): RootCause[] {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    const facets = byKey.get(finding.rootCause);
    if (facets === undefined) byKey.set(finding.rootCause, [finding]);
    else facets.push(finding);
  }
  const causes: RootCause[] = [];
  for (const [key, facets] of byKey) {
    facets.sort(compareFacets);
    const [lead] = facets;
    if (lead === undefined) continue;
    causes.push({
      id: rootCauseId(key),
      key,
      severity: lead.severity,
      likelihood: lead.likelihood,
      impact: lead.impact,
      title: lead.title,
      status: lead.status,
      facets,
    });
  }
  return causes.sort(compareRootCauses);
}

/** Number of open root causes per severity. */
export function countRootCausesBySeverity(
  causes: readonly RootCause[],
): Record<FindingSeverity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    FindingSeverity,
    number
  >;
  for (const cause of causes) if (cause.status === 'open') counts[cause.severity] += 1;
  return counts;
}
