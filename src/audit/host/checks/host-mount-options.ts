import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

const TEMPORARY_MOUNTS = ['/tmp', '/var/tmp', '/dev/shm'];

export const hostMountOptions: Check<HostObservation> = {
  id: 'host-mount-options',
  domain: 'host',
  title: text(
    'Temporary filesystems mounted without nodev/nosuid',
    'Systèmes de fichiers temporaires montés sans nodev/nosuid',
  ),
  description: text(
    '/tmp, /var/tmp or /dev/shm are separate mounts without the nodev and nosuid options.',
    '/tmp, /var/tmp ou /dev/shm sont des montages distincts sans les options nodev et nosuid.',
  ),
  rationale: text(
    'World-writable temporary filesystems are where attackers drop tools; nosuid and nodev stop setuid binaries and device files planted there.',
    'Les systèmes de fichiers temporaires modifiables par tous sont là où l’attaquant dépose ses outils ; nosuid et nodev neutralisent les binaires setuid et fichiers de périphérique qui y seraient placés.',
  ),
  remediation: text(
    'Mount them with `nodev,nosuid` (and `noexec` where applications allow) in /etc/fstab.',
    'Les monter avec `nodev,nosuid` (et `noexec` si les applications le permettent) dans /etc/fstab.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:N',
  references: [
    ANSSI_LINUX('partitioning'),
    CIS_DEBIAN('Ensure nosuid option set on /tmp partition'),
    LYNIS('FILE-6374'),
  ],
  lynis: ['FILE-6374', 'FILE-6310'],
  evaluate(observation) {
    const wrong = observation.mounts.flatMap((mount) => {
      if (!TEMPORARY_MOUNTS.includes(mount.mountpoint)) return [];
      const missing = ['nodev', 'nosuid'].filter((option) => !mount.options.includes(option));
      return missing.length === 0
        ? []
        : [
            `${mount.mountpoint} (${mount.fstype}) ${mount.options.join(',')}: missing ${missing.join(',')}`,
          ];
    });
    if (wrong.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'mounts'),
        detail: text(`${wrong.length} mount(s) to harden.`, `${wrong.length} montage(s) à durcir.`),
        evidence: wrong.join('\n'),
      },
    ];
  },
};
