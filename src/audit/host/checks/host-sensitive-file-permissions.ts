import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, octal, subjectOf } from './common.js';

/** The widest mode each sensitive file may have (owner root). */
function maxModeOf(path: string): number | undefined {
  if (path === '/etc/passwd' || path === '/etc/group') return 0o644;
  if (path === '/etc/shadow' || path === '/etc/gshadow') return 0o640;
  if (path === '/etc/sudoers') return 0o440;
  if (path === '/etc/ssh/sshd_config') return 0o644;
  if (path === '/etc/crontab') return 0o644;
  if (path === '/root') return 0o750;
  if (path === '/boot/grub/grub.cfg') return 0o600;
  if (/^\/etc\/ssh\/ssh_host_.*_key$/.test(path)) return 0o600;
  return undefined;
}

export const hostSensitiveFilePermissions: Check<HostObservation> = {
  id: 'host-sensitive-file-permissions',
  domain: 'host',
  title: text('Sensitive files too open', 'Fichiers sensibles trop ouverts'),
  description: text(
    'Account, sudo, SSH or boot files are readable or writable beyond what they need.',
    'Des fichiers de comptes, de sudo, de SSH ou d’amorçage sont lisibles ou modifiables au-delà du nécessaire.',
  ),
  rationale: text(
    'A readable shadow file or SSH host key leaks secrets; a writable passwd or sudoers file is a direct path to root.',
    'Un fichier shadow ou une clé d’hôte SSH lisible divulgue des secrets ; un passwd ou un sudoers modifiable est un chemin direct vers root.',
  ),
  remediation: text(
    'Restore the expected owner and mode (e.g. `chmod 640 /etc/shadow`, `chmod 600 /etc/ssh/ssh_host_*_key`, `chmod 440 /etc/sudoers`).',
    'Rétablir le propriétaire et le mode attendus (p. ex. `chmod 640 /etc/shadow`, `chmod 600 /etc/ssh/ssh_host_*_key`, `chmod 440 /etc/sudoers`).',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N',
  references: [
    ANSSI_LINUX('file permissions'),
    CIS_DEBIAN('Ensure permissions on /etc/shadow are configured'),
    LYNIS('FILE-7524'),
  ],
  lynis: ['FILE-7524'],
  evaluate(observation) {
    const wrong = observation.files.flatMap((file) => {
      if (!file.exists || file.mode === null) return [];
      const max = maxModeOf(file.path);
      if (max === undefined) return [];
      const extra = file.mode & 0o777 & ~max;
      return extra === 0 && file.uid === 0
        ? []
        : [`${file.path} ${octal(file.mode)} uid=${String(file.uid)} (max ${octal(max)}, root)`];
    });
    if (wrong.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'files'),
        detail: text(
          `${wrong.length} file(s) too open.`,
          `${wrong.length} fichier(s) trop ouvert(s).`,
        ),
        evidence: wrong.join('\n'),
      },
    ];
  },
};
