import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { lteModifier } from './lte.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['equal', '    Size|lte: 5', { Size: 5 }, true],
  ['greater', '    Size|lte: 5', { Size: 6 }, false],
  ['empty text', '    Size|lte: 5', { Size: '' }, false],
];

describe('lte modifier', () => {
  it('has bilingual metadata', () => {
    expect(lteModifier.id).toBe('lte');
    expect(lteModifier.summary.en.length).toBeGreaterThan(10);
    expect(lteModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('needs a number', () => {
    const { matcher, diagnostics } = compile('    Size|lte: abc');
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('needs a number');
    expect(matcher({})).toBe(false);
  });
});
