import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { neqModifier } from './neq.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['different value', "    User|neq: 'admin'", { User: 'bob' }, true],
  ['same value (any case)', "    User|neq: 'admin'", { User: 'ADMIN' }, false],
  ['none of a list', "    User|neq:\n      - 'a'\n      - 'b'", { User: 'b' }, false],
  ['missing field differs', "    User|neq: 'admin'", {}, true],
];

describe('neq modifier', () => {
  it('has bilingual metadata', () => {
    expect(neqModifier.id).toBe('neq');
    expect(neqModifier.summary.en.length).toBeGreaterThan(10);
    expect(neqModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
