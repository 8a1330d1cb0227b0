/**
 * Mozilla's server-side TLS profiles (guidelines 5.7, data/, MPL-2.0): what an observation must
 * show to meet modern, intermediate or old, and each deviation named in French and English.
 */
import { text, type LocalizedText } from '../../../design/text.js';
import guidelines from '../data/mozilla-guidelines-5.7.json' with { type: 'json' };
import type { TlsObservation, TlsProtocol } from '../observation.js';
import { suiteByCode } from '../suites.js';
import { leafFacts } from './leaf.js';

export const MOZILLA_PROFILES = ['modern', 'intermediate', 'old'] as const;
export type MozillaProfile = (typeof MOZILLA_PROFILES)[number];

export interface ProfileVerdict {
  readonly profile: string;
  readonly compliant: boolean;
  readonly deviations: readonly LocalizedText[];
}

const VERSION_KEYS: Readonly<Record<string, TlsProtocol>> = {
  SSLv3: 'ssl3',
  TLSv1: 'tls10',
  'TLSv1.1': 'tls11',
  'TLSv1.2': 'tls12',
  'TLSv1.3': 'tls13',
};
const LABEL: Readonly<Record<TlsProtocol, string>> = {
  ssl3: 'SSLv3',
  tls10: 'TLS 1.0',
  tls11: 'TLS 1.1',
  tls12: 'TLS 1.2',
  tls13: 'TLS 1.3',
};
/** IANA group names as the probe reports them, for Mozilla's OpenSSL curve names. */
const CURVE_NAMES: Readonly<Record<string, string>> = {
  X25519: 'x25519',
  prime256v1: 'secp256r1',
  secp384r1: 'secp384r1',
};

export const MOZILLA_GUIDELINES_VERSION = guidelines.version;

function protocolDeviations(
  observation: TlsObservation,
  allowed: readonly string[],
): LocalizedText[] {
  const keys = allowed.flatMap((v) => (VERSION_KEYS[v] === undefined ? [] : [VERSION_KEYS[v]]));
  const out: LocalizedText[] = [];
  for (const [key, accepted] of Object.entries(observation.protocols) as [TlsProtocol, boolean][]) {
    if (accepted && !keys.includes(key))
      out.push(text(`${LABEL[key]} is accepted`, `${LABEL[key]} est accepté`));
  }
  const newest = keys.at(-1);
  if (newest !== undefined && !observation.protocols[newest])
    out.push(text(`${LABEL[newest]} is not accepted`, `${LABEL[newest]} n’est pas accepté`));
  return out;
}

function suiteDeviations(
  observation: TlsObservation,
  allowed: ReadonlySet<string>,
): LocalizedText[] {
  const extra = new Set<string>();
  for (const list of observation.ciphers)
    for (const code of list.suites) {
      const name = suiteByCode(code)?.iana ?? `0x${code.toString(16).padStart(4, '0')}`;
      if (!allowed.has(name)) extra.add(name);
    }
  if (extra.size === 0) return [];
  const names = [...extra].sort().join(', ');
  return [text(`suites outside the profile: ${names}`, `suites hors du profil : ${names}`)];
}

/** The verdict of one Mozilla profile on an observation (protocols, suites, groups, DH size). */
export function mozillaVerdict(
  observation: TlsObservation,
  profile: MozillaProfile,
): ProfileVerdict {
  const config = guidelines.configurations[profile];
  if (!observation.reachable || observation.ciphers.length === 0)
    return {
      profile,
      compliant: false,
      deviations: [text('no TLS handshake could be observed', 'aucune négociation TLS observée')],
    };
  const allowed = new Set<string>([...config.ciphers.iana, ...config.ciphersuites]);
  const curves = new Set(config.tls_curves.map((c) => CURVE_NAMES[c] ?? c));
  const deviations = [
    ...protocolDeviations(observation, config.tls_versions),
    ...suiteDeviations(observation, allowed),
  ];
  const badGroups = observation.groups.filter((g) => !curves.has(g) && !g.startsWith('ffdhe'));
  if (badGroups.length > 0)
    deviations.push(
      text(
        `groups outside the profile: ${badGroups.join(', ')}`,
        `groupes hors du profil : ${badGroups.join(', ')}`,
      ),
    );
  const dhMin = config.dh_param_size;
  if (observation.dhBits !== null && (dhMin === null || observation.dhBits < dhMin))
    deviations.push(
      dhMin === null
        ? text('finite-field DHE is used', 'un DHE à corps fini est utilisé')
        : text(
            `DHE prime of ${String(observation.dhBits)} bits (profile: ${String(dhMin)})`,
            `nombre premier DHE de ${String(observation.dhBits)} bits (profil : ${String(dhMin)})`,
          ),
    );
  deviations.push(...certificateDeviations(observation, config));
  return { profile, compliant: deviations.length === 0, deviations };
}

type Configuration = (typeof guidelines.configurations)[MozillaProfile];

function certificateDeviations(
  observation: TlsObservation,
  config: Configuration,
): LocalizedText[] {
  const leaf = leafFacts(observation);
  if (leaf === null) return [];
  const out: LocalizedText[] = [];
  const type = leaf.keyType === 'ec' ? 'ecdsa' : leaf.keyType;
  if (!(config.certificate_types as readonly string[]).includes(type))
    out.push(
      text(
        `certificate key type ${type} outside the profile`,
        `type de clé ${type} hors du profil`,
      ),
    );
  const rsaMin = config.rsa_key_size;
  if (type === 'rsa' && rsaMin !== null && (leaf.keyBits ?? 0) < rsaMin)
    out.push(
      text(
        `RSA key of ${String(leaf.keyBits)} bits (profile: ${String(rsaMin)})`,
        `clé RSA de ${String(leaf.keyBits)} bits (profil : ${String(rsaMin)})`,
      ),
    );
  if (!(config.certificate_signatures as readonly string[]).includes(leaf.signatureAlgorithm))
    out.push(
      text(
        `certificate signature ${leaf.signatureAlgorithm} outside the profile`,
        `signature du certificat ${leaf.signatureAlgorithm} hors du profil`,
      ),
    );
  return out;
}
