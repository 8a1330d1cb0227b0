import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaEvent } from '../types.js';
import { cidrModifier } from './cidr.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

const CASES: readonly (readonly [string, string, SigmaEvent, boolean])[] = [
  ['IPv4 inside', "    Ip|cidr: '10.0.0.0/8'", { Ip: '10.20.30.40' }, true],
  ['IPv4 outside', "    Ip|cidr: '10.0.0.0/8'", { Ip: '11.0.0.1' }, false],
  ['IPv4 /32', "    Ip|cidr: '192.168.1.1/32'", { Ip: '192.168.1.1' }, true],
  ['IPv6 inside', "    Ip|cidr: 'fe80::/10'", { Ip: 'FE80::1:2' }, true],
  ['IPv6 outside', "    Ip|cidr: 'fe80::/10'", { Ip: 'fec0::1' }, false],
  ['IPv4-mapped IPv6 against IPv4', "    Ip|cidr: '127.0.0.0/8'", { Ip: '::ffff:127.0.0.1' }, true],
  ['not an address', "    Ip|cidr: '10.0.0.0/8'", { Ip: '10.0.0' }, false],
];

describe('cidr modifier', () => {
  it('has bilingual metadata', () => {
    expect(cidrModifier.id).toBe('cidr');
    expect(cidrModifier.summary.en.length).toBeGreaterThan(10);
    expect(cidrModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it.each(CASES)('%s', (_name, selection, event, expected) => {
    const { matcher, diagnostics } = compile(selection);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(matcher(event)).toBe(expected);
  });

  it('invalid network', () => {
    const { matcher, diagnostics } = compile("    Ip|cidr: '10.0.0.0/33'");
    expect(diagnostics.map((d) => d.message.en).join(' ')).toContain('not an IPv4 or IPv6 network');
    expect(matcher({})).toBe(false);
  });
});
