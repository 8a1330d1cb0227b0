import { describe, expect, it } from 'vitest';
import { text } from '../design/text.js';
import { compareFindings, runChecks, toFinding, trimEvidence } from './findings.js';
import type { Check } from './types.js';

const check = (id: string, cvss: string): Check<readonly string[]> => ({
  id,
  domain: 'ports',
  title: text(`title ${id}`, `titre ${id}`),
  description: text('d', 'd'),
  rationale: text('r', 'r'),
  remediation: text('fix', 'corriger'),
  cvss,
  references: [{ source: 'anssi', id: 'hygiene:1' }],
  evaluate: (subjects) =>
    subjects.map((subject) => ({
      subject,
      detail: text(subject, subject),
      evidence: 'x'.repeat(3000),
    })),
});

describe('audit findings', () => {
  it('derive severity and score from the vector, hit over check', () => {
    const high = check('ports-a', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    const finding = toFinding(high, { subject: 's', detail: text('d', 'd'), evidence: 'e' });
    expect(finding).toMatchObject({ id: 'ports-a@s', severity: 'critical', cvss: { score: 9.8 } });
    const low = toFinding(high, {
      subject: 's',
      detail: text('d', 'd'),
      evidence: 'e',
      cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
      entities: ['b', 'a', 'b'],
    });
    expect(low).toMatchObject({ severity: 'low', entities: ['a', 'b'] });
  });

  it('trims evidence and sorts findings most severe first', () => {
    expect(trimEvidence('abcdef', 4)).toBe('abc…');
    const findings = runChecks(
      [
        check('ports-low', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N'),
        check('ports-high', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'),
      ],
      ['h2', 'h1', 'h1'],
      undefined,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'ports-high@h1',
      'ports-high@h2',
      'ports-low@h1',
      'ports-low@h2',
    ]);
    expect(findings[0]?.evidence.length).toBe(2000);
    expect([...findings].sort(compareFindings)).toEqual(findings);
  });
});
