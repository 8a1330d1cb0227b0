import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { acceptedRiskWithoutReviewDate } from './accepted-risk-without-review-date.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets: [{ id: erp, kind: application, zone: srv }]
data: [{ id: compta, needs: { integrity: 3 }, storedOn: [erp] }]
decisions:
`;

describe('accepted-risk-without-review-date', () => {
  it('fires on an open-ended acceptance, with the impact of its subject', () => {
    const findings = runRule(
      acceptedRiskWithoutReviewDate,
      `${base}  - { id: dec-erp, finding: no-edr@erp, status: accepted, justification: Pas d’agent compatible., date: 2025-03-01 }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['accepted-risk-without-review-date@dec-erp']);
    expect(findings[0]?.subjects).toEqual(['dec-erp', 'erp']);
    expect(findings[0]?.impact).toBe(3);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toBe(
      'Decision dec-erp accepts no-edr@erp since 2025-03-01 with no review date.',
    );
  });

  it('stays silent on dated acceptances and on other statuses', () => {
    const findings = runRule(
      acceptedRiskWithoutReviewDate,
      `${base}  - { id: a, finding: no-edr@erp, status: accepted, justification: Oui., reviewDate: 2027-01-01 }
  - { id: b, finding: no-logs@erp, status: mitigated, justification: Oui. }
  - { id: c, finding: obsolete-tls@erp, status: false-positive, justification: Oui. }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds nothing on the demo, whose acceptances all have a review date', () => {
    expect(runRule(acceptedRiskWithoutReviewDate, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
