import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, dnsSubject, type DnsCheckContext } from './common.js';

export const dnsDnssecMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'dns-dnssec-missing',
  domain: 'dns',
  title: text('Zone not signed with DNSSEC', 'Zone non signée en DNSSEC'),
  description: text(
    'The domain publishes no DNSKEY, or its answers carry no signature.',
    'Le domaine ne publie pas de DNSKEY, ou ses réponses ne portent pas de signature.',
  ),
  rationale: text(
    'Answers about the domain (MX, SPF, addresses) can be forged by cache poisoning without resolvers noticing.',
    'Les réponses sur le domaine (MX, SPF, adresses) peuvent être falsifiées par empoisonnement de cache sans que les résolveurs s’en aperçoivent.',
  ),
  remediation: text(
    'Sign the zone (most registrars and DNS hosts do it in one step) and publish the DS record at the parent.',
    'Signer la zone (la plupart des bureaux d’enregistrement et hébergeurs DNS le font en une étape) et publier l’enregistrement DS chez le parent.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N',
  references: [
    RFC('4033', 'DNS Security Introduction and Requirements'),
    {
      source: 'anssi',
      id: 'Bonnes pratiques DNS',
      title:
        'ANSSI, guide de bonnes pratiques pour l’acquisition et l’exploitation de noms de domaine',
    },
  ],
  evaluate(observation) {
    if (!observation.resolvable || (observation.dnssec.dnskey && observation.dnssec.signed))
      return [];
    return [
      {
        subject: dnsSubject(observation.domain),
        detail: observation.dnssec.dnskey
          ? text(
              'DNSKEY published but answers are not signed.',
              'DNSKEY publiée mais réponses non signées.',
            )
          : text('No DNSKEY.', 'Aucune DNSKEY.'),
        evidence: `DNSKEY ${observation.domain}: ${observation.dnssec.dnskey ? 'present' : 'none'}, RRSIG: ${observation.dnssec.signed ? 'present' : 'none'}`,
      },
    ];
  },
};
