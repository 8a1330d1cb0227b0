import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { internetExposedAdminService } from './internet-exposed-admin-service.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: srv, kind: server }
  - { id: lan, kind: user }
  - { id: dmz, kind: dmz }
data: [{ id: erp, needs: { confidentiality: 4, integrity: 3 }, storedOn: [tse] }]
assets:
  - { id: fw, kind: firewall }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - { id: tse, kind: server, zone: srv }
  - { id: bastion, kind: server, zone: dmz }
  - { id: web, kind: web-application, zone: dmz }
  - { id: switch, kind: switch, zone: lan, adminInterfaces: [{ protocol: https, port: 443, from: [lan] }] }
`;

describe('internet-exposed-admin-service', () => {
  it('fires on RDP published from the Internet, naming the users without MFA', () => {
    const findings = runRule(
      internetExposedAdminService,
      `${base}flows:
  - { id: rdp, from: internet, to: tse, protocol: rdp, port: 3389, authentication: password, encryption: tls1.0, via: [fw] }
identities:
  - { id: sales, kind: group, loginFrom: [internet], rights: [{ on: tse, level: user }] }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-admin-service@tse']);
    expect(findings[0]?.subjects).toEqual(['tse', 'rdp', 'fw', 'sales']);
    expect(findings[0]?.likelihood).toBe(4);
    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.detail).toContain('rdp (rdp/3389) through fw');
    expect(findings[0]?.detail).toContain('used without MFA by sales');
  });

  it('lowers the likelihood for SSH with key authentication, and reports admin interfaces open to the Internet', () => {
    const findings = runRule(
      internetExposedAdminService,
      `${base}  - { id: router, kind: router, zone: lan, adminInterfaces: [{ protocol: https, port: 8443, from: [internet] }] }
flows:
  - { id: ssh, from: internet, to: bastion, protocol: ssh, port: 22, authentication: key, via: [fw] }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['internet-exposed-admin-service@router', 4, 2, 'medium'],
      ['internet-exposed-admin-service@bastion', 3, 2, 'medium'],
    ]);
  });

  it('stays silent for admin protocols inside the VPN, web publication and interfaces open to the LAN only', () => {
    const findings = runRule(
      internetExposedAdminService,
      `${base}flows:
  - { id: rdp-vpn, from: internet, to: tse, protocol: rdp, port: 3389, via: [fw, vpn] }
  - { id: www, from: internet, to: web, protocol: https, port: 443, via: [fw] }
  - { id: lan-rdp, from: lan, to: tse, protocol: rdp, port: 3389 }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the RDP server published on the Internet in the demo', () => {
    const findings = runRule(internetExposedAdminService, exampleModel('forges-de-l-est'));
    const tse = findings.find((f) => f.id === 'internet-exposed-admin-service@srv-tse');
    expect(tse?.subjects).toEqual(
      expect.arrayContaining(['srv-tse', 'flux-internet-rdp-tse', 'fw-siege', 'grp-commerciaux']),
    );
    expect(tse?.severity).toBe('critical');
  });
});

describe('internet-exposed-admin-service: allowed sources', () => {
  it('keeps reporting RDP without MFA restricted to known addresses, one step less likely', () => {
    const findings = runRule(
      internetExposedAdminService,
      `${base}flows:
  - { id: rdp, from: internet, to: tse, protocol: rdp, port: 3389, authentication: password, via: [fw], allowedSources: [198.51.100.7], nat: { type: static, external: 203.0.113.5 } }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['internet-exposed-admin-service@tse', 3, 'high'],
    ]);
    expect(findings[0]?.detail).toContain(
      'rdp published by static NAT on 203.0.113.5; rdp accepted only from 198.51.100.7',
    );
  });
});
