import { text } from '../../../design/text.js';
import { sshVerdicts } from '../verdicts.js';
import { SSH_AUDIT_REF, subjectOf, type SshCheck } from './support.js';

export const sshKexNotPostQuantum: SshCheck = {
  id: 'ssh-kex-not-post-quantum',
  domain: 'ssh',
  title: text('No post-quantum SSH key exchange', "Pas d'échange de clés SSH post-quantique"),
  description: text(
    'Every key exchange the server offers is one ssh-audit marks as not protecting against post-quantum attacks: no hybrid such as sntrup761x25519-sha512 or mlkem768x25519-sha256.',
    'Tous les échanges de clés proposés sont marqués par ssh-audit comme sans protection contre les attaques post-quantiques : aucun hybride comme sntrup761x25519-sha512 ou mlkem768x25519-sha256.',
  ),
  rationale: text(
    'Traffic recorded today could be decrypted once a large quantum computer exists ("harvest now, decrypt later"); distant and costly, low rating.',
    "Un trafic enregistré aujourd'hui pourrait être déchiffré quand un grand ordinateur quantique existera (« collecter maintenant, déchiffrer plus tard ») ; lointain et coûteux, note faible.",
  ),
  remediation: text(
    'Put sntrup761x25519-sha512@openssh.com (OpenSSH 8.5+) or mlkem768x25519-sha256 (OpenSSH 9.9+) first in KexAlgorithms.',
    'Placer sntrup761x25519-sha512@openssh.com (OpenSSH 8.5+) ou mlkem768x25519-sha256 (OpenSSH 9.9+) en tête de KexAlgorithms.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    SSH_AUDIT_REF,
    {
      source: 'other',
      id: 'OpenSSH PQ',
      title: 'OpenSSH: post-quantum cryptography',
      url: 'https://www.openssh.com/pq.html',
    },
  ],
  evaluate(observation) {
    const kex = sshVerdicts(observation).filter((v) => v.category === 'kex');
    if (kex.length === 0) return [];
    const safe = kex.some((v) => v.verdict !== 'unknown' && !v.warn.includes('WARN_NOT_PQ_SAFE'));
    if (safe) return [];
    const names = kex.map((v) => v.name).join(', ');
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          `None of the offered key exchanges resists a quantum adversary: ${names}.`,
          `Aucun des échanges de clés proposés ne résiste à un adversaire quantique : ${names}.`,
        ),
        evidence: `kex: ${names}`,
      },
    ];
  },
};
