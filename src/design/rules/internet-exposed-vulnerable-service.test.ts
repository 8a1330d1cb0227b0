import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { internetExposedVulnerableService } from './internet-exposed-vulnerable-service.js';

const model = (asset: string, flow = 'port: 443'): string => `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
assets:
  - { id: fw, kind: firewall }
  - ${asset}
data: [{ id: site, needs: { integrity: 3 }, storedOn: [www] }]
flows:
  - { id: publish, from: internet, to: www, protocol: https, ${flow}, via: [fw] }
`;

describe('internet-exposed-vulnerable-service', () => {
  it('fires on an exposed service with known vulnerabilities and an unsupported system', () => {
    const findings = runRule(
      internetExposedVulnerableService,
      model(
        `{ id: www, kind: web-application, zone: dmz, os: { name: Debian, version: '10', supportEnd: 2024-06-30 }, services: [{ port: 443, protocol: https, vulnerabilities: [CVE-2024-0001] }] }`,
      ),
    );
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-vulnerable-service@www']);
    expect(findings[0]?.subjects).toEqual(['www', 'publish']);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toBe(
      'www is reachable from the Internet (publish (https/443)): service https/443 vulnerable (CVE-2024-0001); Debian 10 out of support since 2024-06-30.',
    );
  });

  it('fires on unsupported software alone, judged against the date of the analysis', () => {
    const asset = `{ id: www, kind: web-application, zone: dmz, software: [{ name: PHP, version: '8.1', supportEnd: 2025-12-31 }] }`;
    expect(runRule(internetExposedVulnerableService, model(asset), '2026-01-01')).toHaveLength(1);
    expect(runRule(internetExposedVulnerableService, model(asset), '2025-12-31')).toEqual([]);
  });

  it('stays silent when the vulnerable service is not on the exposed port, or the asset is not exposed', () => {
    const vulnerableSsh = `{ id: www, kind: web-application, zone: dmz, services: [{ port: 22, protocol: ssh, vulnerabilities: [CVE-2024-6387] }] }`;
    expect(runRule(internetExposedVulnerableService, model(vulnerableSsh))).toEqual([]);
    const internal = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: old, kind: server, zone: srv, os: { name: Windows Server, version: '2008', supportEnd: 2020-01-14 } }
`;
    expect(runRule(internetExposedVulnerableService, internal)).toEqual([]);
  });

  it('finds the vulnerable, unsupported TSE server of the demo', () => {
    const findings = runRule(internetExposedVulnerableService, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-vulnerable-service@srv-tse']);
    expect(findings[0]?.detail).toContain('CVE-2019-1181');
    expect(findings[0]?.detail).toContain('2023-10-10');
  });
});
