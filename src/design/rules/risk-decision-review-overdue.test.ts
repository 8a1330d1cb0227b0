import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { riskDecisionReviewOverdue } from './risk-decision-review-overdue.js';

const base = `
organisation: { name: Test }
zones: [{ id: ot, kind: ot }]
assets: [{ id: ews, kind: engineering-workstation, zone: ot }]
processes: [{ id: production, needs: { availability: 4 }, assets: [ews] }]
identities: [{ id: directeur, kind: person }]
decisions:
`;

describe('risk-decision-review-overdue', () => {
  it('fires on a decision past its review date, with the impact of the finding subject', () => {
    const findings = runRule(
      riskDecisionReviewOverdue,
      `${base}  - { id: dec-ews, finding: unsupported-os@ews, status: accepted, justification: Requalification en cours., owner: directeur, reviewDate: 2026-06-30 }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['risk-decision-review-overdue@dec-ews']);
    expect(findings[0]?.subjects).toEqual(['dec-ews', 'ews', 'directeur']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toBe(
      'Decision dec-ews (accepted) on unsupported-os@ews was due for review on 2026-06-30, 151 days ago; owner directeur.',
    );
  });

  it('fires on a decision about an entity no longer in the model, with the default impact', () => {
    const findings = runRule(
      riskDecisionReviewOverdue,
      `${base}  - { id: dec-ancien, finding: no-edr@srv-retire, status: mitigated, justification: Serveur retiré., reviewDate: 2026-01-01 }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['risk-decision-review-overdue@dec-ancien']);
    expect(findings[0]?.subjects).toEqual(['dec-ancien']);
    expect(findings[0]?.impact).toBe(2);
  });

  it('stays silent on decisions reviewed in the future, today, or without a review date', () => {
    const findings = runRule(
      riskDecisionReviewOverdue,
      `${base}  - { id: a, finding: unsupported-os@ews, status: accepted, justification: Oui., reviewDate: 2027-06-30 }
  - { id: b, finding: no-edr@ews, status: accepted, justification: Oui., reviewDate: 2026-11-28 }
  - { id: c, finding: no-logs@ews, status: false-positive, justification: Oui. }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the overdue Windows 7 decision of the demo', () => {
    const findings = runRule(riskDecisionReviewOverdue, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['risk-decision-review-overdue@dec-ews-windows7']);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining(['dec-ews-windows7', 'ews-automatisme']),
    );
  });
});
