import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { weakWifiSecurity } from './weak-wifi-security.js';

const base = `
organisation: { name: Test }
zones:
  - { id: corp, kind: wifi }
  - { id: guests, kind: guest-wifi }
assets:
  - { id: ap-ent, kind: wifi-ap, zone: corp, wifi: { security: wpa3-enterprise } }
  - { id: ap-sae, kind: wifi-ap, zone: guests, wifi: { security: wpa3-sae } }
`;

describe('weak-wifi-security', () => {
  it('grades WEP, open and shared-key networks by the zone they serve', () => {
    const findings = runRule(
      weakWifiSecurity,
      `${base}  - { id: ap-wep, kind: wifi-ap, zone: guests, wifi: { security: wep } }
  - { id: ap-psk, kind: wifi-ap, zone: corp, wifi: { ssid: Corp, security: wpa2-psk } }
  - { id: ap-open, kind: wifi-ap, zone: corp, wifi: { security: open } }
  - { id: ap-guest, kind: wifi-ap, zone: guests, wifi: { security: open } }
  - { id: ap-guest-psk, kind: wifi-ap, zone: guests, wifi: { security: wpa2-psk } }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['weak-wifi-security@ap-open', 4, 'medium'],
      ['weak-wifi-security@ap-wep', 4, 'medium'],
      ['weak-wifi-security@ap-psk', 3, 'medium'],
      ['weak-wifi-security@ap-guest', 2, 'medium'],
      // the documented case: a shared key on a guest network has the lowest likelihood
      ['weak-wifi-security@ap-guest-psk', 1, 'low'],
    ]);
    expect(findings.find((f) => f.id.endsWith('ap-psk'))?.detail).toBe(
      'ap-psk: SSID "Corp" secured with wpa2-psk.',
    );
  });

  it('stays silent for enterprise and SAE networks', () => {
    expect(runRule(weakWifiSecurity, base)).toEqual([]);
  });

  it('finds the shared-key guest access points of the demo, and not the enterprise ones', () => {
    const findings = runRule(weakWifiSecurity, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['weak-wifi-security@ap-invites', 1],
    ]);
    expect(findings[0]?.subjects).toEqual(['ap-invites', 'wifi-invites']);
  });
});
