import { describe, expect, it } from 'vitest';
import { indexById, indexUnique } from './registry.js';

describe('registry indexing', () => {
  const a = { id: 'a', n: 1 };
  const b = { id: 'b', n: 2 };

  it('indexes entries by id, in order', () => {
    const index = indexById([b, a], 'rule');
    expect([...index.keys()]).toEqual(['b', 'a']);
    expect(index.get('a')).toBe(a);
  });

  it('refuses a repeated id, naming the registry and the id', () => {
    expect(() => indexById([a, b, { id: 'a', n: 3 }], 'model check')).toThrow(
      'Duplicate model check id: a',
    );
  });

  it('indexes by any key', () => {
    const handlers = [{ kind: 'analysis' }, { kind: 'document' }, { kind: 'analysis' }];
    expect(() => indexUnique(handlers, (h) => h.kind, 'job handler')).toThrow(
      'Duplicate job handler: analysis',
    );
    expect(indexUnique(handlers.slice(0, 2), (h) => h.kind, 'job handler').size).toBe(2);
  });
});
