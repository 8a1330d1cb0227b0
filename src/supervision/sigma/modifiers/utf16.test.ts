import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { utf16Modifier } from './utf16.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['BOM then LE bytes', "    Data|utf16|base64: 'cmd'", { Data: '//5jAG0AZAA=' }, true],
  ['without BOM does not match', "    Data|utf16|base64: 'cmd'", { Data: 'YwBtAGQA' }, false],
];

describe('utf16 modifier', () => {
  it('has bilingual metadata', () => {
    expect(utf16Modifier.id).toBe('utf16');
    expect(utf16Modifier.summary.en.length).toBeGreaterThan(10);
    expect(utf16Modifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
