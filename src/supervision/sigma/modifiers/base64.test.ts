import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { base64Modifier } from './base64.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['whole value encoded', "    Data|base64: 'cmd'", { Data: 'Y21k' }, true],
  ['with contains', "    Data|base64|contains: 'http://'", { Data: 'xx aHR0cDovLw== yy' }, true],
  ['plain text does not match', "    Data|base64: 'cmd'", { Data: 'cmd' }, false],
];

describe('base64 modifier', () => {
  it('has bilingual metadata', () => {
    expect(base64Modifier.id).toBe('base64');
    expect(base64Modifier.summary.en.length).toBeGreaterThan(10);
    expect(base64Modifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('wildcards cannot be encoded', () => {
    const { matcher, diagnostics } = compile("    Data|contains|base64: 'cmd'");
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('cannot encode');
    expect(matcher({})).toBe(false);
  });
});
