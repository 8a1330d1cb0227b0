import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { serversInUserZone } from './servers-in-user-zone.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: other-lan, kind: user }
assets:
  - { id: fw, kind: firewall }
  - { id: pcs, kind: workstation, zone: lan }
  - { id: printer, kind: printer, zone: lan }
  - { id: erp, kind: application, zone: srv }
`;

describe('servers-in-user-zone', () => {
  it('fires on a file server among the workstations, naming the unfiltered flows', () => {
    const findings = runRule(
      serversInUserZone,
      `${base}  - { id: files, kind: file-server, zone: lan }
data: [{ id: hr, needs: { confidentiality: 4 }, storedOn: [files] }]
flows:
  - { id: shares, from: lan, to: files, protocol: smb, port: 445 }
  - { id: remote-shares, from: other-lan, to: files, protocol: smb, port: 445, via: [fw] }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['servers-in-user-zone@files']);
    expect(findings[0]?.subjects).toEqual(['files', 'lan', 'shares']);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toBe(
      'files sits in user zone lan, among the workstations; reached without filtering by shares (smb/445).',
    );
  });

  it('stays silent for servers in a server zone and for workstations and printers', () => {
    expect(runRule(serversInUserZone, base)).toEqual([]);
  });

  it('finds the file and print servers of the flat head-office LAN in the demo', () => {
    const findings = runRule(serversInUserZone, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id).sort()).toEqual([
      'servers-in-user-zone@srv-fichiers',
      'servers-in-user-zone@srv-impression',
    ]);
    // each server keeps its own impact: the print server does not inherit the HR file server's
    expect(findings.map((f) => [f.id, f.impact])).toEqual([
      ['servers-in-user-zone@srv-fichiers', 4],
      ['servers-in-user-zone@srv-impression', 2],
    ]);
    const subjects = findings.flatMap((f) => f.subjects);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'lan-siege',
        'srv-fichiers',
        'srv-impression',
        'flux-postes-fichiers',
      ]),
    );
  });
});
