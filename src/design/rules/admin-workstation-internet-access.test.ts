import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { adminWorkstationInternetAccess } from './admin-workstation-internet-access.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: adm, kind: admin }
  - { id: srv, kind: server }
assets:
  - { id: pc-admin, kind: admin-workstation, zone: adm }
  - { id: portable-admin, kind: laptop, zone: adm }
  - { id: proxy, kind: proxy, zone: srv }
  - { id: dc, kind: directory, zone: srv }
data: [{ id: annuaire, needs: { integrity: 4 }, storedOn: [dc] }]
`;

describe('admin-workstation-internet-access', () => {
  it('fires on an admin workstation browsing through the proxy, with the impact of what it administers', () => {
    const findings = runRule(
      adminWorkstationInternetAccess,
      `${base}flows:
  - { id: navigation, from: pc-admin, to: proxy, protocol: http, port: 3128 }
  - { id: admin-dc, from: pc-admin, to: dc, protocol: rdp }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['admin-workstation-internet-access@pc-admin']);
    expect(findings[0]?.subjects).toEqual(['pc-admin', 'navigation']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
  });

  it('fires on every workstation of an admin zone that reaches the Internet', () => {
    const findings = runRule(
      adminWorkstationInternetAccess,
      `${base}flows:\n  - { id: sortie-adm, from: adm, to: internet, protocol: https }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'admin-workstation-internet-access@pc-admin',
      'admin-workstation-internet-access@portable-admin',
    ]);
    expect(findings[1]?.detail).toBe('portable-admin reaches the Internet: sortie-adm.');
  });

  it('stays silent when admin workstations only reach internal systems', () => {
    const findings = runRule(
      adminWorkstationInternetAccess,
      `${base}flows:
  - { id: admin-dc, from: pc-admin, to: dc, protocol: rdp }
  - { id: proxy-sortie, from: proxy, to: internet, protocol: https }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds nothing on the demo, whose admin workstations have no declared Internet flow', () => {
    expect(runRule(adminWorkstationInternetAccess, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
