import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
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
