import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { mailDmarcNotEnforced } from './mail-dmarc-not-enforced.js';

describe('mail-dmarc-not-enforced', () => {
  it('fires once for the organisation, listing the domains without an enforced policy', () => {
    const findings = runRule(
      mailDmarcNotEnforced,
      `
organisation:
  name: Test
  domains:
    - { name: example.fr, spf: true, dkim: true, dmarc: none }
    - { name: example.com, spf: true }
    - { name: example.org, spf: true, dkim: true, dmarc: reject }
`,
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['mail-dmarc-not-enforced@organisation', 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'DMARC is not enforced on example.fr (p=none): spoofed mail from these domains is still delivered. example.com (DMARC policy not known: check it): without an enforced policy, spoofed mail would be delivered.',
    );
  });

  it('asks to check a policy that is unknown or left out, at a lower severity, without claiming none', () => {
    const findings = runRule(
      mailDmarcNotEnforced,
      `
organisation:
  name: Test
  domains:
    - { name: example.fr, spf: true, dkim: true, dmarc: unknown }
    - { name: example.com, spf: true, dkim: true }
    - { name: example.org, spf: true, dkim: true, dmarc: reject }
`,
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['mail-dmarc-not-enforced@organisation', 'low'],
    ]);
    expect(findings[0]?.detail).toBe(
      'example.fr, example.com (DMARC policy not known: check it): without an enforced policy, spoofed mail would be delivered.',
    );
    expect(findings[0]?.detail).not.toContain('p=none');
  });

  it('stays silent with quarantine or reject, and without declared domains', () => {
    const findings = runRule(
      mailDmarcNotEnforced,
      `
organisation:
  name: Test
  domains:
    - { name: example.fr, dmarc: quarantine }
    - { name: example.org, dmarc: reject }
`,
    );
    expect(findings).toEqual([]);
    expect(runRule(mailDmarcNotEnforced, 'organisation: { name: Test }\n')).toEqual([]);
  });

  it('finds the monitoring-only DMARC policy of the demo’s main domain', () => {
    const findings = runRule(mailDmarcNotEnforced, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['mail-dmarc-not-enforced@forges-de-l-est']);
    expect(findings[0]?.detail).toContain('forges-de-l-est.fr (p=none)');
    expect(findings[0]?.detail).not.toContain('fde-metal.fr');
  });
});
