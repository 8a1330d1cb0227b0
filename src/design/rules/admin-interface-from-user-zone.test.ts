import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { adminInterfaceFromUserZone } from './admin-interface-from-user-zone.js';

const base = `
organisation: { name: Test }
zones:
  - { id: reseau, kind: other }
  - { id: lan, kind: user, parent: reseau }
  - { id: invites, kind: guest-wifi }
  - { id: adm, kind: admin }
  - { id: srv, kind: server }
`;

describe('admin-interface-from-user-zone', () => {
  it('fires on an admin interface open to the user LAN, with the impact of what the device supports', () => {
    const findings = runRule(
      adminInterfaceFromUserZone,
      `${base}assets:
  - { id: switch, kind: switch, zone: adm, adminInterfaces: [{ protocol: https, port: 443, from: [lan, adm] }, { protocol: ssh, from: [adm] }] }
processes: [{ id: routage, needs: { availability: 4 }, assets: [switch] }]
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['admin-interface-from-user-zone@switch']);
    expect(findings[0]?.subjects).toEqual(['switch', 'lan']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toBe('switch: administration https/443 reachable from lan (user).');
  });

  it('raises the likelihood for the guest Wi-Fi and reports admin flows from user zones', () => {
    const findings = runRule(
      adminInterfaceFromUserZone,
      `${base}assets:
  - { id: copieur, kind: printer, zone: lan, adminInterfaces: [{ protocol: http, port: 80, from: [invites] }] }
  - { id: srv-app, kind: server, zone: srv }
flows:
  - { id: rdp-bureau, from: lan, to: srv-app, protocol: rdp, port: 3389 }
`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'admin-interface-from-user-zone@copieur',
      'admin-interface-from-user-zone@srv-app',
    ]);
    expect(findings[0]?.likelihood).toBe(4);
    expect(findings[1]?.subjects).toEqual(['srv-app', 'lan', 'rdp-bureau']);
    expect(findings[1]?.likelihood).toBe(3);
  });

  it('stays silent when administration is restricted to the admin zone', () => {
    const findings = runRule(
      adminInterfaceFromUserZone,
      `${base}assets:
  - { id: switch, kind: switch, zone: adm, adminInterfaces: [{ protocol: ssh, from: [adm] }, { protocol: https }] }
  - { id: srv-app, kind: server, zone: srv }
flows:
  - { id: web, from: lan, to: srv-app, protocol: https, port: 443 }
  - { id: admin-rdp, from: adm, to: srv-app, protocol: rdp, port: 3389 }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the administration interfaces of the demo open to user zones', () => {
    const subjects = runRule(adminInterfaceFromUserZone, exampleModel('forges-de-l-est')).map(
      (f) => f.subjects[0],
    );
    expect(subjects).toEqual(
      expect.arrayContaining([
        'sw-coeur-siege',
        'sw-coeur-usine',
        'imprimantes-siege',
        'plc-presse-01',
      ]),
    );
  });
});
