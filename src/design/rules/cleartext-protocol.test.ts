import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { cleartextProtocol } from './cleartext-protocol.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: dmz, kind: dmz }
assets:
  - { id: pcs, kind: workstation, zone: lan }
  - { id: dc, kind: directory, zone: srv }
  - { id: switch, kind: switch, zone: srv }
  - { id: proxy, kind: proxy, zone: srv }
  - { id: rp, kind: reverse-proxy, zone: dmz }
  - { id: www, kind: web-application, zone: dmz }
data:
  - { id: directory, needs: { confidentiality: 3, integrity: 4 }, storedOn: [dc] }
  - { id: secrets, needs: { confidentiality: 4 } }
flows:
  - { id: ldaps, from: lan, to: dc, protocol: ldap, encryption: tls1.2 }
  - { id: ssh, from: pcs, to: switch, protocol: ssh }
  - { id: telnet, from: pcs, to: switch, protocol: telnet, port: 23 }
  - { id: browse, from: pcs, to: proxy, protocol: http, port: 3128 }
  - { id: sensitive, from: lan, to: dc, protocol: ldap, encryption: none, data: [secrets] }
`;

describe('cleartext-protocol', () => {
  it('fires on cleartext protocols, more likely when passwords travel', () => {
    const findings = runRule(
      cleartextProtocol,
      `${base}  - { id: ftp, from: pcs, to: switch, protocol: ftp, port: 21 }
  - { id: ldap, from: lan, to: dc, protocol: ldap, port: 389, encryption: none, authentication: kerberos }
  - { id: offload, from: rp, to: www, protocol: http, port: 80 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['cleartext-protocol@ldap', 2, 4, 'medium'],
      ['cleartext-protocol@ftp', 3, 2, 'medium'],
      ['cleartext-protocol@offload', 1, 2, 'low'],
    ]);
    expect(findings[1]?.subjects).toEqual(['ftp', 'pcs', 'switch']);
    expect(findings[1]?.detail).toBe(
      'ftp uses ftp/21 in clear from pcs to switch: passwords travel readable.',
    );
  });

  it('stays silent for encrypted flows, secure protocols, explicit proxies, sensitive flows and administration protocols', () => {
    expect(runRule(cleartextProtocol, base)).toEqual([]);
  });

  it('finds the cleartext LDAP flow of the demo, leaving Telnet to cleartext-admin-protocol', () => {
    const ids = runRule(cleartextProtocol, exampleModel('forges-de-l-est')).map((f) => f.id);
    expect(ids).toEqual([
      'cleartext-protocol@flux-postes-ad-ldap',
      'cleartext-protocol@flux-rp-site-web',
    ]);
  });
});

describe('cleartext-protocol: protocols without an encrypted mode in the registry', () => {
  it('reports iSCSI, RADIUS and RTSP in clear but not industrial protocols', () => {
    const findings = runRule(
      cleartextProtocol,
      `${base}  - { id: san, from: dc, to: switch, protocol: iscsi, port: 3260 }
  - { id: radius, from: switch, to: dc, protocol: radius }
  - { id: video, from: pcs, to: switch, protocol: rtsp, encryption: ipsec }
  - { id: modbus, from: pcs, to: switch, protocol: modbus }
`,
    );
    const ids = findings.map((f) => f.id);
    expect(ids).toContain('cleartext-protocol@san');
    expect(ids).toContain('cleartext-protocol@radius');
    expect(ids).not.toContain('cleartext-protocol@video');
    expect(ids).not.toContain('cleartext-protocol@modbus');
  });
});
