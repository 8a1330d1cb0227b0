import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, LYNIS, subjectOf } from './common.js';

export const hostPasswordHashing: Check<HostObservation> = {
  id: 'host-password-hashing',
  domain: 'host',
  title: text('Weak password hashing method', 'Méthode de hachage des mots de passe faible'),
  description: text(
    'login.defs sets ENCRYPT_METHOD to something weaker than SHA-512 or yescrypt.',
    'login.defs fixe ENCRYPT_METHOD à une méthode plus faible que SHA-512 ou yescrypt.',
  ),
  rationale: text(
    'A stolen shadow file hashed with MD5 or DES is cracked in hours; SHA-512 crypt and yescrypt are slow by design.',
    'Un fichier shadow volé haché en MD5 ou DES se casse en quelques heures ; SHA-512 crypt et yescrypt sont lents par conception.',
  ),
  remediation: text(
    'Set `ENCRYPT_METHOD YESCRYPT` (or SHA512) in /etc/login.defs and in the pam_unix line, then have users change their passwords.',
    'Positionner `ENCRYPT_METHOD YESCRYPT` (ou SHA512) dans /etc/login.defs et sur la ligne pam_unix, puis faire changer les mots de passe.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:U/C:H/I:N/A:N',
  references: [ANSSI_LINUX('authentication'), LYNIS('AUTH-9229')],
  lynis: ['AUTH-9229', 'AUTH-9230'],
  evaluate(observation) {
    const method = observation.loginDefs?.encrypt_method;
    if (
      method === undefined ||
      ['SHA512', 'YESCRYPT', 'GOST_YESCRYPT'].includes(method.toUpperCase())
    )
      return [];
    return [
      {
        subject: subjectOf(observation, 'login.defs'),
        detail: text(`ENCRYPT_METHOD is ${method}.`, `ENCRYPT_METHOD vaut ${method}.`),
        evidence: `/etc/login.defs: ENCRYPT_METHOD ${method}`,
      },
    ];
  },
};
