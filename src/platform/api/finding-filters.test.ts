import { describe, expect, it } from 'vitest';
import { csvCell, csvText, filterWork, withWork } from './finding-filters.js';
import type { FindingView, FindingWorkView } from './types.js';

const finding = (id: string, extra: Partial<FindingView> = {}): FindingView => ({
  id,
  ruleId: id.split('@')[0] ?? id,
  family: 'network',
  severity: 'high',
  likelihood: 3,
  impact: 3,
  title: id,
  status: 'open',
  subjects: [],
  zone: null,
  site: null,
  decision: null,
  rootCause: { id: `rc@${id}`, subject: { kind: 'organisation', id, name: id } },
  ...extra,
});
const work = (
  findingId: string,
  assignee: string | null,
  dueDate: string | null,
): FindingWorkView => ({
  findingId,
  assignee: assignee === null ? null : { id: assignee, displayName: assignee },
  dueDate,
  comments: 0,
});

describe('CSV cells', () => {
  it('quotes quotes, commas, semicolons and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses formulas: = + - @ tab and carriage return get a leading apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a BOM, comma-separated cells and CRLF line ends', () => {
    expect(
      csvText([
        ['a', 'b'],
        ['=c', 'd,e'],
      ]),
    ).toBe('\uFEFFa,b\r\n\'=c,"d,e"\r\n');
  });
});

describe('work filters', () => {
  const all = withWork(
    [
      finding('a@x'),
      finding('b@y', {
        status: 'accepted',
        decision: {
          id: 'dec-b',
          status: 'accepted',
          justification: 'j',
          owner: null,
          date: null,
          reviewDate: '2026-01-01',
          expired: true,
        },
      }),
      finding('c@z'),
    ],
    [work('a@x', 'u1', '2026-02-01'), work('b@y', 'u2', '2026-01-01'), work('zz@gone', 'u1', null)],
  );
  const ids = (filter: Parameters<typeof filterWork>[1]) =>
    filterWork(all, filter, '2026-03-01').map((f) => f.id);

  it('joins work to findings in their order and ignores work on other findings', () => {
    expect(all.map((f) => [f.id, f.work?.assignee?.id ?? null])).toEqual([
      ['a@x', 'u1'],
      ['b@y', 'u2'],
      ['c@z', null],
    ]);
  });

  it('filters by assignee, unassigned, due date and review date', () => {
    expect(ids({})).toEqual(['a@x', 'b@y', 'c@z']);
    expect(ids({ assignee: 'u1' })).toEqual(['a@x']);
    expect(ids({ assignee: 'none' })).toEqual(['c@z']);
    // overdue: due date passed and still open (b@y is decided)
    expect(ids({ due: 'overdue' })).toEqual(['a@x']);
    expect(ids({ due: 'none' })).toEqual(['c@z']);
    expect(ids({ review: 'expired' })).toEqual(['b@y']);
    expect(ids({ review: 'none' })).toEqual(['a@x', 'c@z']);
    expect(ids({ assignee: 'u1', review: 'set' })).toEqual([]);
  });
});
