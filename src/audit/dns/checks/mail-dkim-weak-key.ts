import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDkimWeakKey: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dkim-weak-key',
  domain: 'mail',
  title: text('Weak DKIM key', 'Clé DKIM faible'),
  description: text(
    'A DKIM RSA key is shorter than 2,048 bits.',
    'Une clé DKIM RSA fait moins de 2 048 bits.',
  ),
  rationale: text(
    'Keys of 1,024 bits are within reach of well-funded attackers; a factored key lets anyone sign mail as the domain.',
    'Les clés de 1 024 bits sont à la portée d’attaquants bien dotés ; une clé factorisée permet à quiconque de signer au nom du domaine.',
  ),
  remediation: text(
    'Generate a 2,048-bit RSA (or Ed25519 alongside) key under a new selector and rotate.',
    'Générer une clé RSA de 2 048 bits (ou Ed25519 en parallèle) sous un nouveau sélecteur et basculer.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [
    RFC('6376', 'DKIM Signatures'),
    RFC('8301', 'Cryptographic Algorithm and Key Usage Update to DKIM'),
  ],
  evaluate(observation) {
    return observation.dkim
      .filter((key) => key.bits !== null && key.bits < 2048)
      .map((key) => ({
        subject: `${mailSubject(observation.domain)}:dkim:${key.selector}`,
        detail: text(
          `Selector ${key.selector}: RSA ${String(key.bits)} bits.`,
          `Sélecteur ${key.selector} : RSA ${String(key.bits)} bits.`,
        ),
        evidence: `${key.selector}._domainkey.${observation.domain}: ${key.keyType ?? 'rsa'} ${String(key.bits)} bits`,
      }));
  },
};
