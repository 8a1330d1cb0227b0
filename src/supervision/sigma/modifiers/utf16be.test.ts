import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { utf16beModifier } from './utf16be.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['BE bytes', "    Data|utf16be|base64: 'cmd'", { Data: 'AGMAbQBk' }, true],
  ['not LE', "    Data|utf16be|base64: 'cmd'", { Data: 'YwBtAGQA' }, false],
];

describe('utf16be modifier', () => {
  it('has bilingual metadata', () => {
    expect(utf16beModifier.id).toBe('utf16be');
    expect(utf16beModifier.summary.en.length).toBeGreaterThan(10);
    expect(utf16beModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
