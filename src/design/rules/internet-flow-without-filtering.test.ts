import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { internetFlowWithoutFiltering } from './internet-flow-without-filtering.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: ot, kind: ot }
  - { id: cloud, kind: cloud }
assets:
  - { id: fw, kind: firewall }
  - { id: box, kind: router, zone: lan }
  - { id: app, kind: application, zone: srv }
  - { id: gw, kind: router, zone: ot }
  - { id: saas, kind: saas, zone: cloud }
data: [{ id: orders, needs: { integrity: 3 }, storedOn: [app] }]
flows:
  - { id: filtered, from: internet, to: app, protocol: https, via: [fw] }
  - { id: fw-out, from: fw, to: internet, protocol: dns }
  - { id: ot-out, from: gw, to: internet, protocol: openvpn }
  - { id: saas-in, from: internet, to: saas, protocol: https }
`;

describe('internet-flow-without-filtering', () => {
  it('fires on inbound and outbound Internet flows that cross nothing filtering', () => {
    const findings = runRule(
      internetFlowWithoutFiltering,
      `${base}  - { id: inbound, from: internet, to: app, protocol: https, port: 443, via: [box] }
  - { id: outbound, from: lan, to: internet, protocol: https, port: 443 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['internet-flow-without-filtering@inbound', 4, 'high'],
      ['internet-flow-without-filtering@outbound', 3, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['inbound', 'app', 'box']);
    expect(findings[0]?.detail).toBe(
      'inbound (https/443) goes from the Internet to app crossing only box, which does not filter.',
    );
    expect(findings[1]?.detail).toBe(
      'outbound (https/443) goes from lan to the Internet crossing no device.',
    );
  });

  it('stays silent for filtered flows, the firewall itself, SaaS and OT (left to ot-internet-connection)', () => {
    expect(runRule(internetFlowWithoutFiltering, base)).toEqual([]);
  });

  it('leaves the demo’s 4G maintenance link to the OT rule and finds nothing else', () => {
    expect(runRule(internetFlowWithoutFiltering, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
