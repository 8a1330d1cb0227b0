import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { mailSpfDkimMissing } from './mail-spf-dkim-missing.js';

describe('mail-spf-dkim-missing', () => {
  it('fires on missing SPF, and on missing DKIM where DMARC is not enforced', () => {
    const findings = runRule(
      mailSpfDkimMissing,
      `
organisation:
  name: Test
  domains:
    - { name: a.fr, dkim: true, dmarc: reject }
    - { name: b.fr, spf: true, dmarc: none }
    - { name: c.fr, spf: true, dkim: false, dmarc: reject }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['mail-spf-dkim-missing@organisation', 3, 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'Mail authentication is incomplete on a.fr (no SPF), b.fr (no DKIM).',
    );
  });

  it('uses a lower likelihood when only DKIM is missing', () => {
    const findings = runRule(
      mailSpfDkimMissing,
      'organisation: { name: Test, domains: [{ name: b.fr, spf: true, dmarc: none }] }\n',
    );
    expect(findings.map((f) => f.likelihood)).toEqual([2]);
  });

  it('requires DKIM when the DMARC policy is not known, and says the policy is to check', () => {
    const findings = runRule(
      mailSpfDkimMissing,
      `
organisation:
  name: Test
  domains:
    - { name: a.fr, spf: true, dmarc: unknown }
    - { name: b.fr, spf: true }
    - { name: c.fr, spf: true, dmarc: quarantine }
`,
    );
    expect(findings[0]?.detail).toBe(
      'Mail authentication is incomplete on a.fr (no DKIM; DMARC policy not known: check it), b.fr (no DKIM; DMARC policy not known: check it).',
    );
  });

  it('stays silent on the demo, whose old domain is locked by DMARC reject and SPF', () => {
    expect(runRule(mailSpfDkimMissing, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
