import { describe, expect, it } from 'vitest';
import type { EventSource } from '../types.js';
import { isKnownLogsource, logsourceApplies, type LogsourceLike } from './applies.js';
import { createRouter } from './router.js';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const win = (channel: string, eventId: number, provider?: string): EventSource =>
  provider === undefined
    ? { product: 'windows', channel, eventId }
    : { product: 'windows', channel, eventId, provider };

const table: [string, LogsourceLike, EventSource, boolean][] = [
  [
    'process_creation ← Sysmon 1',
    { product: 'windows', category: 'process_creation' },
    win(SYSMON, 1),
    true,
  ],
  [
    'process_creation ← Security 4688',
    { product: 'windows', category: 'process_creation' },
    win('Security', 4688),
    true,
  ],
  [
    'process_creation ✗ Sysmon 3',
    { product: 'windows', category: 'process_creation' },
    win(SYSMON, 3),
    false,
  ],
  [
    'network_connection ← Sysmon 3',
    { product: 'windows', category: 'network_connection' },
    win(SYSMON, 3),
    true,
  ],
  ['image_load ← 7', { product: 'windows', category: 'image_load' }, win(SYSMON, 7), true],
  ['file_event ← 11', { product: 'windows', category: 'file_event' }, win(SYSMON, 11), true],
  ['registry_set ← 13', { product: 'windows', category: 'registry_set' }, win(SYSMON, 13), true],
  ['registry_set ✗ 12', { product: 'windows', category: 'registry_set' }, win(SYSMON, 12), false],
  [
    'registry_event ← 14',
    { product: 'windows', category: 'registry_event' },
    win(SYSMON, 14),
    true,
  ],
  ['dns_query ← 22', { product: 'windows', category: 'dns_query' }, win(SYSMON, 22), true],
  ['pipe_created ← 18', { product: 'windows', category: 'pipe_created' }, win(SYSMON, 18), true],
  [
    'create_remote_thread ← 8',
    { product: 'windows', category: 'create_remote_thread' },
    win(SYSMON, 8),
    true,
  ],
  [
    'process_access ← 10',
    { product: 'windows', category: 'process_access' },
    win(SYSMON, 10),
    true,
  ],
  ['driver_load ← 6', { product: 'windows', category: 'driver_load' }, win(SYSMON, 6), true],
  [
    'driver_load ✗ 6 on Security',
    { product: 'windows', category: 'driver_load' },
    win('Security', 6),
    false,
  ],
  [
    'ps_script ← 4104',
    { product: 'windows', category: 'ps_script' },
    win('Microsoft-Windows-PowerShell/Operational', 4104),
    true,
  ],
  [
    'ps_module ← 4103',
    { product: 'windows', category: 'ps_module' },
    win('Microsoft-Windows-PowerShell/Operational', 4103),
    true,
  ],
  [
    'ps_classic_start ← 400',
    { product: 'windows', category: 'ps_classic_start' },
    win('Windows PowerShell', 400),
    true,
  ],
  [
    'service security ← Security',
    { product: 'windows', service: 'security' },
    win('Security', 4624),
    true,
  ],
  [
    'service security ← lowercase channel',
    { product: 'windows', service: 'security' },
    win('security', 4624),
    true,
  ],
  [
    'service security ✗ System',
    { product: 'windows', service: 'security' },
    win('System', 7045),
    false,
  ],
  ['service system ← System', { product: 'windows', service: 'system' }, win('System', 7045), true],
  ['service sysmon ← Sysmon', { product: 'windows', service: 'sysmon' }, win(SYSMON, 255), true],
  [
    'service powershell ← Windows PowerShell',
    { product: 'windows', service: 'powershell' },
    win('Windows PowerShell', 800),
    true,
  ],
  [
    'service windefend',
    { product: 'windows', service: 'windefend' },
    win('Microsoft-Windows-Windows Defender/Operational', 1116),
    true,
  ],
  [
    'antivirus without product ← Defender 1116',
    { category: 'antivirus' },
    win('Microsoft-Windows-Windows Defender/Operational', 1116),
    true,
  ],
  [
    'file_access by ETW provider',
    { product: 'windows', category: 'file_access' },
    win('Microsoft-Windows-Kernel-File/Analytic', 12, 'Microsoft-Windows-Kernel-File'),
    true,
  ],
  [
    'unknown service → every windows event',
    { product: 'windows', service: 'brand-new' },
    win('Security', 1),
    true,
  ],
  ['windows only → every windows event', { product: 'windows' }, win('Application', 1), true],
  ['other product ✗', { product: 'linux', service: 'auth' }, win('Security', 4624), false],
  [
    'linux auth ← sshd',
    { product: 'linux', service: 'auth' },
    { product: 'linux', service: 'sshd' },
    true,
  ],
  [
    'linux syslog ← cron',
    { product: 'linux', service: 'syslog' },
    { product: 'linux', service: 'cron' },
    true,
  ],
  [
    'linux auditd ✗ sshd',
    { product: 'linux', service: 'auditd' },
    { product: 'linux', service: 'sshd' },
    false,
  ],
  [
    'linux auditd ← auditd',
    { product: 'linux', service: 'auditd' },
    { product: 'linux', service: 'auditd' },
    true,
  ],
  [
    'linux process_creation ← Linux-Sysmon 1',
    { product: 'linux', category: 'process_creation' },
    { product: 'linux', channel: 'Linux-Sysmon/Operational', eventId: 1 },
    true,
  ],
  [
    'linux process_creation ✗ auditd',
    { product: 'linux', category: 'process_creation' },
    { product: 'linux', service: 'auditd' },
    false,
  ],
  ['webserver ← access log', { category: 'webserver' }, { category: 'webserver' }, true],
  ['webserver ✗ windows event', { category: 'webserver' }, win('Security', 4624), false],
  ['proxy ✗ access log', { category: 'proxy' }, { category: 'webserver' }, false],
  [
    'cloudtrail ← cloudtrail',
    { product: 'aws', service: 'cloudtrail' },
    { product: 'aws', service: 'cloudtrail' },
    true,
  ],
  [
    'azure signinlogs ✗ auditlogs',
    { product: 'azure', service: 'signinlogs' },
    { product: 'azure', service: 'auditlogs' },
    false,
  ],
  [
    'unknown event source → every rule',
    { product: 'windows', category: 'process_creation' },
    {},
    true,
  ],
];

describe('logsourceApplies', () => {
  it.each(table)('%s', (_, logsource, source, expected) => {
    expect(logsourceApplies(logsource, source)).toBe(expected);
  });
});

describe('createRouter', () => {
  const rules = [
    { id: 'a', logsource: { product: 'windows', category: 'process_creation' } },
    { id: 'b', logsource: { product: 'windows', service: 'security' } },
    { id: 'c', logsource: { category: 'webserver' } },
    { id: 'd', logsource: { product: 'windows', category: 'image_load' } },
    { id: 'e', logsource: { product: 'linux', service: 'sshd' } },
    { id: 'f', logsource: { product: 'windows' } },
  ];
  const route = createRouter(rules);

  it('returns the candidate rules in ascending order', () => {
    expect(route(win('Security', 4688))).toEqual([0, 1, 5]);
    expect(route(win('Security', 4624))).toEqual([1, 5]);
    expect(route(win(SYSMON, 1))).toEqual([0, 5]);
    expect(route(win(SYSMON, 7))).toEqual([3, 5]);
    expect(route({ category: 'webserver' })).toEqual([2]);
    expect(route({ product: 'linux', service: 'sshd' })).toEqual([4]);
    expect(route({})).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('answers from its cache with the same array, and tells sources apart', () => {
    const first = route(win(SYSMON, 1));
    expect(route({ ...win(SYSMON, 1) })).toBe(first);
    expect(route(win(SYSMON, 1, 'Microsoft-Windows-Sysmon'))).toEqual([0, 5]);
    expect(route({ product: 'linux', channel: SYSMON, eventId: 1 })).toEqual([]);
  });

  it('handles no rules', () => {
    expect(createRouter([])(win('Security', 1))).toEqual([]);
  });
});

describe('isKnownLogsource', () => {
  it('tells known log sources from unknown ones', () => {
    expect(isKnownLogsource({ product: 'windows', category: 'process_creation' })).toBe(true);
    expect(isKnownLogsource({ product: 'windows', service: 'security' })).toBe(true);
    expect(isKnownLogsource({ category: 'webserver' })).toBe(true);
    expect(isKnownLogsource({ product: 'windows', service: 'brand-new' })).toBe(false);
    expect(isKnownLogsource({})).toBe(false);
  });
});
