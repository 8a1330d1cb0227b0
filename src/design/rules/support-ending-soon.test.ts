import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { supportEndingSoon } from './support-ending-soon.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
`;

describe('support-ending-soon', () => {
  it('fires when the OS or a software reaches its end of support within six months', () => {
    const findings = runRule(
      supportEndingSoon,
      `${base}assets:
  - id: app
    kind: server
    zone: srv
    os: { name: Windows Server, version: '2016', supportEnd: 2027-01-12 }
    software: [{ name: Tool, version: '3', supportEnd: 2027-05-27 }]
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['support-ending-soon@app']);
    expect(findings[0]?.detail).toBe(
      'app: end of support before 2027-05-28 for Windows Server 2016 (2027-01-12), Tool 3 (2027-05-27).',
    );
    expect(findings[0]?.likelihood).toBe(1);
    expect(findings[0]?.severity).toBe('low');
  });

  it('stays silent beyond six months and once support has already ended', () => {
    const findings = runRule(
      supportEndingSoon,
      `${base}assets:
  - { id: later, kind: server, zone: srv, os: { name: A, supportEnd: 2027-05-28 } }
  - { id: past, kind: server, zone: srv, os: { name: B, supportEnd: 2026-11-27 } }
`,
    );
    expect(findings).toEqual([]);
  });

  it('takes the end of life from the lifecycle table when the model declares none', () => {
    const findings = runRule(
      supportEndingSoon,
      `${base}assets:
  - id: app
    kind: server
    zone: srv
    os: { name: Windows Server 2016 Datacenter }
    software: [{ name: PHP, version: 8.2.26 }, { name: Tomcat, version: '9.0', supportEnd: 2030-01-01 }]
  - { id: later, kind: server, zone: srv, os: { name: RHEL, version: '9.4' } }
  - { id: declared, kind: server, zone: srv, os: { name: Windows Server, version: '2016', supportEnd: 2030-01-01 } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['support-ending-soon@app']);
    expect(findings[0]?.detail).toBe(
      'app: end of support before 2027-05-28 for Windows Server 2016 Datacenter (2027-01-12, lifecycle table: Microsoft Windows Server 2016, endoflife.date), ' +
        'PHP 8.2.26 (2026-12-31, lifecycle table: PHP 8.2, endoflife.date).',
    );
  });

  it('finds the Windows Server 2016 systems of the demo, and its software ending soon', () => {
    const findings = runRule(supportEndingSoon, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.subjects[0]).sort()).toEqual([
      'db-paie',
      'scada-usine',
      'srv-fichiers',
      'srv-impression',
      'srv-mes',
      'srv-sauvegarde',
      'web-vitrine',
    ]);
    expect(findings.every((f) => f.severity === 'low' || f.severity === 'medium')).toBe(true);
  });
});
