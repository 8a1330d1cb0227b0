import {
  hasMfa,
  OFFICE_WORKSTATION_KINDS,
  OFFICE_ZONE_KINDS,
  STAFF_ZONE_KINDS,
  type Identity,
} from '../../domain/model/index.js';
import { byId } from '../../domain/compare.js';
import type { ModelGraph } from '../../model/graph.js';
import { enclosingZone, label } from '../../model/predicates.js';
import { text, type LocalizedText } from '../text.js';

export const SOURCE_KINDS = [
  'internet',
  'phishing',
  'guest-wifi',
  'third-party',
  'insider',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where an attack starts: a threat source and the foothold it gives the attacker. */
export interface ThreatSource {
  /** Stable: `internet`, `phishing:<zone>`, `guest-wifi:<zone>`, `third-party:<id>`, `insider:<id>`. */
  readonly id: string;
  readonly kind: SourceKind;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  /** The zone or identity the source stands for (none for the Internet). */
  readonly entity?: string;
  /** Zones the attacker stands in: flows and admin interfaces open from them are open to it. */
  readonly zones: readonly string[];
  /** Assets the attacker controls from the start (phishing: the zone's workstations). */
  readonly footholds: readonly string[];
  /** Identity whose access and rights the attacker holds (third party, insider). */
  readonly identity?: string;
  /** Asset a third party enters through. */
  readonly via?: string;
  /** Prior likelihood (0–1) that this source is active and gets its foothold. */
  readonly likelihood: number;
}

/** Where an identity logs in from: its own locations, else those of its groups. */
export function loginLocations(graph: ModelGraph, identity: Identity): readonly string[] {
  if (identity.loginFrom !== undefined && identity.loginFrom.length > 0) return identity.loginFrom;
  const result = new Set<string>();
  for (const group of groupsOf(graph, identity)) {
    for (const location of graph.identity(group)?.loginFrom ?? []) result.add(location);
  }
  return [...result].sort();
}

/** The groups an identity belongs to, transitively (cycles are cut). */
export function groupsOf(graph: ModelGraph, identity: Identity): readonly string[] {
  const result: string[] = [];
  const queue = [...(identity.memberOf ?? [])];
  for (let group = queue.shift(); group !== undefined; group = queue.shift()) {
    const entity = graph.identity(group);
    if (entity === undefined || group === identity.id || result.includes(group)) continue;
    result.push(group);
    queue.push(...(entity.memberOf ?? []));
  }
  return result;
}

function internetSource(graph: ModelGraph): ThreatSource | undefined {
  const zones = graph.model.zones.filter((z) => z.kind === 'internet').map((z) => z.id);
  if (zones.length === 0) return undefined;
  return {
    id: 'internet',
    kind: 'internet',
    label: text('The Internet', 'Internet'),
    description: text(
      'An attacker anywhere on the Internet, who reaches what the organisation publishes there.',
      'Un attaquant n’importe où sur Internet, qui atteint ce que l’organisation y publie.',
    ),
    zones,
    footholds: [],
    likelihood: 1,
  };
}

function phishingSources(graph: ModelGraph): ThreatSource[] {
  const byZone = new Map<string, string[]>();
  for (const asset of graph.model.assets) {
    if (!OFFICE_WORKSTATION_KINDS.includes(asset.kind)) continue;
    const zone = enclosingZone(graph, asset.id, OFFICE_ZONE_KINDS);
    if (zone === undefined) continue;
    byZone.set(zone, [...(byZone.get(zone) ?? []), asset.id]);
  }
  return [...byZone.entries()].map(([zone, footholds]) => {
    const name = label(graph, zone);
    const list = footholds.join(', ');
    return {
      id: `phishing:${zone}`,
      kind: 'phishing' as const,
      label: text(
        `Phishing-compromised workstation (${name})`,
        `Poste compromis par hameçonnage (${name})`,
      ),
      description: text(
        `A user of ${name} opens a malicious attachment or link: the attacker runs code on one of its workstations (${list}).`,
        `Un utilisateur de ${name} ouvre une pièce jointe ou un lien piégé : l’attaquant exécute du code sur l’un de ses postes (${list}).`,
      ),
      entity: zone,
      zones: [],
      footholds,
      likelihood: 0.5,
    };
  });
}

const WIFI_LIKELIHOOD: Readonly<Record<string, number>> = {
  open: 0.8,
  wep: 0.8,
  'wpa2-psk': 0.6,
  'wpa3-sae': 0.5,
  'wpa2-enterprise': 0.3,
  'wpa3-enterprise': 0.3,
};

function guestWifiSources(graph: ModelGraph): ThreatSource[] {
  return graph.model.zones
    .filter((zone) => zone.kind === 'guest-wifi')
    .map((zone) => {
      const securities = graph
        .assetsOfZone(zone.id)
        .map((id) => graph.asset(id)?.wifi?.security)
        .filter((s) => s !== undefined);
      const likelihood = Math.max(0.5, ...securities.map((s) => WIFI_LIKELIHOOD[s] ?? 0.5));
      const name = label(graph, zone.id);
      const security = securities.length > 0 ? [...new Set(securities)].join(', ') : '?';
      return {
        id: `guest-wifi:${zone.id}`,
        kind: 'guest-wifi' as const,
        label: text(`Guest Wi-Fi client (${name})`, `Client du Wi-Fi invités (${name})`),
        description: text(
          `A visitor, or anyone within radio range, joins ${name} (security: ${security}) and uses what it can reach.`,
          `Un visiteur, ou toute personne à portée radio, rejoint ${name} (sécurité : ${security}) et se sert de ce qu’il atteint.`,
        ),
        entity: zone.id,
        zones: [zone.id],
        footholds: [],
        likelihood,
      };
    });
}

/** Prior of a compromised third party: weaker authentication, permanent or shared access weigh. */
function thirdPartyLikelihood(graph: ModelGraph, identity: Identity): number {
  const method =
    identity.remoteAccess?.authentication ?? (hasMfa(graph, identity) ? 'mfa' : undefined);
  let p = 0.5;
  if (method === 'mfa') p = 0.15;
  else if (method === 'certificate' || method === 'key' || method === 'token') p = 0.3;
  else if (method === 'none') p = 0.7;
  if (identity.remoteAccess?.permanent === true) p *= 1.2;
  if (identity.shared === true) p *= 1.2;
  return Math.min(0.9, Math.round(p * 1000) / 1000);
}

/** Assets a third party reaches through a remote-support tool, by identity. */
function remoteSupported(graph: ModelGraph): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const asset of graph.model.assets) {
    for (const support of asset.remoteSupport ?? []) {
      if (support.by === undefined) continue;
      result.set(support.by, [...(result.get(support.by) ?? []), asset.id]);
    }
  }
  return result;
}

/** A vendor that only reaches assets through their remote-support tools (no remote access). */
function supportSource(
  graph: ModelGraph,
  identity: Identity,
  assets: readonly string[],
): ThreatSource {
  const name = label(graph, identity.id);
  const company = identity.company ?? name;
  const list = assets.map((a) => label(graph, a)).join(', ');
  return {
    id: `third-party:${identity.id}`,
    kind: 'third-party',
    label: text(`Compromised third party: ${name}`, `Tiers compromis : ${name}`),
    description: text(
      `An attacker who has compromised ${company} opens sessions of its remote-support tools on ${list}.`,
      `Un attaquant qui a compromis ${company} ouvre des sessions de ses outils de télémaintenance sur ${list}.`,
    ),
    entity: identity.id,
    zones: [],
    footholds: [],
    identity: identity.id,
    likelihood: thirdPartyLikelihood(graph, identity),
  };
}

function thirdPartySources(graph: ModelGraph): ThreatSource[] {
  const result: ThreatSource[] = [];
  const supported = remoteSupported(graph);
  for (const identity of graph.model.identities) {
    const via = identity.remoteAccess?.via;
    const assets = supported.get(identity.id) ?? [];
    if (identity.kind === 'third-party' && via === undefined && assets.length > 0)
      result.push(supportSource(graph, identity, assets));
    if (identity.kind !== 'third-party' || via === undefined || !graph.asset(via)) continue;
    const name = label(graph, identity.id);
    const company = identity.company ?? name;
    const access = identity.remoteAccess;
    const how = `${access?.authentication ?? '?'}${access?.permanent === true ? ', permanent' : ''}`;
    result.push({
      id: `third-party:${identity.id}`,
      kind: 'third-party',
      label: text(`Compromised third party: ${name}`, `Tiers compromis : ${name}`),
      description: text(
        `An attacker who has compromised ${company} uses its remote access through ${label(graph, via)} (${how}) and its rights.`,
        `Un attaquant qui a compromis ${company} utilise son accès distant par ${label(graph, via)} (${how}) et ses droits.`,
      ),
      entity: identity.id,
      zones: [],
      footholds: [],
      identity: identity.id,
      via,
      likelihood: thirdPartyLikelihood(graph, identity),
    });
  }
  return result;
}

function insiderSources(graph: ModelGraph): ThreatSource[] {
  const result: ThreatSource[] = [];
  for (const identity of graph.model.identities) {
    if (identity.kind !== 'person' && identity.kind !== 'group') continue;
    if ((identity.rights ?? []).length === 0) continue;
    const zones = loginLocations(graph, identity).filter(
      (location) => enclosingZone(graph, location, STAFF_ZONE_KINDS) !== undefined,
    );
    if (zones.length === 0) continue;
    const name = label(graph, identity.id);
    const rights = (identity.rights ?? []).map((r) => `${r.level} ${r.on}`).join(', ');
    result.push({
      id: `insider:${identity.id}`,
      kind: 'insider',
      label: text(`Malicious insider: ${name}`, `Initié malveillant : ${name}`),
      description: text(
        `${name} abuses their own access (${rights}) from ${zones.join(', ')}.`,
        `${name} abuse de ses propres accès (${rights.replaceAll('read', 'lecture').replaceAll('user', 'utilisateur')}) depuis ${zones.join(', ')}.`,
      ),
      entity: identity.id,
      zones: [],
      footholds: [],
      identity: identity.id,
      likelihood: 0.2,
    });
  }
  return result;
}

/**
 * The threat sources of a model, sorted by id: the Internet (when the model has an internet
 * zone), one phishing-compromised workstation per user zone with workstations or laptops, one
 * client per guest Wi-Fi zone, each third party with a remote access, and each person or group
 * with rights who logs in from a user zone (a malicious insider).
 */
export function findThreatSources(graph: ModelGraph): readonly ThreatSource[] {
  const internet = internetSource(graph);
  return [
    ...(internet === undefined ? [] : [internet]),
    ...phishingSources(graph),
    ...guestWifiSources(graph),
    ...thirdPartySources(graph),
    ...insiderSources(graph),
  ].sort(byId);
}
