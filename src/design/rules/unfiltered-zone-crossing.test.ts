import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { unfilteredZoneCrossing } from './unfiltered-zone-crossing.js';

const base = `
organisation: { name: Test }
zones:
  - { id: site, kind: other }
  - { id: lan, kind: user, parent: site }
  - { id: srv, kind: server, parent: site }
  - { id: adm, kind: admin, parent: site }
  - { id: lan2, kind: user, parent: site }
  - { id: ot, kind: ot, parent: site }
  - { id: guests, kind: guest-wifi, parent: site }
assets:
  - { id: fw, kind: firewall, zone: site }
  - { id: core, kind: switch, zone: site }
  - { id: pcs, kind: workstation, zone: lan }
  - { id: db, kind: database, zone: srv }
  - { id: app, kind: application, zone: srv }
  - { id: plc, kind: plc, zone: ot }
data: [{ id: payroll, needs: { confidentiality: 4, integrity: 4 }, storedOn: [db] }]
flows:
  - { id: filtered, from: lan, to: app, protocol: https, via: [core, fw] }
  - { id: same-kind, from: lan, to: lan2, protocol: smb }
  - { id: app-db, from: app, to: db, protocol: sql }
  - { id: to-ot, from: lan, to: plc, protocol: s7 }
  - { id: guests-app, from: guests, to: app, protocol: https }
  - { id: fw-logs, from: fw, to: app, protocol: syslog }
  - { id: to-parent, from: lan, to: site, protocol: dns }
`;

describe('unfiltered-zone-crossing', () => {
  it('fires once per entered zone, listing the flows by source zone', () => {
    const findings = runRule(
      unfilteredZoneCrossing,
      `${base}  - { id: sql, from: pcs, to: db, protocol: sql, port: 1433, via: [core] }
  - { id: web, from: lan, to: app, protocol: https, port: 443 }
  - { id: admin-rdp, from: adm, to: srv, protocol: rdp, port: 3389 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['unfiltered-zone-crossing@srv', 3, 4, 'high'],
    ]);
    expect(findings[0]?.subjects).toEqual([
      'srv',
      'adm',
      'lan',
      'admin-rdp',
      'sql',
      'web',
      'db',
      'app',
    ]);
    expect(findings[0]?.detail).toBe(
      'Zone srv is entered without filtering from adm (admin-rdp); from lan (sql, web).',
    );
  });

  it('lowers the likelihood when only the administration zone enters without filtering', () => {
    const findings = runRule(
      unfilteredZoneCrossing,
      `${base}  - { id: admin-rdp, from: adm, to: app, protocol: rdp, port: 3389 }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['unfiltered-zone-crossing@srv', 2],
    ]);
  });

  it('stays silent for filtered flows, same-kind zones, nested zones and flows left to other rules', () => {
    expect(runRule(unfilteredZoneCrossing, base)).toEqual([]);
  });

  it('finds the unfiltered server zones of the demo', () => {
    const findings = runRule(unfilteredZoneCrossing, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual([
      'unfiltered-zone-crossing@serveurs-siege',
      'unfiltered-zone-crossing@serveurs-usine',
    ]);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining(['lan-siege', 'flux-rh-db-paie', 'flux-postes-ad-ldap']),
    );
  });
});

describe('unfiltered-zone-crossing: IoT and untrusted networks', () => {
  it('leaves flows from IoT or untrusted zones inwards to untrusted-network-not-isolated', () => {
    const findings = runRule(
      unfilteredZoneCrossing,
      `
organisation: { name: Test }
zones:
  - { id: srv, kind: server }
  - { id: cams, kind: iot }
  - { id: bio, kind: biomedical }
  - { id: lab, kind: user, trust: untrusted }
  - { id: lan, kind: user }
assets:
  - { id: nvr, kind: server, zone: srv }
  - { id: camera, kind: camera, zone: cams }
  - { id: pump, kind: medical-device, zone: bio }
flows:
  - { id: cam-nvr, from: camera, to: nvr, protocol: rtsp }
  - { id: lab-nvr, from: lab, to: nvr, protocol: https }
  - { id: cam-pump, from: camera, to: pump, protocol: other }
  - { id: lan-nvr, from: lan, to: nvr, protocol: https }
`,
    );
    // device to device stays here: untrusted-network-not-isolated does not report it
    expect(findings.map((f) => [f.id, f.subjects])).toEqual([
      ['unfiltered-zone-crossing@srv', ['srv', 'lan', 'lan-nvr', 'nvr']],
      ['unfiltered-zone-crossing@bio', ['bio', 'cams', 'cam-pump', 'pump']],
    ]);
  });
});
