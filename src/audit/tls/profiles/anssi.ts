/**
 * The ANSSI TLS recommendations ("Recommandations de sécurité relatives à TLS", ANSSI-PA-035) as a
 * profile: TLS 1.2/1.3 only with TLS 1.3 offered, ephemeral (EC)DHE key exchange, AEAD suites,
 * no obsolete cipher, DHE ≥ 2048 bits, recommended groups, RFC 5746 renegotiation, no compression,
 * certificate keys RSA ≥ 2048 / EC ≥ 256 signed with SHA-2 — each deviation named.
 */
import { text, type LocalizedText } from '../../../design/text.js';
import type { TlsObservation } from '../observation.js';
import { suiteByCode } from '../suites.js';
import { leafFacts } from './leaf.js';
import type { ProfileVerdict } from './mozilla.js';

const ANSSI_GROUPS = new Set([
  'x25519',
  'x448',
  'secp256r1',
  'secp384r1',
  'secp521r1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
  'brainpoolP256r1tls13',
  'brainpoolP384r1tls13',
  'brainpoolP512r1tls13',
  'ffdhe2048',
  'ffdhe3072',
  'ffdhe4096',
  'ffdhe6144',
  'ffdhe8192',
]);

function suiteDeviations(observation: TlsObservation): LocalizedText[] {
  const noFs = new Set<string>();
  const notAead = new Set<string>();
  for (const list of observation.ciphers)
    for (const code of list.suites) {
      const suite = suiteByCode(code);
      if (suite === undefined) continue;
      if (!suite.forwardSecrecy || suite.flags.anon) noFs.add(suite.iana);
      else if (!suite.aead) notAead.add(suite.iana);
    }
  const out: LocalizedText[] = [];
  if (noFs.size > 0) {
    const names = [...noFs].sort().join(', ');
    out.push(
      text(
        `suites without an authenticated ephemeral key exchange: ${names}`,
        `suites sans échange de clés éphémère authentifié : ${names}`,
      ),
    );
  }
  if (notAead.size > 0) {
    const names = [...notAead].sort().join(', ');
    out.push(text(`suites not in AEAD mode: ${names}`, `suites hors mode AEAD : ${names}`));
  }
  return out;
}

function protocolDeviations(observation: TlsObservation): LocalizedText[] {
  const p = observation.protocols;
  const out: LocalizedText[] = [];
  for (const [key, label] of [
    ['ssl3', 'SSLv3'],
    ['tls10', 'TLS 1.0'],
    ['tls11', 'TLS 1.1'],
  ] as const)
    if (p[key]) out.push(text(`${label} is accepted`, `${label} est accepté`));
  if (!p.tls13) out.push(text('TLS 1.3 is not offered', 'TLS 1.3 n’est pas proposé'));
  return out;
}

function certificateDeviations(observation: TlsObservation): LocalizedText[] {
  const leaf = leafFacts(observation);
  if (leaf === null) return [];
  const out: LocalizedText[] = [];
  const bits = leaf.keyBits ?? 0;
  if ((leaf.keyType.startsWith('rsa') && bits < 2048) || (leaf.keyType === 'ec' && bits < 256))
    out.push(
      text(
        `certificate key ${leaf.keyType} ${String(bits)} bits`,
        `clé du certificat ${leaf.keyType} ${String(bits)} bits`,
      ),
    );
  if (/md5|sha1/i.test(leaf.signatureAlgorithm))
    out.push(
      text(
        `certificate signed with ${leaf.signatureAlgorithm}`,
        `certificat signé avec ${leaf.signatureAlgorithm}`,
      ),
    );
  return out;
}

export function anssiVerdict(observation: TlsObservation): ProfileVerdict {
  if (!observation.reachable || observation.ciphers.length === 0)
    return {
      profile: 'anssi',
      compliant: false,
      deviations: [text('no TLS handshake could be observed', 'aucune négociation TLS observée')],
    };
  const deviations = [...protocolDeviations(observation), ...suiteDeviations(observation)];
  const groups = observation.groups.filter((g) => !ANSSI_GROUPS.has(g));
  if (groups.length > 0)
    deviations.push(
      text(
        `groups outside the recommendations: ${groups.join(', ')}`,
        `groupes hors recommandations : ${groups.join(', ')}`,
      ),
    );
  if (observation.dhBits !== null && observation.dhBits < 2048)
    deviations.push(
      text(
        `DHE prime of ${String(observation.dhBits)} bits (at least 2048)`,
        `nombre premier DHE de ${String(observation.dhBits)} bits (au moins 2048)`,
      ),
    );
  if (observation.secureRenegotiation === false)
    deviations.push(
      text('no secure renegotiation (RFC 5746)', 'pas de renégociation sécurisée (RFC 5746)'),
    );
  if (observation.compression === true)
    deviations.push(text('TLS compression is accepted', 'la compression TLS est acceptée'));
  deviations.push(...certificateDeviations(observation));
  return { profile: 'anssi', compliant: deviations.length === 0, deviations };
}
