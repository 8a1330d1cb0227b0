import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import { expandModifier } from './expand.js';

/** Compiles `sel:` (indented YAML lines) as the only search identifier. */
function compile(selection: string, placeholders: Record<string, string[]> = {}) {
  const text = `title: t\nlogsource: {product: test}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
  const parsed = parseSigmaFile(text, 'm.yml');
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') return { matcher: () => false, diagnostics: parsed.diagnostics };
  return compileRule(rule, { placeholders });
}

describe('expand modifier', () => {
  it('has bilingual metadata', () => {
    expect(expandModifier.id).toBe('expand');
    expect(expandModifier.summary.en.length).toBeGreaterThan(10);
    expect(expandModifier.summary.fr.length).toBeGreaterThan(10);
  });

  it('replaces a placeholder with every value of the map (OR)', () => {
    const { matcher, diagnostics } = compile("    User|expand: '%Admins%'", {
      Admins: ['root', 'adm_*'],
    });
    expect(diagnostics).toEqual([]);
    expect(matcher({ User: 'ROOT' })).toBe(true);
    expect(matcher({ User: 'adm_bob' })).toBe(true);
    expect(matcher({ User: 'bob' })).toBe(false);
  });

  it('keeps escaped percent signs and surrounding text', () => {
    const { matcher } = compile("    Path|expand: '\\%plain%name%'", { name: ['x'] });
    expect(matcher({ Path: '%plainx' })).toBe(true);
  });

  it('without expand a placeholder is a literal', () => {
    const { matcher } = compile("    User: '%Admins%'");
    expect(matcher({ User: '%admins%' })).toBe(true);
  });

  it('an unresolved placeholder is an error and the rule never matches', () => {
    const { matcher, diagnostics } = compile("    User|expand: '%Nope%'");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('sigma.compile.item');
    expect(diagnostics[0]?.message.en).toContain('%Nope%');
    expect(diagnostics[0]?.line).toBe(5);
    expect(diagnostics[0]?.column).toBe(5);
    expect(matcher({ User: '%Nope%' })).toBe(false);
  });
});
