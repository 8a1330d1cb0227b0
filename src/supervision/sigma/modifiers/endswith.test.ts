import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { endswithModifier } from './endswith.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['suffix', "    Image|endswith: '\\cmd.exe'", { Image: 'C:\\Windows\\System32\\CMD.EXE' }, true],
  ['not a suffix', "    Image|endswith: '\\cmd.exe'", { Image: 'C:\\cmd.exe.bak' }, false],
  ['escaped star is literal', "    Name|endswith: '\\*'", { Name: 'a*' }, true],
  ['escaped star does not act as wildcard', "    Name|endswith: 'x\\*'", { Name: 'xyz' }, false],
];

describe('endswith modifier', () => {
  it('has bilingual metadata', () => {
    expect(endswithModifier.id).toBe('endswith');
    expect(endswithModifier.summary.en.length).toBeGreaterThan(10);
    expect(endswithModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });
});
