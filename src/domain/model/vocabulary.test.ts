import { describe, expect, it } from 'vitest';
import { ADMIN_INTERFACE_PROTOCOLS, ASSET_KINDS } from './asset.js';
import { PROTOCOLS } from './protocol.js';
import * as vocabulary from './vocabulary.js';
import { ZONE_KINDS } from './zone.js';

const {
  AGENT_HOST_KINDS,
  CLEARTEXT_ADMIN_PROTOCOLS,
  LOGGING_EXPECTED_KINDS,
  REMOTE_ADMIN_PROTOCOLS,
  SERVER_KINDS,
  STATEFUL_KINDS,
  USER_ZONE_KINDS,
  WORKSTATION_KINDS,
} = vocabulary;

const lists = Object.entries(vocabulary) as [string, readonly string[]][];
const KNOWN: readonly string[] = [...ASSET_KINDS, ...ZONE_KINDS, ...PROTOCOLS];

describe('the model vocabulary', () => {
  it.each(lists)('%s names known kinds, each once', (_, list) => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list).size).toBe(list.length);
    expect(list.filter((kind) => !KNOWN.includes(kind))).toEqual([]);
  });

  it('keeps each list within its own kind of thing', () => {
    const assets: readonly string[] = ASSET_KINDS;
    const zones: readonly string[] = ZONE_KINDS;
    for (const [name, list] of lists) {
      const domain = name.endsWith('_ZONE_KINDS')
        ? zones
        : name.endsWith('_PROTOCOLS')
          ? PROTOCOLS
          : assets;
      expect([name, list.filter((kind) => !domain.includes(kind))]).toEqual([name, []]);
    }
  });

  it('composes the derived lists from their bases', () => {
    expect(SERVER_KINDS.every((kind) => LOGGING_EXPECTED_KINDS.includes(kind))).toBe(true);
    expect(WORKSTATION_KINDS.every((kind) => AGENT_HOST_KINDS.includes(kind))).toBe(true);
    expect(AGENT_HOST_KINDS).not.toContain('hypervisor');
    expect(AGENT_HOST_KINDS).not.toContain('storage');
    expect(STATEFUL_KINDS).not.toContain('hypervisor');
    expect(STATEFUL_KINDS).toContain('storage');
    expect(vocabulary.USER_OR_INTERNET_ZONE_KINDS).toEqual([...USER_ZONE_KINDS, 'internet']);
    expect(vocabulary.FILTERING_KINDS.every((k) => vocabulary.FLOW_RELAY_KINDS.includes(k))).toBe(
      true,
    );
  });

  it('expects logs from servers, security and network devices, admin workstations, supervision', () => {
    for (const kind of ['siem', 'firewall', 'router', 'ids', 'admin-workstation', 'historian'])
      expect(LOGGING_EXPECTED_KINDS).toContain(kind);
    for (const kind of ['switch', 'workstation', 'mobile', 'printer', 'plc', 'saas'])
      expect(LOGGING_EXPECTED_KINDS).not.toContain(kind);
  });

  it('lists cleartext administration protocols that flows and admin interfaces both speak', () => {
    const admin: readonly string[] = ADMIN_INTERFACE_PROTOCOLS;
    const flows: readonly string[] = PROTOCOLS;
    expect(CLEARTEXT_ADMIN_PROTOCOLS.filter((p) => !admin.includes(p))).toEqual([]);
    expect(CLEARTEXT_ADMIN_PROTOCOLS.filter((p) => !flows.includes(p))).toEqual([]);
    expect(REMOTE_ADMIN_PROTOCOLS).not.toContain('http');
  });
});
