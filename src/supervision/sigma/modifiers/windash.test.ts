import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { windashModifier } from './windash.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['dash as written', "    CommandLine|windash|contains: ' -f '", { CommandLine: 'x -f y' }, true],
  ['slash variant', "    CommandLine|windash|contains: ' -f '", { CommandLine: 'x /f y' }, true],
  ['en dash variant', "    CommandLine|contains|windash: ' -f '", { CommandLine: 'x –f y' }, true],
  [
    'em dash and horizontal bar',
    "    CommandLine|contains|windash:\n      - ' -a'\n      - ' -b'",
    { CommandLine: 'x ―b' },
    true,
  ],
  ['other flag', "    CommandLine|windash|contains: ' -f '", { CommandLine: 'x -g y' }, false],
  [
    'dash inside a word is kept',
    "    CommandLine|windash|contains: 'a-b'",
    { CommandLine: 'a/b' },
    false,
  ],
];

describe('windash modifier', () => {
  it('has bilingual metadata', () => {
    expect(windashModifier.id).toBe('windash');
    expect(windashModifier.summary.en.length).toBeGreaterThan(10);
    expect(windashModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
