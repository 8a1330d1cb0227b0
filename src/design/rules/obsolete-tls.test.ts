import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { obsoleteTls } from './obsolete-tls.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: dmz, kind: dmz }
assets:
  - { id: fw, kind: firewall }
  - { id: pcs, kind: workstation, zone: lan }
  - { id: modern, kind: application, zone: srv, services: [{ port: 443, protocol: https, encryption: tls1.3 }] }
`;

describe('obsolete-tls', () => {
  it('reports the server once for its flows and services, more likely when exposed', () => {
    const findings = runRule(
      obsoleteTls,
      `${base}  - { id: tse, kind: server, zone: dmz, services: [{ port: 3389, protocol: rdp, encryption: tls1.0 }] }
  - { id: legacy, kind: application, zone: srv }
data: [{ id: erp, needs: { confidentiality: 3 }, storedOn: [legacy] }]
flows:
  - { id: rdp, from: internet, to: tse, protocol: rdp, port: 3389, encryption: tls1.0, via: [fw] }
  - { id: old-app, from: pcs, to: legacy, protocol: https, port: 443, encryption: tls1.1 }
  - { id: to-zone, from: pcs, to: srv, protocol: https, encryption: tls1.1 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['obsolete-tls@legacy', 2, 'medium'],
      ['obsolete-tls@tse', 3, 'medium'],
      ['obsolete-tls@to-zone', 2, 'medium'],
    ]);
    expect(findings[1]?.subjects).toEqual(['tse', 'rdp']);
    expect(findings[1]?.detail).toBe(
      'tse uses an obsolete TLS version: rdp (rdp/3389) tls1.0, service rdp/3389 tls1.0; reachable from the Internet.',
    );
  });

  it('stays silent with TLS 1.2 and 1.3', () => {
    expect(runRule(obsoleteTls, base)).toEqual([]);
  });

  it('finds the TLS 1.0 remote desktop of the demo', () => {
    const findings = runRule(obsoleteTls, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['obsolete-tls@srv-tse']);
    expect(findings[0]?.subjects).toEqual(['srv-tse', 'flux-internet-rdp-tse']);
  });
});
