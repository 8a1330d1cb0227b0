import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { casedModifier } from './cased.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['exact case matches', "    Name|cased: 'CmD'", { Name: 'CmD' }, true],
  ['other case does not', "    Name|cased: 'CmD'", { Name: 'cmd' }, false],
  ['with contains', "    Name|contains|cased: 'Md'", { Name: 'CMd' }, true],
  ['with contains, other case', "    Name|contains|cased: 'Md'", { Name: 'cmd' }, false],
];

describe('cased modifier', () => {
  it('has bilingual metadata', () => {
    expect(casedModifier.id).toBe('cased');
    expect(casedModifier.summary.en.length).toBeGreaterThan(10);
    expect(casedModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
