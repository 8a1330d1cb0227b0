import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { cleartextAdminProtocol } from './cleartext-admin-protocol.js';

const base = `
organisation: { name: Test }
zones: [{ id: adm, kind: admin }, { id: lan, kind: user }]
`;

describe('cleartext-admin-protocol', () => {
  it('fires on a Telnet interface and the Telnet flow that uses it', () => {
    const findings = runRule(
      cleartextAdminProtocol,
      `${base}assets:
  - { id: pc-admin, kind: admin-workstation, zone: adm }
  - { id: switch, kind: switch, zone: lan, adminInterfaces: [{ protocol: telnet, port: 23, from: [adm] }] }
flows:
  - { id: telnet-switch, from: pc-admin, to: switch, protocol: telnet, port: 23, encryption: none }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['cleartext-admin-protocol@switch']);
    expect(findings[0]?.subjects).toEqual(['switch', 'telnet-switch']);
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toBe(
      'switch: administered in clear with telnet (flows telnet-switch).',
    );
  });

  it('reports SNMP alone with a lower likelihood, and VNC services and unencrypted SSH flows', () => {
    const findings = runRule(
      cleartextAdminProtocol,
      `${base}assets:
  - { id: onduleur, kind: other, zone: adm, adminInterfaces: [{ protocol: snmp, port: 161 }] }
  - { id: pupitre, kind: hmi, zone: lan, services: [{ port: 5900, protocol: vnc }] }
  - { id: routeur, kind: router, zone: adm }
flows:
  - { id: ssh-clair, from: adm, to: routeur, protocol: ssh, encryption: none }
`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'cleartext-admin-protocol@pupitre',
      'cleartext-admin-protocol@routeur',
      'cleartext-admin-protocol@onduleur',
    ]);
    expect(findings[2]?.likelihood).toBe(2);
  });

  it('stays silent on encrypted administration and tunnelled cleartext protocols', () => {
    const findings = runRule(
      cleartextAdminProtocol,
      `${base}assets:
  - { id: switch, kind: switch, zone: adm, adminInterfaces: [{ protocol: ssh }, { protocol: https }] }
  - { id: pupitre, kind: hmi, zone: lan, services: [{ port: 5900, protocol: vnc, encryption: tls1.2 }] }
flows:
  - { id: ssh, from: adm, to: switch, protocol: ssh }
  - { id: vnc-ipsec, from: adm, to: pupitre, protocol: vnc, encryption: ipsec }
  - { id: web, from: lan, to: switch, protocol: http, encryption: none }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the cleartext administration of the demo', () => {
    const subjects = runRule(cleartextAdminProtocol, exampleModel('forges-de-l-est')).flatMap(
      (f) => f.subjects,
    );
    expect(subjects).toEqual(
      expect.arrayContaining([
        'sw-coeur-usine',
        'flux-telnet-switch-usine',
        'imprimantes-siege',
        'sw-ot',
      ]),
    );
  });
});
