import { describe, expect, it } from 'vitest';
import type { EntityChangeView } from '../../../../src/platform/api/types';
import { byKind, countChanges, formatValue } from './entity-changes';

const change = (kind: EntityChangeView['kind'], id: string, status: EntityChangeView['status']) =>
  ({ kind, id, status, fields: [] }) satisfies EntityChangeView;

describe('semantic diff view helpers', () => {
  it('shows values short: strings as written, others as JSON', () => {
    expect(formatValue('lan')).toBe('lan');
    expect(formatValue(22)).toBe('22');
    expect(formatValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatValue(undefined)).toBe('');
    expect(formatValue('x'.repeat(10), 5)).toBe('xxxx…');
  });

  it('groups by kind, organisation first, and counts', () => {
    const changes = [
      change('zones', 'z', 'added'),
      change('assets', 'a', 'removed'),
      change('organisation', 'o', 'changed'),
      change('assets', 'b', 'changed'),
    ];
    const groups = byKind(changes, ['sites', 'zones', 'assets']);
    expect(groups.map(([kind, list]) => [kind, list.map((c) => c.id)])).toEqual([
      ['organisation', ['o']],
      ['zones', ['z']],
      ['assets', ['a', 'b']],
    ]);
    expect(countChanges(changes)).toEqual({ added: 1, removed: 1, changed: 2 });
  });
});
