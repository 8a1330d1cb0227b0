import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODIFIERS_BY_ID, SIGMA_MODIFIERS } from './registry.js';
import { MODIFIER_CATEGORIES, type ModifierState } from './types.js';

const EMPTY: ModifierState = {
  groups: [],
  link: 'or',
  cased: false,
  negate: false,
  isKeyword: false,
};
const ONE_VALUE: ModifierState = {
  ...EMPTY,
  groups: [[{ type: 'string', tokens: ['abc'], raw: 'abc', binary: false }]],
};
const CONTEXT = { placeholders: new Map<string, readonly string[]>() };

/** Every modifier of the specification's appendix (plus the regex sub-modifiers). */
const SPEC_IDS = [
  'all',
  'startswith',
  'endswith',
  'contains',
  'exists',
  'cased',
  'neq',
  'windash',
  're',
  'i',
  'm',
  's',
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'lt',
  'lte',
  'gt',
  'gte',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'cidr',
  'expand',
  'fieldref',
];

describe('modifier registry (contract)', () => {
  it('covers the whole appendix, once each', () => {
    expect([...MODIFIERS_BY_ID.keys()].sort()).toEqual([...SPEC_IDS].sort());
    expect(MODIFIERS_BY_ID.size).toBe(SIGMA_MODIFIERS.length);
  });

  it('has one file and one test file per modifier', () => {
    const files = new Set(readdirSync(import.meta.dirname));
    for (const m of SIGMA_MODIFIERS) {
      const name = m.id.length === 1 ? `re-${m.id}` : m.id;
      expect(files.has(`${name}.ts`), name).toBe(true);
      expect(files.has(`${name}.test.ts`), name).toBe(true);
    }
  });

  it.each(SIGMA_MODIFIERS.map((m) => [m.id, m] as const))(
    '%s: metadata and empty input',
    (id, m) => {
      expect(id).toMatch(/^[a-z][a-z0-9]*$/);
      expect(MODIFIER_CATEGORIES).toContain(m.category);
      expect(m.summary.en.trim()).not.toBe('');
      expect(m.summary.fr.trim()).not.toBe('');
      expect(m.summary.en).not.toBe(m.summary.fr);
      const result = m.apply(EMPTY, CONTEXT);
      if (result.ok) expect(result.state.groups).toEqual([]);
    },
  );

  it.each(SIGMA_MODIFIERS.map((m) => [m.id, m] as const))(
    '%s: deterministic, never throws',
    (_id, m) => {
      const a = m.apply(ONE_VALUE, CONTEXT);
      const b = m.apply(ONE_VALUE, CONTEXT);
      expect(a).toEqual(b);
    },
  );
});
