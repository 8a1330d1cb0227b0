import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

const atLeast = (min: number) => (value: string) => Number(value) >= min;
const equals = (expected: string) => (value: string) => value === expected;

/** Expected values (ANSSI GNU/Linux guide, CIS): what each key must satisfy. */
const EXPECTED_SYSCTL: Readonly<Record<string, (value: string) => boolean>> = {
  'kernel.randomize_va_space': equals('2'),
  'kernel.kptr_restrict': atLeast(1),
  'kernel.dmesg_restrict': equals('1'),
  'kernel.yama.ptrace_scope': atLeast(1),
  'kernel.unprivileged_bpf_disabled': atLeast(1),
  'fs.protected_hardlinks': equals('1'),
  'fs.protected_symlinks': equals('1'),
  'fs.suid_dumpable': equals('0'),
  'net.ipv4.conf.all.accept_redirects': equals('0'),
  'net.ipv4.conf.all.send_redirects': equals('0'),
  'net.ipv4.conf.all.accept_source_route': equals('0'),
  'net.ipv4.conf.all.rp_filter': atLeast(1),
  'net.ipv4.tcp_syncookies': equals('1'),
  'net.ipv6.conf.all.accept_redirects': equals('0'),
};

export const hostSysctlHardening: Check<HostObservation> = {
  id: 'host-sysctl-hardening',
  domain: 'host',
  title: text('Kernel hardening settings missing', 'Paramètres de durcissement du noyau manquants'),
  description: text(
    'Kernel settings (sysctl) differ from the hardening values the ANSSI and CIS recommend.',
    'Des paramètres du noyau (sysctl) diffèrent des valeurs de durcissement recommandées par l’ANSSI et le CIS.',
  ),
  rationale: text(
    'Each setting closes a known class of attack: address-space randomisation, kernel pointer leaks, ICMP redirects, source routing, ptrace between processes.',
    'Chaque paramètre ferme une classe d’attaque connue : aléa de l’espace d’adressage, fuites de pointeurs noyau, redirections ICMP, routage par la source, ptrace entre processus.',
  ),
  remediation: text(
    'Set the listed values in /etc/sysctl.d/99-hardening.conf and apply them with `sysctl --system`.',
    'Positionner les valeurs listées dans /etc/sysctl.d/99-hardening.conf et les appliquer avec `sysctl --system`.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:N',
  references: [
    ANSSI_LINUX('kernel configuration'),
    CIS_DEBIAN('Ensure address space layout randomization is enabled'),
    LYNIS('KRNL-6000'),
  ],
  lynis: ['KRNL-6000', 'KRNL-5820'],
  evaluate(observation) {
    const wrong = Object.entries(EXPECTED_SYSCTL).flatMap(([key, accepts]) => {
      const value = observation.sysctl[key];
      if (value === undefined || value === null) return [];
      return accepts(value) ? [] : [`${key} = ${value}`];
    });
    if (wrong.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'sysctl'),
        detail: text(
          `${wrong.length} setting(s) to harden.`,
          `${wrong.length} paramètre(s) à durcir.`,
        ),
        evidence: wrong.join('\n'),
      },
    ];
  },
};
