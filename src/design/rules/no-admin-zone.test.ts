import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { noAdminZone } from './no-admin-zone.js';

describe('no-admin-zone', () => {
  it('fires on the organisation when administrators exist but no admin zone does', () => {
    const findings = runRule(
      noAdminZone,
      `
organisation: { name: Test }
zones: [{ id: lan, kind: user }, { id: srv, kind: server }]
assets: [{ id: dc, kind: directory, zone: srv }]
data: [{ id: annuaire, needs: { integrity: 4 }, storedOn: [dc] }]
identities:
  - { id: alice, kind: person, privileged: true, rights: [{ on: dc, level: admin }] }
  - { id: bob, kind: person }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['no-admin-zone@organisation']);
    expect(findings[0]?.subjects).toEqual(['$organisation', 'alice']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('fires on a site without admin zone whose equipment is administered locally', () => {
    const findings = runRule(
      noAdminZone,
      `
organisation: { name: Test }
sites: [{ id: siege, kind: head-office }, { id: usine, kind: plant }]
zones:
  - { id: adm, kind: admin, site: siege }
  - { id: lan-usine, kind: user, site: usine }
assets:
  - { id: sw-usine, kind: switch, zone: lan-usine, adminInterfaces: [{ protocol: ssh, from: [lan-usine, adm] }] }
  - { id: fw-usine, kind: firewall, zone: lan-usine, adminInterfaces: [{ protocol: https, from: [adm] }] }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['no-admin-zone@usine']);
    expect(findings[0]?.subjects).toEqual(['usine', 'sw-usine', 'lan-usine']);
    expect(findings[0]?.detail).toBe(
      'usine has no administration zone; administered from lan-usine: sw-usine.',
    );
  });

  it('stays silent without administrators, and for sites administered from the central admin zone', () => {
    const noAdmins = runRule(
      noAdminZone,
      'organisation: { name: Test }\nzones: [{ id: lan, kind: user }]\n',
    );
    const central = runRule(
      noAdminZone,
      `
organisation: { name: Test }
sites: [{ id: siege, kind: head-office }, { id: agence, kind: branch }]
zones: [{ id: adm, kind: admin, site: siege }, { id: lan-agence, kind: user, site: agence }]
assets: [{ id: sw-agence, kind: switch, zone: lan-agence, adminInterfaces: [{ protocol: ssh, from: [adm] }] }]
identities: [{ id: alice, kind: person, privileged: true }]
`,
    );
    expect([...noAdmins, ...central]).toEqual([]);
  });

  it('finds the plant of the demo, which has no administration zone', () => {
    const findings = runRule(noAdminZone, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['no-admin-zone@site-pompey']);
    expect(findings[0]?.subjects).toEqual(expect.arrayContaining(['sw-coeur-usine', 'lan-usine']));
  });
});
