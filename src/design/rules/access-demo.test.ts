import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { RULES_ACCESS } from './registry-access.js';

describe('access rules on the example models', () => {
  it('raise no high or critical finding on the minimal model', () => {
    const { graph } = exampleModel('minimal');
    const result = evaluateRules(graph, { rules: RULES_ACCESS, locale: 'en', today: '2026-11-28' });
    expect(result.failures).toEqual([]);
    expect(
      result.findings.filter((f) => f.severity === 'high' || f.severity === 'critical'),
    ).toEqual([]);
  });

  it('are registered once each, in id order', () => {
    const ids = RULES_ACCESS.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cover the access weaknesses listed in the demo README', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const { findings } = evaluateRules(graph, {
      rules: RULES_ACCESS,
      locale: 'en',
      today: '2026-11-28',
    });
    const subjectsOf = (...ruleIds: string[]): string[] =>
      findings.filter((f) => ruleIds.includes(f.ruleId)).flatMap((f) => f.subjects);
    // #7 shared accounts, #8 admins on the office LAN, #9 leaver, #10 OT maintenance provider
    expect(subjectsOf('shared-account')).toEqual(
      expect.arrayContaining([
        'id-admin-partage',
        'grp-admins-domaine',
        'grp-operateurs-production',
      ]),
    );
    expect(subjectsOf('admin-login-from-user-zone')).toEqual(
      expect.arrayContaining([
        'id-admin-systemes',
        'lan-siege',
        'lan-usine',
        'id-resp-si',
        'id-admin-partage',
      ]),
    );
    expect(subjectsOf('leaver-still-active')).toEqual(
      expect.arrayContaining([
        'id-ancien-admin',
        'grp-admins-domaine',
        'srv-ad-01',
        'srv-sauvegarde',
      ]),
    );
    expect(
      subjectsOf(
        'third-party-permanent-access',
        'third-party-access-without-mfa',
        'remote-access-bypassing-perimeter',
      ),
    ).toEqual(
      expect.arrayContaining([
        'id-tiers-maintenance-ot',
        'routeur-maintenance-ot',
        'flux-telemaintenance-4g',
        'ot-cellules',
      ]),
    );
    // #11 backup service account, #18 admin interfaces, #19 cleartext administration, #22 decision
    expect(subjectsOf('service-account-privileged')).toEqual(
      expect.arrayContaining(['svc-veeam', 'grp-admins-domaine', 'nas-sauvegarde-siege']),
    );
    expect(subjectsOf('admin-interface-from-user-zone')).toEqual(
      expect.arrayContaining([
        'sw-coeur-siege',
        'lan-siege',
        'sw-coeur-usine',
        'lan-usine',
        'imprimantes-siege',
        'wifi-invites',
        'plc-presse-01',
      ]),
    );
    expect(subjectsOf('cleartext-admin-protocol')).toEqual(
      expect.arrayContaining([
        'sw-coeur-usine',
        'flux-telnet-switch-usine',
        'imprimantes-siege',
        'sw-ot',
      ]),
    );
    expect(subjectsOf('risk-decision-review-overdue')).toEqual(
      expect.arrayContaining(['dec-ews-windows7', 'ews-automatisme']),
    );
  });
});
