import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { internetExposedWithoutWaf } from './internet-exposed-without-waf.js';

const model = (proxy: string): string => `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
assets:
  - { id: fw, kind: firewall }
  - ${proxy}
  - { id: shop, kind: web-application, zone: dmz }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
data: [{ id: orders, needs: { confidentiality: 3, integrity: 3 }, storedOn: [shop] }]
flows:
  - { id: publish, from: internet, to: rp, protocol: https, port: 443, via: [fw] }
  - { id: backend, from: rp, to: shop, protocol: http, port: 8080 }
  - { id: remote, from: internet, to: vpn, protocol: https, port: 443, via: [fw] }
`;

describe('internet-exposed-without-waf', () => {
  it('fires on a web application published through a plain reverse proxy', () => {
    const findings = runRule(
      internetExposedWithoutWaf,
      model(`{ id: rp, kind: reverse-proxy, zone: dmz, software: [{ name: nginx }] }`),
    );
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-without-waf@shop']);
    expect(findings[0]?.subjects).toEqual(['shop', 'publish', 'backend', 'rp', 'fw']);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toBe(
      'shop is published on the Internet (publish, backend) and none of rp, fw is a web application firewall.',
    );
  });

  it('fires on an application published directly, with no device in front', () => {
    const findings = runRule(
      internetExposedWithoutWaf,
      `
organisation: { name: Test }
zones: [{ id: internet, kind: internet }, { id: dmz, kind: dmz }]
assets: [{ id: app, kind: application, zone: dmz }]
flows: [{ id: direct, from: internet, to: app, protocol: http, port: 80 }]
`,
    );
    expect(findings.map((f) => f.detail)).toEqual([
      'app is published on the Internet (direct) with no device in front of it.',
    ]);
  });

  it('stays silent behind a WAF (tag or software) and for VPN gateways', () => {
    for (const proxy of [
      `{ id: rp, kind: reverse-proxy, zone: dmz, tags: [waf] }`,
      `{ id: rp, kind: reverse-proxy, zone: dmz, software: [{ name: ModSecurity, version: '3.0' }] }`,
    ])
      expect(runRule(internetExposedWithoutWaf, model(proxy))).toEqual([]);
  });

  it('finds the showcase site of the demo, whose risk acceptance applies', () => {
    const findings = runRule(internetExposedWithoutWaf, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => [f.id, f.status])).toEqual([
      ['internet-exposed-without-waf@web-vitrine', 'accepted'],
    ]);
  });
});

describe('internet-exposed-without-waf: allowed sources', () => {
  it('lowers the likelihood of a publication accepting only listed sources', () => {
    const findings = runRule(
      internetExposedWithoutWaf,
      model(`{ id: rp, kind: reverse-proxy, zone: dmz }`).replace(
        'port: 443, via: [fw] }\n  - { id: backend',
        'port: 443, via: [fw], allowedSources: [198.51.100.0/24] }\n  - { id: backend',
      ),
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['internet-exposed-without-waf@shop', 1, 'low'],
    ]);
  });
});
