import { text } from '../../../design/text.js';
import { offered } from '../verdicts.js';
import { cve, subjectOf, type SshCheck } from './support.js';

export const sshTerrapin: SshCheck = {
  id: 'ssh-terrapin',
  domain: 'ssh',
  title: text(
    'SSH prefix truncation (Terrapin, CVE-2023-48795)',
    'Troncature de préfixe SSH (Terrapin, CVE-2023-48795)',
  ),
  description: text(
    'The server offers ChaCha20-Poly1305, or a CBC cipher with an encrypt-then-MAC MAC, without the strict key exchange counter-measure (kex-strict-s-v00@openssh.com).',
    "Le serveur propose ChaCha20-Poly1305, ou un chiffrement CBC avec un MAC chiffrer-puis-MAC, sans la contre-mesure d'échange de clés strict (kex-strict-s-v00@openssh.com).",
  ),
  rationale: text(
    'An attacker in the middle can drop messages at the start of the encrypted channel (for instance the extension negotiation that enables stronger signatures); it needs a network position and only lowers security: medium (5.9, as NVD rates it).',
    "Un attaquant intermédiaire peut supprimer des messages au début du canal chiffré (par exemple la négociation d'extensions qui active des signatures plus robustes) ; il faut une position réseau et l'effet est une baisse de sécurité : moyenne (5,9, comme la NVD).",
  ),
  remediation: text(
    'Upgrade OpenSSH to 9.6 or later (or a distribution build with the strict kex backport); meanwhile remove chacha20-poly1305@openssh.com and the CBC ciphers.',
    'Mettre à jour OpenSSH en 9.6 ou plus (ou une version de distribution intégrant le kex strict) ; en attendant, retirer chacha20-poly1305@openssh.com et les chiffrements CBC.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N',
  references: [
    cve('CVE-2023-48795', 'Terrapin: SSH prefix truncation'),
    {
      source: 'other',
      id: 'terrapin-attack.com',
      title: 'Terrapin Attack',
      url: 'https://terrapin-attack.com/',
    },
  ],
  evaluate(observation) {
    const algorithms = observation.algorithms;
    if (algorithms === null || algorithms.strictKex) return [];
    const ciphers = offered(observation, 'enc');
    const macs = offered(observation, 'mac');
    const chacha = ciphers.filter((name) => name.startsWith('chacha20-poly1305'));
    const cbc = ciphers.filter((name) => name.endsWith('-cbc'));
    const etm = macs.filter((name) => name.includes('-etm@'));
    const vulnerable = [...chacha, ...(etm.length > 0 ? [...cbc, ...etm] : [])];
    if (vulnerable.length === 0) return [];
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          `Vulnerable to Terrapin with: ${vulnerable.join(', ')} (no strict key exchange).`,
          `Vulnérable à Terrapin avec : ${vulnerable.join(', ')} (pas d'échange de clés strict).`,
        ),
        evidence: `kex: ${algorithms.kex.join(',')} (no kex-strict-s-v00@openssh.com)\nciphers: ${ciphers.join(',')}\nmacs: ${macs.join(',')}`,
      },
    ];
  },
};
