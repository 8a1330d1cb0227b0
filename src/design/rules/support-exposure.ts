import {
  SPECIAL_PERSONAL_DATA,
  type DataSet,
  type Encryption,
  type Flow,
  type ZoneKind,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { assetsAt, label } from '../../model/predicates.js';
import { DEFAULT_IMPACT } from '../findings.js';
import type { NeedsAnalysis } from '../needs.js';
import type { Level } from '../rule.js';
import type { InternetExposure } from '../analyses/index.js';

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
  biomedical: 'biomédicale',
  iot: 'des objets connectés',
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
