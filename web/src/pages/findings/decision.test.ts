import { describe, expect, it } from 'vitest';
import { withQuery } from '../../components/Analysis';
import { checkDraft, decisionRequest } from './DecisionForm';
import { safeUrl } from './FindingDetailPage';

const draft = {
  status: 'accepted' as const,
  justification: '  Compensated by the VPN.  ',
  reviewDate: '2027-01-31',
  owner: '',
};

describe('decision form', () => {
  it('requires a justification and, to accept, a review date', () => {
    expect(checkDraft(draft)).toEqual({});
    expect(checkDraft({ ...draft, justification: '   ', reviewDate: '' })).toEqual({
      justification: 'findings.form.justificationRequired',
      reviewDate: 'findings.form.reviewDateRequired',
    });
    expect(checkDraft({ ...draft, status: 'mitigated', reviewDate: '' })).toEqual({});
    expect(checkDraft({ ...draft, justification: 'x'.repeat(5001) })).toEqual({
      justification: 'findings.form.justificationTooLong',
    });
    expect(checkDraft({ ...draft, reviewDate: '31/01/2027' })).toEqual({
      reviewDate: 'findings.form.reviewDateInvalid',
    });
  });

  it('sends trimmed text and leaves empty optional fields out', () => {
    expect(decisionRequest(draft, 'rule@srv', 7)).toEqual({
      expectedLatest: 7,
      finding: 'rule@srv',
      status: 'accepted',
      justification: 'Compensated by the VPN.',
      reviewDate: '2027-01-31',
    });
    expect(
      decisionRequest(
        { ...draft, status: 'false-positive', reviewDate: '', owner: ' ciso ' },
        'f',
        2,
      ),
    ).toEqual({
      expectedLatest: 2,
      finding: 'f',
      status: 'false-positive',
      justification: 'Compensated by the VPN.',
      owner: 'ciso',
    });
  });
});

describe('links', () => {
  it('only links http(s) references', () => {
    expect(safeUrl('https://cyber.gouv.fr/guide')).toBe('https://cyber.gouv.fr/guide');
    expect(safeUrl('http://example.org')).toBe('http://example.org/');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });

  it('merges query parameters into a link that may carry ?v=', () => {
    expect(withQuery('/w/1/findings', { severity: 'high', q: '' })).toBe(
      '/w/1/findings?severity=high',
    );
    expect(withQuery('/w/1/findings?v=3&q=x', { severity: 'low', q: null })).toBe(
      '/w/1/findings?v=3&severity=low',
    );
    expect(withQuery('/w/1/paths', { path: 'internet→db#1' })).toBe(
      '/w/1/paths?path=internet%E2%86%92db%231',
    );
  });
});
