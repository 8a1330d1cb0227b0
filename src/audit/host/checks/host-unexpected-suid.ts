import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, LYNIS, subjectOf } from './common.js';

/** setuid/setgid programs a Debian or Red Hat system ships (by file name). */
const USUAL_SUID = new Set([
  'su',
  'sudo',
  'passwd',
  'chsh',
  'chfn',
  'gpasswd',
  'newgrp',
  'mount',
  'umount',
  'fusermount',
  'fusermount3',
  'pkexec',
  'crontab',
  'ssh-agent',
  'ssh-keysign',
  'unix_chkpwd',
  'expiry',
  'chage',
  'wall',
  'write',
  'bsd-write',
  'dotlockfile',
  'ping',
  'ping6',
  'traceroute6.iputils',
  'at',
  'polkit-agent-helper-1',
  'dbus-daemon-launch-helper',
  'Xorg.wrap',
  'ntfs-3g',
  'pppd',
  'chrome-sandbox',
  'snap-confine',
  'mount.nfs',
  'mount.cifs',
  'staprun',
  'utempter',
  'utmp_update',
  'sg',
  'pam_timestamp_check',
  'userhelper',
  'usernetctl',
  'plocate',
  'mlocate',
  'locate',
  'ssh-keysign',
  'exim4',
  'procmail',
  'lockfile',
  'mail-lock',
  'mail-unlock',
  'mail-touchlock',
  'screen',
  'dmcrypt-get-device',
]);

export const hostUnexpectedSuid: Check<HostObservation> = {
  id: 'host-unexpected-suid',
  domain: 'host',
  title: text('Unexpected setuid or setgid programs', 'Programmes setuid ou setgid inattendus'),
  description: text(
    'Programs with the setuid/setgid bit that are not among the usual system ones.',
    'Des programmes portant le bit setuid/setgid ne figurent pas parmi ceux habituels du système.',
  ),
  rationale: text(
    'A setuid program runs with its owner’s rights: one flaw in an unusual one is a local path to root, and an added one may be a backdoor.',
    'Un programme setuid s’exécute avec les droits de son propriétaire : une faille dans un programme inhabituel est un chemin local vers root, et un ajout peut être une porte dérobée.',
  ),
  remediation: text(
    'Check why each program is setuid; remove the bit (`chmod u-s,g-s`) where it is not needed.',
    'Vérifier pourquoi chaque programme est setuid ; retirer le bit (`chmod u-s,g-s`) là où il n’est pas nécessaire.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H',
  references: [ANSSI_LINUX('setuid executables'), LYNIS('FILE-7524')],
  lynis: ['FILE-7524'],
  evaluate(observation) {
    const unexpected = observation.walk.suid.filter(
      (path) => !USUAL_SUID.has(path.slice(path.lastIndexOf('/') + 1)),
    );
    if (unexpected.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'suid'),
        detail: text(
          `${unexpected.length} unusual setuid/setgid program(s).`,
          `${unexpected.length} programme(s) setuid/setgid inhabituel(s).`,
        ),
        evidence: unexpected.slice(0, 50).join('\n'),
      },
    ];
  },
};
