import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom, runRule } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { unsupportedOs } from './unsupported-os.js';

const base = `
organisation: { name: Test }
zones: [{ id: internet, kind: internet }, { id: srv, kind: server }]
processes: [{ id: proc, needs: { availability: 3, integrity: 3, confidentiality: 2 }, assets: [app] }]
`;

describe('unsupported-os', () => {
  it('fires on an OS past its end of support, with impact from the process it supports', () => {
    const findings = runRule(
      unsupportedOs,
      `${base}assets: [{ id: app, kind: server, zone: srv, os: { name: Windows Server, version: 2012 R2, supportEnd: 2023-10-10 } }]\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['unsupported-os@app']);
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.impact).toBe(3);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toContain('Windows Server 2012 R2');
    expect(findings[0]?.detail).toContain('2023-10-10');
  });

  it('is more likely when the asset is reachable from the Internet or has vulnerable services', () => {
    const exposed = runRule(
      unsupportedOs,
      `${base}assets: [{ id: app, kind: server, zone: srv, os: { name: Windows, supportEnd: 2020-01-14 } }]
flows: [{ id: f, from: internet, to: app, protocol: rdp, port: 3389 }]
`,
    );
    expect(exposed[0]?.likelihood).toBe(4);
    expect(exposed[0]?.severity).toBe('high');
    expect(exposed[0]?.detail).toContain('reachable from the Internet');
    const vulnerable = runRule(
      unsupportedOs,
      `${base}assets:
  - id: app
    kind: server
    zone: srv
    os: { name: Windows, supportEnd: 2020-01-14 }
    services: [{ port: 3389, protocol: rdp, vulnerabilities: [CVE-2019-0708] }]
`,
    );
    expect(vulnerable[0]?.likelihood).toBe(4);
  });

  it('stays silent while the OS is supported, on its last day of support and without a date', () => {
    const findings = runRule(
      unsupportedOs,
      `${base}assets:
  - { id: app, kind: server, zone: srv, os: { name: Debian, supportEnd: 2028-06-30 } }
  - { id: last-day, kind: server, zone: srv, os: { name: Debian, supportEnd: 2026-11-28 } }
  - { id: unknown, kind: server, zone: srv, os: { name: Debian } }
`,
    );
    expect(findings).toEqual([]);
  });

  it('takes the date from the lifecycle table when the model declares none, and says so', () => {
    const findings = runRule(
      unsupportedOs,
      `${base}assets:
  - { id: app, kind: server, zone: srv, os: { name: Windows, version: '7' } }
  - { id: xp, kind: workstation, zone: srv, os: { name: Windows XP Professional, version: SP2 } }
  - { id: rhel, kind: server, zone: srv, os: { name: Red Hat Enterprise Linux, version: '8.10' } }
  - { id: custom, kind: server, zone: srv, os: { name: Home-made OS, version: '1' } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['unsupported-os@app', 'unsupported-os@xp']);
    expect(findings[0]?.detail).toBe(
      'app runs Windows 7, out of support since 2020-01-14 (lifecycle table: Microsoft Windows 7 SP1, endoflife.date).',
    );
    expect(findings[1]?.detail).toContain(
      'since 2010-07-13 (lifecycle table: Microsoft Windows XP SP2, learn.microsoft.com)',
    );
    const french = evaluateRules(
      modelFrom(
        `${base}assets: [{ id: app, kind: server, zone: srv, os: { name: CentOS, version: '7.9.2009' } }]\n`,
      ).graph,
      { rules: [unsupportedOs], locale: 'fr', today: '2026-11-28' },
    );
    expect(french.findings[0]?.detail).toBe(
      'app fonctionne sous CentOS 7.9.2009, hors support depuis le 2024-06-30 (table de cycle de vie : CentOS 7, endoflife.date).',
    );
  });

  it('lets a declared supportEnd win over the table (extended security updates)', () => {
    const findings = runRule(
      unsupportedOs,
      `${base}assets:
  - { id: app, kind: server, zone: srv, os: { name: Windows Server, version: 2012 R2, supportEnd: 2026-12-31 } }
  - { id: early, kind: server, zone: srv, os: { name: Ubuntu, version: '24.04', supportEnd: 2026-01-01 } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['unsupported-os@early']);
    expect(findings[0]?.detail).not.toContain('lifecycle table');
  });

  it('finds the unsupported systems of the demo, the accepted risk having expired', () => {
    const findings = runRule(unsupportedOs, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.subjects[0])).toEqual(
      expect.arrayContaining(['srv-tse', 'ews-automatisme']),
    );
    const ews = findings.find((f) => f.id === 'unsupported-os@ews-automatisme');
    expect(ews?.status).toBe('open');
    expect(ews?.decision?.expired).toBe(true);
    expect(findings.find((f) => f.id === 'unsupported-os@srv-tse')?.severity).toBe('critical');
  });
});
