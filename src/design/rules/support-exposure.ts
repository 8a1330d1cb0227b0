import {
  CLOUD_SERVICE_KINDS,
  FILTERING_KINDS,
  SPECIAL_PERSONAL_DATA,
  type AssetKind,
  type DataSet,
  type Encryption,
  type Flow,
  type ZoneKind,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { DEFAULT_IMPACT } from '../findings.js';
import type { NeedsAnalysis } from '../needs.js';
import type { Level } from '../rule.js';
import type { InternetExposure } from '../analyses/index.js';
import { isInZoneKind, isOtAsset, label, zoneOf } from './support.js';

export { isInternet } from '../analyses/internet-exposure.js';

/** An entity's label with its id, for messages: `Serveur TSE (srv-tse)`. */
export function named(graph: ModelGraph, id: string): string {
  const name = label(graph, id);
  return name === id ? id : `${name} (${id})`;
}

/** `rdp/3389`, `smb`, … */
export function protocolPort(flow: {
  protocol?: string | undefined;
  port?: number | undefined;
}): string {
  const protocol = flow.protocol ?? 'tcp';
  return flow.port === undefined ? protocol : `${protocol}/${flow.port}`;
}

export const list = (ids: Iterable<string>): string => [...ids].join(', ');

export const unique = (ids: Iterable<string>): string[] => [...new Set(ids)];

/** True when the endpoint is an asset of one of these kinds. */
export function isAssetKind(graph: ModelGraph, id: string, kinds: readonly AssetKind[]): boolean {
  const kind = graph.asset(id)?.kind;
  return kind !== undefined && kinds.includes(kind);
}

/** True for the Internet and for cloud services (SaaS, cloud zones): outside the perimeter. */
export function isOutside(graph: ModelGraph, id: string): boolean {
  return (
    isInZoneKind(graph, id, ['internet', 'cloud']) || isAssetKind(graph, id, CLOUD_SERVICE_KINDS)
  );
}

/** True for an OT endpoint: an OT asset, or an OT zone (or one inside an OT zone). */
export function isOtEndpoint(graph: ModelGraph, id: string): boolean {
  const asset = graph.asset(id);
  if (asset !== undefined) return isOtAsset(graph, asset);
  return graph.zone(id) !== undefined && isInZoneKind(graph, id, ['ot']);
}

/**
 * The kind of the zone an endpoint sits in, skipping `other` container zones up to the nearest
 * meaningful kind; `undefined` when there is none.
 */
export function effectiveZoneKind(graph: ModelGraph, id: string): ZoneKind | undefined {
  const zone = zoneOf(graph, id);
  if (zone === undefined) return undefined;
  for (const zoneId of [zone.id, ...graph.zoneAncestors(zone.id)]) {
    const kind = graph.zone(zoneId)?.kind;
    if (kind !== undefined && kind !== 'other') return kind;
  }
  return undefined;
}

/** The devices of a flow's `via` that filter traffic. */
export function filteringDevices(graph: ModelGraph, flow: Flow): string[] {
  return (flow.via ?? []).filter((id) => isAssetKind(graph, id, FILTERING_KINDS));
}

/** Assets behind an endpoint: the asset itself, or the assets of a zone (sub-zones included). */
export function assetsAt(graph: ModelGraph, id: string): readonly string[] {
  if (graph.asset(id) !== undefined) return [id];
  return graph.zone(id) === undefined ? [] : graph.assetsOfZone(id);
}

/** True when `id` is the zone `zoneId`, an asset in it, or something in one of its sub-zones. */
export function isWithinZone(graph: ModelGraph, id: string, zoneId: string): boolean {
  const zone = zoneOf(graph, id);
  if (zone === undefined) return false;
  return zone.id === zoneId || graph.zoneAncestors(zone.id).includes(zoneId);
}

const SENSITIVE_PERSONAL: readonly string[] = [
  ...SPECIAL_PERSONAL_DATA,
  'bank-details',
  'social-security-number',
  'criminal',
  'minors',
];

/**
 * The sensitive data sets a flow carries: confidentiality or integrity need ≥ 3, or personal
 * data of a sensitive category (GDPR art. 9, bank details, social security number, criminal…).
 */
export function sensitiveDataOf(graph: ModelGraph, flow: Flow): DataSet[] {
  return (flow.data ?? [])
    .map((id) => graph.data(id))
    .filter((data): data is DataSet => data !== undefined)
    .filter(
      (data) =>
        (data.needs?.confidentiality ?? 0) >= 3 ||
        (data.needs?.integrity ?? 0) >= 3 ||
        (data.personal?.categories.some((c) => SENSITIVE_PERSONAL.includes(c)) ?? false),
    );
}

/** How an exposure is reached, for messages: `flux-x (rdp/3389)` or `admin interface https/443`. */
export function describeExposure(exposure: InternetExposure, fr: boolean): string {
  const what = protocolPort(exposure);
  if (exposure.flow !== undefined) return `${exposure.flow.id} (${what})`;
  return fr ? `interface d’administration ${what}` : `administration interface ${what}`;
}

/** Groups items by a key, keeping the first-seen order of keys. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * The subject of organisation-wide findings (mail domains…): `$organisation`, which finding ids
 * write as `organisation`.
 */
export function organisationSubject(): string {
  return '$organisation';
}

/** Highest need of the assets behind endpoints on the criteria, 0 when unknown. */
export function endpointNeed(
  graph: ModelGraph,
  needs: NeedsAnalysis,
  endpoints: readonly string[],
  criteria: Parameters<NeedsAnalysis['max']>[1],
): number {
  return needs.max(
    endpoints.flatMap((id) => assetsAt(graph, id)),
    criteria,
  );
}

/** A propagated need as an impact level; the default impact when the need is unknown (0). */
export function impactLevel(need: number): Level {
  return need === 0 ? DEFAULT_IMPACT : (Math.min(4, Math.max(1, Math.round(need))) as Level);
}

const ZONE_KINDS_FR: Readonly<Record<ZoneKind, string>> = {
  internet: 'Internet',
  dmz: 'DMZ',
  user: 'utilisateurs',
  server: 'serveurs',
  admin: 'd’administration',
  ot: 'industrielle (OT)',
  partner: 'partenaire',
  'guest-wifi': 'Wi-Fi invités',
  wifi: 'Wi-Fi',
  cloud: 'nuage',
  'remote-access': 'd’accès distant',
  other: 'autre',
};

/** `user zone` / `zone utilisateurs`. */
export function zoneKindText(kind: ZoneKind, fr: boolean): string {
  return fr ? `zone ${ZONE_KINDS_FR[kind]}` : `${kind} zone`;
}

const AUTHENTICATIONS_FR: Readonly<Record<string, string>> = {
  none: 'sans authentification',
  password: 'authentification par mot de passe',
  kerberos: 'authentification Kerberos',
  ntlm: 'authentification NTLM',
  certificate: 'authentification par certificat',
  key: 'authentification par clé',
  token: 'authentification par jeton',
  mfa: 'authentification multifacteur',
};

/** `password authentication` / `authentification par mot de passe`. */
export function authenticationText(authentication: string, fr: boolean): string {
  if (!fr)
    return authentication === 'none' ? 'no authentication' : `${authentication} authentication`;
  return AUTHENTICATIONS_FR[authentication] ?? `authentification ${authentication}`;
}

/** `tls1.2`, or `no encryption` / `sans chiffrement`, or `encryption not declared`. */
export function encryptionText(encryption: Encryption | undefined, fr: boolean): string {
  if (encryption === undefined) return fr ? 'chiffrement non déclaré' : 'encryption not declared';
  if (encryption === 'none') return fr ? 'sans chiffrement' : 'no encryption';
  return encryption;
}
