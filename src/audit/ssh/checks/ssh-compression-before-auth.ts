import { text } from '../../../design/text.js';
import { cwe, subjectOf, type SshCheck } from './support.js';

export const sshCompressionBeforeAuth: SshCheck = {
  id: 'ssh-compression-before-auth',
  domain: 'ssh',
  title: text('SSH compression before authentication', "Compression SSH avant l'authentification"),
  description: text(
    'The server offers "zlib" compression, which starts before authentication (unlike zlib@openssh.com, delayed until the user is authenticated).',
    "Le serveur propose la compression « zlib », active avant l'authentification (contrairement à zlib@openssh.com, différée jusqu'à l'authentification).",
  ),
  rationale: text(
    'The decompressor is exposed to unauthenticated clients, an attack surface that has had memory-corruption bugs; low rating.',
    "Le décompresseur est exposé à des clients non authentifiés, une surface d'attaque qui a connu des corruptions mémoire ; note faible.",
  ),
  remediation: text(
    'Set Compression delayed (or no); upgrade servers that only know pre-authentication compression.',
    'Fixer Compression delayed (ou no) ; mettre à jour les serveurs qui ne connaissent que la compression avant authentification.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L',
  references: [cwe(1188, 'Initialization of a Resource with an Insecure Default')],
  evaluate(observation) {
    const compression = observation.algorithms?.compression;
    if (compression === undefined) return [];
    const offered = [...new Set([...compression.c2s, ...compression.s2c])];
    if (!offered.includes('zlib')) return [];
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          'Compression "zlib" (before authentication) is offered.',
          'La compression « zlib » (avant authentification) est proposée.',
        ),
        evidence: `compression: ${offered.join(',')}`,
      },
    ];
  },
};
