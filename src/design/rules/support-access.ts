import type { Identity, NeedCriterion } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { zoneOf } from '../../model/predicates.js';
import type { Level, RuleContext, RuleHit } from '../rule.js';

/** The kind of an endpoint's zone, for messages (`?` when unknown). */
export function zoneKindLabel(graph: ModelGraph, id: string): string {
  return zoneOf(graph, id)?.kind ?? '?';
}

/** Zones are expanded to their assets so that their needs count. */
function expand(graph: ModelGraph, ids: readonly string[]): string[] {
  return ids.flatMap((id) =>
    graph.zone(id) === undefined ? [id] : [id, ...graph.assetsOfZone(id)],
  );
}

/**
 * Impact from the highest need of the entities given, zones counting through their assets;
 * `undefined` when none is known (the finding then falls back to the default impact).
 */
export function impactOver(
  context: RuleContext,
  ids: readonly string[],
  criteria: readonly NeedCriterion[],
): Level | undefined {
  const level = context.needs.max(expand(context.graph, ids), criteria);
  return level === 0 ? undefined : (Math.min(4, Math.max(1, level)) as Level);
}

/** Hit options that set the impact only when one is known. */
export function withImpact(
  impact: Level | undefined,
  options: Omit<RuleHit, 'subject' | 'detail' | 'impact'> = {},
): Omit<RuleHit, 'subject' | 'detail'> {
  return impact === undefined ? options : { ...options, impact };
}

/** Ids that exist in the model, without duplicates, in first-seen order. */
export function existing(graph: ModelGraph, ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => graph.has(id));
}

/** `a, b, c`, for messages. */
export const list = (values: readonly string[]): string => values.join(', ');

const DAY = 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/** A third party: declared as such, or an identity employed by another company. */
export function isThirdParty(identity: Identity): boolean {
  return identity.kind === 'third-party' || identity.company !== undefined;
}

/** The subject entity a decision's finding id (`ruleId@subject`) refers to. */
export function findingSubject(finding: string): string {
  return finding.slice(finding.indexOf('@') + 1);
}

const STATUS_FR: Readonly<Record<string, string>> = {
  accepted: 'acceptée',
  mitigated: 'traitée',
  'false-positive': 'faux positif',
};

/** A decision status in French, for messages. */
export const statusFr = (status: string): string => STATUS_FR[status] ?? status;
