import type { AssetKind, Identity, NeedCriterion, ZoneKind } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import type { Level, RuleContext, RuleHit } from '../rule.js';
import { hasMfa, isInZoneKind, isPrivileged, zoneOf } from './support.js';

/** Zones where ordinary users (or visitors) work: privileged sessions do not belong there. */
export const USER_ZONE_KINDS: readonly ZoneKind[] = ['user', 'wifi', 'guest-wifi'];

/** Zones outside the organisation's own network. */
export const EXTERNAL_ZONE_KINDS: readonly ZoneKind[] = [
  'internet',
  'cloud',
  'dmz',
  'partner',
  'guest-wifi',
];

/** Everyday end-user devices (not dedicated administration workstations). */
export const USER_DEVICE_KINDS: readonly AssetKind[] = ['workstation', 'laptop', 'mobile'];

/** Devices that filter or terminate traffic at a trust boundary. */
export const PERIMETER_KINDS: readonly AssetKind[] = ['firewall', 'vpn-gateway'];

/** An identity that has not left (a `left` date before today means gone). */
export function isActive(identity: Identity, today: string): boolean {
  return identity.left === undefined || identity.left >= today;
}

/** Display name of an identity, else its id. */
export const nameOf = (identity: Identity): string => identity.name ?? identity.id;

/** Ids of what an identity administers through its own rights (not its groups'). */
export function adminTargets(identity: Identity): string[] {
  return (identity.rights ?? []).filter((r) => r.level === 'admin').map((r) => r.on);
}

/** What an identity administers through its own rights and those of the groups it is in. */
export function effectiveAdminTargets(graph: ModelGraph, identity: Identity): string[] {
  const groups = (identity.memberOf ?? []).flatMap((id) => {
    const group = graph.identity(id);
    return group === undefined ? [] : adminTargets(group);
  });
  return [...new Set([...adminTargets(identity), ...groups])];
}

/** Privileged groups the identity is a direct member of. */
export function privilegedGroups(graph: ModelGraph, identity: Identity): string[] {
  return (identity.memberOf ?? []).filter((group) => graph.identity(group)?.privileged === true);
}

/** True for a privileged identity, a member of a privileged group or a holder of admin rights. */
export function hasPrivileges(graph: ModelGraph, identity: Identity): boolean {
  return isPrivileged(graph, identity) || adminTargets(identity).length > 0;
}

/** True when the endpoint (asset or zone) sits in a user, Wi-Fi or guest zone. */
export function isUserSide(graph: ModelGraph, id: string): boolean {
  return isInZoneKind(graph, id, USER_ZONE_KINDS);
}

/** True when the endpoint is, or sits in, a zone outside the organisation's network. */
export function isExternal(graph: ModelGraph, id: string): boolean {
  return isInZoneKind(graph, id, EXTERNAL_ZONE_KINDS);
}

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

/** MFA of an identity: its own explicit setting wins over its groups'. */
export function mfaOf(graph: ModelGraph, identity: Identity): boolean {
  return identity.mfa ?? hasMfa(graph, identity);
}

const STATUS_FR: Readonly<Record<string, string>> = {
  accepted: 'acceptée',
  mitigated: 'traitée',
  'false-positive': 'faux positif',
};

/** A decision status in French, for messages. */
export const statusFr = (status: string): string => STATUS_FR[status] ?? status;
