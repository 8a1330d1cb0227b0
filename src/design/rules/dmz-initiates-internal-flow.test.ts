import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { dmzInitiatesInternalFlow } from './dmz-initiates-internal-flow.js';

const base = `
organisation: { name: Test }
zones:
  - { id: dmz, kind: dmz }
  - { id: srv, kind: server }
  - { id: lan, kind: user }
assets:
  - { id: fw, kind: firewall }
  - { id: www, kind: web-application, zone: dmz }
  - { id: rp, kind: reverse-proxy, zone: dmz }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - { id: db, kind: database, zone: srv }
  - { id: siem, kind: siem, zone: srv }
  - { id: erp, kind: application, zone: srv }
data: [{ id: customers, needs: { confidentiality: 4, integrity: 3 }, storedOn: [db] }]
flows:
  - { id: rp-www, from: rp, to: www, protocol: http }
  - { id: vpn-erp, from: vpn, to: erp, protocol: https, via: [fw] }
  - { id: erp-www, from: erp, to: www, protocol: https, via: [fw] }
`;

describe('dmz-initiates-internal-flow', () => {
  it('fires on DMZ servers opening connections inwards, lower for log flows', () => {
    const findings = runRule(
      dmzInitiatesInternalFlow,
      `${base}  - { id: www-db, from: www, to: db, protocol: mysql, port: 3306, via: [fw] }
  - { id: www-logs, from: www, to: siem, protocol: syslog, port: 514, via: [fw] }
  - { id: rp-logs, from: rp, to: siem, protocol: https, port: 8088, via: [fw] }
  - { id: rp-erp, from: rp, to: erp, protocol: https, via: [fw] }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['dmz-initiates-internal-flow@www-db', 3, 'high'],
      ['dmz-initiates-internal-flow@rp-erp', 3, 'medium'],
      // log flows, by their protocol or by the SIEM they go to
      ['dmz-initiates-internal-flow@rp-logs', 2, 'medium'],
      ['dmz-initiates-internal-flow@www-logs', 2, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['www-db', 'www', 'db', 'fw']);
    expect(findings[0]?.detail).toBe(
      'www-db (mysql/3306) lets www in the DMZ open connections to db (server zone).',
    );
  });

  it('fires on a bidirectional flow between an internal server and the DMZ', () => {
    const findings = runRule(
      dmzInitiatesInternalFlow,
      `${base}  - { id: sync, from: erp, to: www, protocol: other, port: 9000, bidirectional: true }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['dmz-initiates-internal-flow@sync']);
  });

  it('stays silent inside the DMZ, for the VPN gateway and for flows from inside to the DMZ', () => {
    expect(runRule(dmzInitiatesInternalFlow, base)).toEqual([]);
  });

  it('finds nothing in the demo, whose DMZ opens no inward flow', () => {
    expect(runRule(dmzInitiatesInternalFlow, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
