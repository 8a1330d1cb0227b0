import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { knownVulnerableService } from './known-vulnerable-service.js';

const base = `
organisation: { name: Test }
zones: [{ id: internet, kind: internet }, { id: dmz, kind: dmz }]
processes: [{ id: proc, needs: { availability: 2, integrity: 3, confidentiality: 3 }, assets: [web] }]
`;

describe('known-vulnerable-service', () => {
  it('fires on a service declared with CVEs, naming the port and the CVEs', () => {
    const findings = runRule(
      knownVulnerableService,
      `${base}assets:
  - id: web
    kind: web-application
    zone: dmz
    services: [{ port: 443, protocol: https, product: Apache httpd, vulnerabilities: [CVE-2021-41773, CVE-2021-42013] }, { port: 22, protocol: ssh }]
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['known-vulnerable-service@web']);
    expect(findings[0]?.detail).toBe(
      'web exposes vulnerable services (443/https Apache httpd: CVE-2021-41773, CVE-2021-42013).',
    );
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.severity).toBe('high');
  });

  it('is more likely when reachable from the Internet', () => {
    const findings = runRule(
      knownVulnerableService,
      `${base}assets: [{ id: web, kind: web-application, zone: dmz, services: [{ port: 443, protocol: https, vulnerabilities: [CVE-2021-41773] }] }]
flows: [{ id: f, from: internet, to: web, protocol: https, port: 443 }]
`,
    );
    expect(findings[0]?.likelihood).toBe(4);
    expect(findings[0]?.severity).toBe('high');
  });

  it('stays silent on services without vulnerabilities', () => {
    const findings = runRule(
      knownVulnerableService,
      `${base}assets: [{ id: web, kind: web-application, zone: dmz, services: [{ port: 443, protocol: https, vulnerabilities: [] }] }]\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the vulnerable RDP service of the demo', () => {
    const findings = runRule(knownVulnerableService, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['known-vulnerable-service@srv-tse']);
    expect(findings[0]?.severity).toBe('critical');
  });
});
