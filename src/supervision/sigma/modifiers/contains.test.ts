import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { containsModifier } from './contains.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  [
    'substring, any case',
    "    CommandLine|contains: 'ENC'",
    { CommandLine: 'powershell -enc abc' },
    true,
  ],
  [
    'absent substring',
    "    CommandLine|contains: 'ENC'",
    { CommandLine: 'powershell -nop' },
    false,
  ],
  [
    'list is OR',
    "    CommandLine|contains:\n      - 'x1'\n      - 'nop'",
    { CommandLine: 'powershell -nop' },
    true,
  ],
  [
    'inner wildcard kept',
    "    CommandLine|contains: 'power*nop'",
    { CommandLine: 'a powershell -nop b' },
    true,
  ],
  ['number value as text', '    Port|contains: 44', { Port: 443 }, true],
  ['missing field', "    CommandLine|contains: 'a'", {}, false],
  ['array field: any element', "    Tags|contains: 'evil'", { Tags: ['ok', 'very-evil'] }, true],
];

describe('contains modifier', () => {
  it('has bilingual metadata', () => {
    expect(containsModifier.id).toBe('contains');
    expect(containsModifier.summary.en.length).toBeGreaterThan(10);
    expect(containsModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
