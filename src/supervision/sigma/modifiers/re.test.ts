import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { reModifier } from './re.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['matches', "    CommandLine|re: '\\s-e(nc)?\\s'", { CommandLine: 'ps -enc x' }, true],
  ['case-sensitive by default', "    CommandLine|re: 'ENC'", { CommandLine: 'enc' }, false],
  [
    'leading (?i) from other engines',
    "    CommandLine|re: '(?i)ENC'",
    { CommandLine: 'enc' },
    true,
  ],
  ['\\A anchor translated', "    CommandLine|re: '\\Aps'", { CommandLine: 'ps x' }, true],
  [
    '\\A anchor does not match inside',
    "    CommandLine|re: '\\Aps'",
    { CommandLine: 'x ps' },
    false,
  ],
  ['POSIX class', "    Name|re: '^[[:digit:]]+$'", { Name: '123' }, true],
  ['number field', "    EventID|re: '^46\\d\\d$'", { EventID: 4688 }, true],
  ['unanchored search', "    Name|re: 'b'", { Name: 'abc' }, true],
];

describe('re modifier', () => {
  it('has bilingual metadata', () => {
    expect(reModifier.id).toBe('re');
    expect(reModifier.summary.en.length).toBeGreaterThan(10);
    expect(reModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('nested unbounded repetition is refused', () => {
    const { matcher, diagnostics } = compile("    Name|re: '(a+)+$'");
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('exponential');
    expect(matcher({})).toBe(false);
  });

  it('invalid pattern', () => {
    const { matcher, diagnostics } = compile("    Name|re: '(abc'");
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('Invalid regular expression');
    expect(matcher({})).toBe(false);
  });
});
