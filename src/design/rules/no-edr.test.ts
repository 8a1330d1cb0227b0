import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { noEdr } from './no-edr.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }, { id: lan, kind: user }]
processes: [{ id: proc, needs: { availability: 3, integrity: 3 }, assets: [app, linux] }]
`;

describe('no-edr', () => {
  it('fires on servers and workstations with neither EDR nor antivirus, more likely on Windows', () => {
    const findings = runRule(
      noEdr,
      `${base}assets:
  - { id: app, kind: server, zone: srv, os: { name: Windows Server 2019 } }
  - { id: linux, kind: server, zone: srv, os: { name: Debian }, edr: false }
  - { id: pcs, kind: workstation, zone: lan, count: 12 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['no-edr@app', 3, 3, 'high'],
      ['no-edr@linux', 2, 3, 'medium'],
      ['no-edr@pcs', 2, 2, 'medium'],
    ]);
    expect(findings[2]?.detail).toBe('pcs (12 units) has no EDR and no antivirus.');
  });

  it('stays silent with an EDR or an antivirus, and on network devices', () => {
    const findings = runRule(
      noEdr,
      `${base}assets:
  - { id: app, kind: server, zone: srv, edr: true }
  - { id: linux, kind: server, zone: srv, antivirus: true }
  - { id: fw, kind: firewall, zone: srv }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the unprotected Windows 7 engineering workstation of the demo', () => {
    const findings = runRule(noEdr, exampleModel('forges-de-l-est'));
    expect(findings.find((f) => f.subjects[0] === 'ews-automatisme')?.severity).toBe('high');
    expect(findings.map((f) => f.subjects[0])).not.toContain('srv-tse');
  });
});
