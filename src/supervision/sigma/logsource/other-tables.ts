/**
 * Linux and product-less log sources: which event sources each Sigma service or category
 * covers. Pure data.
 */
import type { WindowsOrigin } from './windows-tables.js';

const LINUX_SYSMON = ['Linux-Sysmon/Operational'];

/** `product: linux` categories, produced by Sysmon for Linux. */
export const LINUX_CATEGORIES: Readonly<Record<string, readonly WindowsOrigin[]>> = {
  process_creation: [{ channels: LINUX_SYSMON, eventIds: [1] }],
  network_connection: [{ channels: LINUX_SYSMON, eventIds: [3] }],
  file_event: [{ channels: LINUX_SYSMON, eventIds: [11] }],
};

/** Text-log services (syslog readers) that count as each Sigma `product: linux` service. */
const SYSLOG_SERVICES = ['syslog', 'auth', 'sshd', 'sudo', 'cron', 'clamav', 'vsftpd', 'guacamole'];

/** Rule service → event services it covers. */
export const LINUX_SERVICES: Readonly<Record<string, readonly string[]>> = {
  auditd: ['auditd'],
  syslog: SYSLOG_SERVICES,
  auth: ['auth', 'sshd', 'sudo'],
  sshd: ['sshd'],
  sudo: ['sudo'],
  cron: ['cron'],
  clamav: ['clamav'],
  vsftpd: ['vsftpd'],
  guacamole: ['guacamole'],
};

/** Categories used without a product, matched against the event's own category. */
export const GENERIC_CATEGORIES: ReadonlySet<string> = new Set([
  'webserver',
  'proxy',
  'dns',
  'firewall',
  'database',
]);
