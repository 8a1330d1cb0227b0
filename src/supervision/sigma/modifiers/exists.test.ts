import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { existsModifier } from './exists.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['present', '    Pwd|exists: true', { Pwd: 'x' }, true],
  ['present but null', '    Pwd|exists: true', { Pwd: null }, true],
  ['present but empty', '    Pwd|exists: true', { Pwd: '' }, true],
  ['absent', '    Pwd|exists: true', { Other: 1 }, false],
  ['absent wanted', '    Pwd|exists: false', { Other: 1 }, true],
  ['present not wanted', '    Pwd|exists: false', { Pwd: 'x' }, false],
];

describe('exists modifier', () => {
  it('has bilingual metadata', () => {
    expect(existsModifier.id).toBe('exists');
    expect(existsModifier.summary.en.length).toBeGreaterThan(10);
    expect(existsModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('needs a boolean', () => {
    const { matcher, diagnostics } = compile("    Pwd|exists: 'maybe'");
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('does not apply');
    expect(matcher({})).toBe(false);
  });
});
