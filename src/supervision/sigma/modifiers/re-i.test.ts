import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { reIModifier } from './re-i.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['case-insensitive', "    Name|re|i: 'ABC'", { Name: 'xabcx' }, true],
  ['still a regex', "    Name|re|i: 'A.C'", { Name: 'axc' }, true],
  ['no match', "    Name|re|i: 'ABD'", { Name: 'abc' }, false],
];

describe('re-i modifier', () => {
  it('has bilingual metadata', () => {
    expect(reIModifier.id).toBe('i');
    expect(reIModifier.summary.en.length).toBeGreaterThan(10);
    expect(reIModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('must follow re', () => {
    const { matcher, diagnostics } = compile("    Name|i: 'x'");
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('must follow "re"');
    expect(matcher({})).toBe(false);
  });
});
