import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { ltModifier } from './lt.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['less', '    Size|lt: 5', { Size: 4 }, true],
  ['equal', '    Size|lt: 5', { Size: 5 }, false],
  ['negative', '    Size|lt: 0', { Size: -1 }, true],
];

describe('lt modifier', () => {
  it('has bilingual metadata', () => {
    expect(ltModifier.id).toBe('lt');
    expect(ltModifier.summary.en.length).toBeGreaterThan(10);
    expect(ltModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('needs a number', () => {
    const { matcher, diagnostics } = compile('    Size|lt: abc');
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('needs a number');
    expect(matcher({})).toBe(false);
  });
});
