/** What the host checks share: the subject naming and the CIS/ANSSI references they cite. */
import type { AuditReference } from '../../types.js';
import type { HostObservation } from '../observation.js';

/** `host:<hostname>:<item>`: one finding per host and item. */
export const subjectOf = (observation: HostObservation, item: string): string =>
  `host:${observation.hostname}:${item}`;

/** The ANSSI GNU/Linux guide, by topic (its recommendation numbers vary between editions). */
export const ANSSI_LINUX = (topic: string): AuditReference => ({
  source: 'anssi',
  id: `GNU/Linux — ${topic}`,
  title: 'Recommandations de configuration d’un système GNU/Linux (v2.0)',
  url: 'https://cyber.gouv.fr/publications/recommandations-de-securite-relatives-un-systeme-gnulinux',
});

/** A CIS Debian benchmark control, by its title (numbers move between benchmark versions). */
export const CIS_DEBIAN = (control: string): AuditReference => ({
  source: 'cis',
  id: control,
  title: 'CIS Debian Linux 12 Benchmark',
});

export const LYNIS = (id: string): AuditReference => ({
  source: 'lynis',
  id,
  url: `https://cisofy.com/lynis/controls/${id}/`,
});

/** An sshd option's effective value (the OpenSSH default when not set). */
export function sshdOption(observation: HostObservation, key: string, fallback: string): string {
  return (observation.sshd.options[key] ?? fallback).toLowerCase();
}

export const octal = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
