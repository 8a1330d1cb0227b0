import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { internetExposedOutsideDmz } from './internet-exposed-outside-dmz.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
  - { id: srv, kind: server }
  - { id: cloud, kind: cloud }
assets:
  - { id: fw, kind: firewall }
  - { id: app, kind: application, zone: srv }
  - { id: www, kind: web-application, zone: dmz }
  - { id: iaas, kind: virtual-machine, zone: cloud }
data: [{ id: orders, needs: { availability: 3, integrity: 3 }, storedOn: [app] }]
flows:
  - { id: to-www, from: internet, to: www, protocol: https, port: 443, via: [fw] }
  - { id: to-iaas, from: internet, to: iaas, protocol: https, port: 443 }
  - { id: to-fw, from: internet, to: fw, protocol: ipsec }
`;

describe('internet-exposed-outside-dmz', () => {
  it('fires on an internal server reached from the Internet', () => {
    const findings = runRule(
      internetExposedOutsideDmz,
      `${base}  - { id: to-app, from: internet, to: app, protocol: https, port: 8443, via: [fw] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-outside-dmz@app']);
    expect(findings[0]?.subjects).toEqual(['app', 'to-app', 'srv']);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toContain('sits in srv (server zone), not in a DMZ');
  });

  it('fires on every asset of an internal zone reached as a whole', () => {
    const findings = runRule(
      internetExposedOutsideDmz,
      `${base}  - { id: to-srv, from: internet, to: srv, protocol: https }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-outside-dmz@app']);
  });

  it('stays silent for DMZ services, cloud assets and the perimeter firewall', () => {
    expect(runRule(internetExposedOutsideDmz, base)).toEqual([]);
  });

  it('finds the TSE server published from the server zone of the demo', () => {
    const findings = runRule(internetExposedOutsideDmz, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['internet-exposed-outside-dmz@srv-tse']);
    expect(findings[0]?.subjects).toEqual(['srv-tse', 'flux-internet-rdp-tse', 'serveurs-siege']);
  });
});

describe('internet-exposed-outside-dmz: address translation and allowed sources', () => {
  it('reports a port forward to an internal server and says how it is published', () => {
    const findings = runRule(
      internetExposedOutsideDmz,
      `${base}  - { id: fwd, from: internet, to: app, protocol: https, port: 8443, via: [fw], nat: { type: port-forward, external: 203.0.113.10, externalPort: 443 } }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['internet-exposed-outside-dmz@app', 3, 'high'],
    ]);
    expect(findings[0]?.detail).toBe(
      'app is reached from the Internet by fwd (https/8443) but sits in srv (server zone), not in a DMZ; fwd published by port forwarding on 203.0.113.10:443.',
    );
  });

  it('lowers the likelihood when every flow accepts only listed sources, not for any address', () => {
    const restricted = runRule(
      internetExposedOutsideDmz,
      `${base}  - { id: partner, from: internet, to: app, protocol: https, via: [fw], allowedSources: [198.51.100.0/28] }\n`,
    );
    expect(restricted.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['internet-exposed-outside-dmz@app', 2, 'medium'],
    ]);
    expect(restricted[0]?.detail).toContain('partner accepted only from 198.51.100.0/28');
    const any = runRule(
      internetExposedOutsideDmz,
      `${base}  - { id: partner, from: internet, to: app, protocol: https, via: [fw], allowedSources: [198.51.100.0/28] }
  - { id: open, from: internet, to: app, protocol: https, port: 8080, via: [fw], allowedSources: [0.0.0.0/0] }
`,
    );
    expect(any.map((f) => f.likelihood)).toEqual([3]);
  });
});
