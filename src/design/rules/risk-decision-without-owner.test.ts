import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { riskDecisionWithoutOwner } from './risk-decision-without-owner.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets: [{ id: erp, kind: application, zone: srv }]
data: [{ id: compta, needs: { integrity: 4 }, storedOn: [erp] }]
identities:
  - { id: daf, kind: person }
  - { id: ancien-daf, kind: person, left: 2026-03-31 }
decisions:
`;

describe('risk-decision-without-owner', () => {
  it('fires on an accepted risk without owner', () => {
    const findings = runRule(
      riskDecisionWithoutOwner,
      `${base}  - { id: dec-erp, finding: no-edr@erp, status: accepted, justification: Oui., reviewDate: 2027-01-01 }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['risk-decision-without-owner@dec-erp']);
    expect(findings[0]?.subjects).toEqual(['dec-erp', 'erp']);
    expect(findings[0]?.likelihood).toBe(2);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('fires with a lower likelihood on a mitigation owned by someone who left', () => {
    const findings = runRule(
      riskDecisionWithoutOwner,
      `${base}  - { id: dec-logs, finding: no-logs@erp, status: mitigated, justification: Oui., owner: ancien-daf }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['risk-decision-without-owner@dec-logs']);
    expect(findings[0]?.subjects).toEqual(['dec-logs', 'erp', 'ancien-daf']);
    expect(findings[0]?.likelihood).toBe(1);
    expect(findings[0]?.detail).toBe(
      'Decision dec-logs (mitigated) on no-logs@erp is owned by ancien-daf, who left on 2026-03-31.',
    );
  });

  it('stays silent when a current person owns the decision', () => {
    const findings = runRule(
      riskDecisionWithoutOwner,
      `${base}  - { id: dec-erp, finding: no-edr@erp, status: accepted, justification: Oui., owner: daf }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds nothing on the demo, whose decisions all have an owner', () => {
    expect(runRule(riskDecisionWithoutOwner, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
