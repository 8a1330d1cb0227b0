import { describe, expect, it } from 'vitest';
import { fieldDiff, valueText } from './field-diff';

describe('fieldDiff', () => {
  it('lists only the changed fields, by name, with old and new values', () => {
    expect(
      fieldDiff(
        { role: 'viewer', email: 'a@x.org', tags: ['a'] },
        { role: 'analyst', email: 'a@x.org', tags: ['a'] },
      ),
    ).toEqual([{ path: 'role', kind: 'changed', before: 'viewer', after: 'analyst' }]);
  });

  it('names nested fields with dotted paths and compares lists whole', () => {
    expect(
      fieldDiff(
        { decision: { owner: 'Bob', review: '2026-01-01' }, tags: ['a', 'b'] },
        { decision: { owner: 'Carol', review: '2026-01-01' }, tags: ['a'] },
      ),
    ).toEqual([
      { path: 'decision.owner', kind: 'changed', before: 'Bob', after: 'Carol' },
      { path: 'tags', kind: 'changed', before: ['a', 'b'], after: ['a'] },
    ]);
  });

  it('marks added and removed fields, and a created or deleted state field by field', () => {
    expect(fieldDiff({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', kind: 'removed', before: 1, after: undefined },
      { path: 'b', kind: 'added', before: undefined, after: 2 },
    ]);
    expect(fieldDiff(null, { email: 'e', role: 'viewer' })).toEqual([
      { path: 'email', kind: 'added', before: undefined, after: 'e' },
      { path: 'role', kind: 'added', before: undefined, after: 'viewer' },
    ]);
    expect(fieldDiff({ role: 'owner' }, null)).toEqual([
      { path: 'role', kind: 'removed', before: 'owner', after: undefined },
    ]);
  });

  it('handles scalar states and identical states', () => {
    expect(fieldDiff(1, 2)).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
    expect(fieldDiff({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
    expect(fieldDiff(null, null)).toEqual([]);
  });

  it('shows values as short text', () => {
    expect(valueText('x')).toBe('x');
    expect(valueText(null)).toBe('—');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText('y'.repeat(300), 10)).toBe(`${'y'.repeat(9)}…`);
  });
});
