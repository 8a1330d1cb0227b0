import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { base64offsetModifier } from './base64offset.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['offset 0', "    Data|base64offset|contains: 'http://'", { Data: 'aHR0cDovL3h5eg==' }, true],
  ['offset 1', "    Data|base64offset|contains: 'http://'", { Data: 'eGh0dHA6Ly94eXo=' }, true],
  ['offset 2', "    Data|base64offset|contains: 'http://'", { Data: 'eHlodHRwOi8veHl6' }, true],
  ['absent', "    Data|base64offset|contains: 'http://'", { Data: 'aGVsbG8=' }, false],
];

describe('base64offset modifier', () => {
  it('has bilingual metadata', () => {
    expect(base64offsetModifier.id).toBe('base64offset');
    expect(base64offsetModifier.summary.en.length).toBeGreaterThan(10);
    expect(base64offsetModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('produces the three renderings SigmaHQ writes by hand for wide text', () => {
    const { matcher } = compile("    CommandLine|wide|base64offset|contains: 'Add-MpPreference '");
    for (const needle of [
      'QQBkAGQALQBNAHAAUAByAGUAZgBlAHIAZQBuAGMAZQAgA',
      'EAZABkAC0ATQBwAFAAcgBlAGYAZQByAGUAbgBjAGUAIA',
      'BAGQAZAAtAE0AcABQAHIAZQBmAGUAcgBlAG4AYwBlACAA',
    ]) {
      expect(matcher({ CommandLine: `x${needle}y` })).toBe(true);
    }
  });
});
