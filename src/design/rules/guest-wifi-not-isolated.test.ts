import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { guestWifiNotIsolated } from './guest-wifi-not-isolated.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
  - { id: guests, kind: guest-wifi }
assets:
  - { id: fw, kind: firewall }
  - { id: copier, kind: printer, zone: lan }
`;

describe('guest-wifi-not-isolated', () => {
  it('fires on flows inwards, admin interfaces open to guests and non-isolated access points', () => {
    const findings = runRule(
      guestWifiNotIsolated,
      `${base}  - { id: ap, kind: wifi-ap, zone: guests, wifi: { security: wpa2-psk, isolated: false } }
  - { id: switch, kind: switch, zone: lan, adminInterfaces: [{ protocol: http, port: 80, from: [guests] }] }
flows:
  - { id: print, from: guests, to: copier, protocol: other, port: 9100, via: [fw] }
  - { id: out, from: guests, to: internet, protocol: https, via: [fw] }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['guest-wifi-not-isolated@guests', 3, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['guests', 'ap', 'print', 'copier', 'switch']);
    expect(findings[0]?.detail).toBe(
      'Guest zone guests is not isolated: flows inwards: print → copier (other/9100); administration interfaces open to guests: switch; access points not isolated: ap.',
    );
  });

  it('fires with a low likelihood on an access point declared not isolated alone', () => {
    const findings = runRule(
      guestWifiNotIsolated,
      `${base}  - { id: ap, kind: wifi-ap, zone: guests, wifi: { security: wpa3-sae, isolated: false } }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['guest-wifi-not-isolated@guests', 2],
    ]);
  });

  it('stays silent when guests only reach the Internet', () => {
    const findings = runRule(
      guestWifiNotIsolated,
      `${base}  - { id: ap, kind: wifi-ap, zone: guests, wifi: { security: wpa2-psk, isolated: true } }
flows:
  - { id: out, from: guests, to: internet, protocol: https, via: [fw] }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the demo guest Wi-Fi that reaches the copiers', () => {
    const findings = runRule(guestWifiNotIsolated, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['guest-wifi-not-isolated@wifi-invites']);
    expect(findings[0]?.subjects).toEqual([
      'wifi-invites',
      'ap-invites',
      'flux-invites-copieurs',
      'imprimantes-siege',
    ]);
  });
});

describe('guest-wifi-not-isolated: severity from what is reached', () => {
  it('rates a guest flow by the most valuable asset it reaches', () => {
    const findings = runRule(
      guestWifiNotIsolated,
      `${base}  - { id: erp, kind: application, zone: lan }
data: [{ id: ledger, needs: { confidentiality: 4 }, storedOn: [erp] }]
flows:
  - { id: print, from: guests, to: copier, protocol: other, port: 9100, via: [fw] }
  - { id: erp-web, from: guests, to: erp, protocol: https, via: [fw] }
`,
    );
    expect(findings.map((f) => [f.id, f.impact, f.severity])).toEqual([
      ['guest-wifi-not-isolated@guests', 4, 'high'],
    ]);
  });
});
