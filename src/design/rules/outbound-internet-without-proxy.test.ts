import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { outboundInternetWithoutProxy } from './outbound-internet-without-proxy.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: cloud, kind: cloud }
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: ot, kind: ot }
  - { id: guests, kind: guest-wifi }
assets:
  - { id: fw, kind: firewall }
  - { id: proxy, kind: proxy, zone: srv }
  - { id: pcs, kind: workstation, zone: lan }
  - { id: backup, kind: backup-server, zone: srv }
  - { id: scada, kind: scada, zone: ot }
  - { id: m365, kind: saas, zone: cloud }
data: [{ id: recipes, needs: { integrity: 4, availability: 3 }, storedOn: [scada] }]
flows:
  - { id: browse-proxy, from: lan, to: proxy, protocol: http, port: 3128 }
  - { id: proxy-out, from: proxy, to: internet, protocol: https, via: [fw] }
  - { id: pcs-m365, from: pcs, to: m365, protocol: https, via: [proxy, fw] }
  - { id: backup-out, from: backup, to: internet, protocol: https, via: [fw] }
  - { id: guests-out, from: guests, to: internet, protocol: https, via: [fw] }
  - { id: lan-mail, from: lan, to: m365, protocol: smtps, via: [fw] }
`;

describe('outbound-internet-without-proxy', () => {
  it('fires on workstations and OT reaching the Web without a proxy, with the impact of the source', () => {
    const findings = runRule(
      outboundInternetWithoutProxy,
      `${base}  - { id: lan-direct, from: lan, to: m365, protocol: https, port: 443, via: [fw] }
  - { id: scada-updates, from: scada, to: internet, protocol: https, port: 443, via: [fw] }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['outbound-internet-without-proxy@scada-updates', 4, 4, 'critical'],
      ['outbound-internet-without-proxy@lan-direct', 3, 2, 'medium'],
    ]);
    expect(findings[1]?.subjects).toEqual(['lan-direct', 'lan', 'm365', 'fw']);
    expect(findings[1]?.detail).toBe(
      'lan-direct (https/443) goes from lan (user zone) to m365 through fw only, without a proxy.',
    );
  });

  it('stays silent through the proxy, for servers, guests, the proxy itself and non-Web protocols', () => {
    expect(runRule(outboundInternetWithoutProxy, base)).toEqual([]);
  });

  it('finds the direct Internet access of the demo plant', () => {
    const findings = runRule(outboundInternetWithoutProxy, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['outbound-internet-without-proxy@flux-usine-m365']);
    expect(findings[0]?.subjects).toEqual(['flux-usine-m365', 'lan-usine', 'm365', 'fw-usine']);
  });
});
