import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaRule } from '../rule/types.js';
import type { SigmaEvent } from '../types.js';
import { compileRule } from './compile-rule.js';

const DIR = join(import.meta.dirname, '../../../../test/fixtures/sigma/rules/sigmahq');

function load(name: string): SigmaRule {
  const parsed = parseSigmaFile(readFileSync(join(DIR, `${name}.yml`), 'utf8'), `${name}.yml`);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') throw new Error('expected a detection rule');
  return rule;
}

/** The regression JSON ({Event: {System, EventData}}) flattened the way Sigma field names expect. */
function eventOf(name: string): Record<string, unknown> {
  const json = JSON.parse(readFileSync(join(DIR, `${name}.event.json`), 'utf8')) as {
    Event: { System: Record<string, unknown>; EventData?: Record<string, unknown> };
  };
  const event: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json.Event.System)) {
    if (v !== null && typeof v === 'object') {
      const attrs = (v as { '#attributes'?: Record<string, unknown> })['#attributes'] ?? {};
      for (const [a, b] of Object.entries(attrs)) event[`${k}_${a}`] = b;
    } else event[k] = v;
  }
  for (const [k, v] of Object.entries(json.Event.EventData ?? {})) event[k.replace(/ /g, '')] = v;
  return event;
}

const WITH_EVENTS = [
  'proc_creation_win_exploit_cve_2025_55182_susp_nodejs_server_child_process',
  'win_security_explicit_credential_local_logon',
  'file_event_win_susp_registry_hive_file_creation',
  'proc_creation_win_certutil_certificate_installation',
] as const;

describe('real SigmaHQ rules', () => {
  it.each(WITH_EVENTS)('%s matches its regression event and not an unrelated one', (name) => {
    const { matcher, diagnostics } = compileRule(load(name));
    expect(diagnostics).toEqual([]);
    expect(matcher(eventOf(name))).toBe(true);
    expect(matcher({ EventID: 1, Image: 'C:\\Windows\\notepad.exe' })).toBe(false);
  });

  it('fieldref: the local-logon rule stops matching when the compared fields differ', () => {
    const name = 'win_security_explicit_credential_local_logon';
    const { matcher } = compileRule(load(name));
    const event = eventOf(name);
    expect(matcher(event)).toBe(true);
    const changed: SigmaEvent = {
      ...event,
      TargetServerName: 'elsewhere',
      TargetInfo: 'elsewhere',
    };
    expect(matcher(changed)).toBe(false);
  });

  it('cidr: unsigned share connections from loopback IPv4/IPv6 are filtered out', () => {
    const { matcher } = compileRule(
      load('win_smbserver_connectivity_unsigned_and_unencrypted_share_connection'),
    );
    const base = { EventID: 4000, ShareName: '\\\\*\\IPC$', SigningUsed: 'false' };
    expect(matcher({ ...base, ClientAddress: '10.1.2.3' })).toBe(true);
    expect(matcher({ ...base, ClientAddress: '127.0.0.1' })).toBe(false);
    expect(matcher({ ...base, ClientAddress: 'fe80::1%12' })).toBe(false);
    expect(matcher({ ...base, ClientAddress: '2001:db8::1' })).toBe(true);
  });

  it('keywords: wildcards inside keywords search every value of the event', () => {
    const { matcher } = compileRule(load('lnx_clamav_relevant_message'));
    expect(matcher({ message: '/tmp/x: Win.Trojan.Agent FOUND' })).toBe(true);
    expect(matcher({ message: 'scan OK' })).toBe(false);
  });

  it('base64offset: finds an encoded Add-MpPreference at each offset', () => {
    const { matcher } = compileRule(load('proc_creation_win_powershell_base64_mppreference'));
    for (const prefix of ['', 'x', 'xy']) {
      const encoded = Buffer.from(`${prefix}Add-MpPreference -ExclusionPath C:\\`).toString(
        'base64',
      );
      expect(matcher({ CommandLine: `powershell -enc ${encoded}` })).toBe(true);
    }
    expect(matcher({ CommandLine: 'powershell -enc SGVsbG8gd29ybGQ=' })).toBe(false);
  });
});
