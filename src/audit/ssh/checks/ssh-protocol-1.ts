import { text } from '../../../design/text.js';
import { ANSSI_OPENSSH, cwe, subjectOf, type SshCheck } from './support.js';

export const sshProtocol1: SshCheck = {
  id: 'ssh-protocol-1',
  domain: 'ssh',
  title: text('SSH protocol version 1 supported', 'Protocole SSH version 1 pris en charge'),
  description: text(
    'The banner announces SSH-1 (1.5) or both versions (1.99): the obsolete SSH-1 protocol is accepted.',
    'La bannière annonce SSH-1 (1.5) ou les deux versions (1.99) : le protocole obsolète SSH-1 est accepté.',
  ),
  rationale: text(
    'SSH-1 has design flaws (CRC-32 integrity, session-key and insertion attacks) that let an attacker in the middle read and alter sessions; high rating.',
    'SSH-1 a des défauts de conception (intégrité par CRC-32, attaques sur la clé de session et par insertion) qui permettent à un attaquant intermédiaire de lire et modifier les sessions ; note élevée.',
  ),
  remediation: text(
    'Upgrade the server or disable protocol 1 (Protocol 2 in old OpenSSH configurations).',
    'Mettre à jour le serveur ou désactiver le protocole 1 (Protocol 2 dans les anciennes configurations OpenSSH).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N',
  references: [ANSSI_OPENSSH, cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm')],
  evaluate(observation) {
    const banner = observation.banner;
    if (banner === null || !banner.protocol.startsWith('1.')) return [];
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          `The server announces protocol ${banner.protocol}.`,
          `Le serveur annonce le protocole ${banner.protocol}.`,
        ),
        evidence: banner.raw,
      },
    ];
  },
};
