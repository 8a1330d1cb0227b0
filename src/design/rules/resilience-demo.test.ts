import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { RULES_RESILIENCE } from './registry-resilience.js';

describe('resilience rules', () => {
  it('are registered in id order', () => {
    const ids = RULES_RESILIENCE.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThanOrEqual(14);
  });

  it('use typographic apostrophes in their French texts', () => {
    for (const rule of RULES_RESILIENCE) {
      for (const field of [rule.title, rule.description, rule.rationale, rule.remediation])
        expect(field.fr, rule.id).not.toContain("'");
      expect(rule.falsePositives?.fr ?? '', rule.id).not.toContain("'");
    }
  });

  it('raise no high or critical finding on the minimal example', () => {
    const { graph } = exampleModel('minimal');
    const result = evaluateRules(graph, {
      rules: RULES_RESILIENCE,
      locale: 'en',
      today: '2026-11-28',
    });
    expect(result.failures).toEqual([]);
    expect(
      result.findings.filter((f) => f.severity === 'high' || f.severity === 'critical'),
    ).toEqual([]);
  });

  it('cover the demo weaknesses of their families', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const result = evaluateRules(graph, {
      rules: RULES_RESILIENCE,
      locale: 'fr',
      today: '2026-11-28',
    });
    const ids = result.findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'unsupported-os@srv-tse', // #2
        'unsupported-os@ews-automatisme', // #2, #22
        'backup-same-site@sauv-fichiers-nas', // #12
        'backup-no-offline-copy@sauv-fichiers-nas', // #12, #23
        'backup-no-offline-copy@sauv-vm-siege', // #23
        'backup-no-offline-copy@sauv-projets-ot', // #23
        'backup-not-restore-tested@sauv-projets-ot', // #13
        'single-point-of-failure@srv-mes', // #14
        'single-point-of-failure@scada-usine', // #14
        'asset-without-logs@srv-tse', // #15
        'saas-data-outside-eu@saas-crm', // #21
        'saas-without-mfa@saas-crm', // #21
        'backup-unencrypted@sauv-vm-siege', // #23
      ]),
    );
  });
});
