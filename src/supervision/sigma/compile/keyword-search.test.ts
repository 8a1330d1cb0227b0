import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { compileRule } from './compile-rule.js';
import { joinedLowerOf } from './event-access.js';

function keywords(list: readonly string[]): (event: SigmaEvent) => boolean {
  const body = list.map((k) => `    - '${k}'`).join('\n');
  const parsed = parseSigmaFile(
    `title: t\nlogsource: {product: test}\ndetection:\n  keywords:\n${body}\n  condition: keywords\n`,
    'k.yml',
  );
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') throw new Error(JSON.stringify(parsed.diagnostics));
  const compiled = compileRule(rule);
  expect(compiled.diagnostics).toEqual([]);
  return compiled.matcher;
}

/** The reference: some scalar value (list elements included) contains some keyword. */
function naive(list: readonly string[], event: SigmaEvent): boolean {
  const texts: string[] = [];
  const add = (raw: unknown): void => {
    if (typeof raw === 'string') texts.push(raw.toLowerCase());
    else if (typeof raw === 'number' || typeof raw === 'boolean') texts.push(String(raw));
    else if (Array.isArray(raw)) for (const e of raw) add(e);
  };
  for (const value of Object.values(event)) add(value);
  return texts.some((t) => list.some((k) => t.includes(k.toLowerCase())));
}

const MANY = [
  'mimikatz',
  'sekurlsa::',
  'kerberos::golden',
  'Dpapi',
  'lsadump',
  'a.b',
  'x|y',
  '(z)',
];

describe('keyword searches over the joined values of an event', () => {
  it('matches inside one value, never across two values', () => {
    const few = keywords(['ab']);
    const many = keywords(MANY);
    expect(few({ A: 'xa', B: 'bx' })).toBe(false);
    expect(few({ A: 'xAB' })).toBe(true);
    expect(many({ A: 'mimi', B: 'katz' })).toBe(false);
    expect(many({ A: 'run SEKURLSA::logonpasswords' })).toBe(true);
    expect(many({ A: 'axb', B: 'x' })).toBe(false);
    expect(many({ A: 'a.b' })).toBe(true);
    expect(many({ A: ['n', 'X|Y'] })).toBe(true);
    expect(many({ A: { nested: 'mimikatz' } })).toBe(false);
    expect(many({})).toBe(false);
    expect(joinedLowerOf({ A: 'X', B: [1, true], C: null, D: { e: 'f' } })).toBe(
      'x\u00001\u0000true',
    );
    expect(joinedLowerOf({ A: null })).toBeUndefined();
  });

  it('agrees with a per-value search on random events', () => {
    const many = keywords(MANY);
    const few = keywords(['ab', 'kiwi']);
    const scalar = fc.oneof(
      fc.constantFrom('mimikatz', 'MimiKatz', 'a.b', 'X|Y', '(Z)', 'kiwi', 'ab', 'a', 'b', ''),
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.record({ k: scalar }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), value), (event) => {
        expect(many(event)).toBe(naive(MANY, event));
        expect(few(event)).toBe(naive(['ab', 'kiwi'], event));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
