import { describe, expect, it } from 'vitest';
import { facetCounts, groupByRootCause } from './root-cause-groups';

const row = (id: string, cause: string) => ({ id, rootCause: { id: `rc@${cause}` } });

describe('grouping findings by root cause', () => {
  const rows = [
    row('a@tse', 'tse'),
    row('b@flow', 'flow'),
    row('c@tse', 'tse'),
    row('d@user', 'user'),
    row('e@flow', 'flow'),
  ];

  it('keeps the facets of a root cause together, in the order of each first row', () => {
    expect(groupByRootCause(rows).map((r) => r.id)).toEqual([
      'a@tse',
      'c@tse',
      'b@flow',
      'e@flow',
      'd@user',
    ]);
    expect(groupByRootCause([...rows].reverse()).map((r) => r.id)).toEqual([
      'e@flow',
      'b@flow',
      'd@user',
      'c@tse',
      'a@tse',
    ]);
    expect(groupByRootCause([])).toEqual([]);
  });

  it('counts the rows of each root cause', () => {
    expect([...facetCounts(rows)]).toEqual([
      ['rc@tse', 2],
      ['rc@flow', 2],
      ['rc@user', 1],
    ]);
  });
});
