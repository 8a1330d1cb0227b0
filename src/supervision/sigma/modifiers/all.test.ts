import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { allModifier } from './all.js';

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
    'every value present',
    "    CommandLine|contains|all:\n      - '-a'\n      - '-b'",
    { CommandLine: 'x -b -a' },
    true,
  ],
  [
    'one value missing',
    "    CommandLine|contains|all:\n      - '-a'\n      - '-b'",
    { CommandLine: 'x -a' },
    false,
  ],
  [
    'keywords with all',
    "  # keywords\n    '|all':\n      - 'Oab'\n      - 'Url'",
    { a: 'OabVirtualDirectory', b: 'ExternalUrl' },
    true,
  ],
  [
    'keywords with all, one missing',
    "    '|all':\n      - 'Oab'\n      - 'Nope'",
    { a: 'OabVirtualDirectory' },
    false,
  ],
];

describe('all modifier', () => {
  it('has bilingual metadata', () => {
    expect(allModifier.id).toBe('all');
    expect(allModifier.summary.en.length).toBeGreaterThan(10);
    expect(allModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
