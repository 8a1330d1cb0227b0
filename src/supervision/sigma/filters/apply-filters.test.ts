import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaFilter, SigmaRule } from '../rule/types.js';
import { applyFilters } from './apply-filters.js';

function rule(id: string, category = 'process_creation'): SigmaRule {
  const text = `title: Rar\nid: ${id}\nname: rar_use\nlogsource:\n  category: ${category}\n  product: windows\ndetection:\n  sel:\n    Image|endswith: '\\\\rar.exe'\n  condition: sel\n`;
  return parseSigmaFile(text, 'r.yml').documents[0] as SigmaRule;
}

const FILTER = parseSigmaFile(
  readFileSync(
    join(
      import.meta.dirname,
      '../../../../test/fixtures/sigma/rules/spec/filter_administrator_account.yml',
    ),
    'utf8',
  ),
  'filter.yml',
).documents[0] as SigmaFilter;

const compiled = (r: SigmaRule) => ({ rule: r, matcher: compileRule(r).matcher, extra: 1 });

describe('applyFilters (specification example)', () => {
  it('excludes events the filter matches from the named rules only', () => {
    const named = compiled(rule('6f3e2987-db24-4c78-a860-b4f4095a7095'));
    const other = compiled(rule('11111111-2222-4333-8444-555555555555'));
    const { rules, diagnostics } = applyFilters([named, other], [FILTER]);
    const [filtered, untouched] = rules;
    expect(untouched).toBe(other);
    expect(filtered?.extra).toBe(1);
    expect(filtered?.matcher({ Image: 'C:\\rar.exe', User: 'adm_alice' })).toBe(false);
    expect(filtered?.matcher({ Image: 'C:\\rar.exe', User: 'bob' })).toBe(true);
    expect(filtered?.matcher({ Image: 'C:\\zip.exe', User: 'bob' })).toBe(false);
    expect(diagnostics.map((d) => [d.code, d.message.en])).toEqual([
      [
        'sigma.filter.unknown-rule',
        'The filter "Filter Administrator account" names "df0841c0-9846-4e9f-ad8a-7df91571771b", which no loaded rule has as id or name.',
      ],
    ]);
  });

  it('also finds rules by name', () => {
    const byName = { ...FILTER, rules: ['rar_use'] };
    const { rules } = applyFilters(
      [compiled(rule('6f3e2987-db24-4c78-a860-b4f4095a7095'))],
      [byName],
    );
    expect(rules[0]?.matcher({ Image: 'rar.exe', User: 'adm_x' })).toBe(false);
  });

  it('does not apply to a rule of another log source', () => {
    const r = compiled(rule('6f3e2987-db24-4c78-a860-b4f4095a7095', 'file_event'));
    const { rules } = applyFilters([r], [FILTER]);
    expect(rules[0]).toBe(r);
  });

  it('reports a filter without rules', () => {
    const { documents, diagnostics } = parseSigmaFile(
      'title: F\nlogsource: {product: windows}\nfilter:\n  sel:\n    a: 1\n  condition: sel\n',
      'f.yml',
    );
    expect(documents).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['sigma.filter.no-rules', 4, 3],
    ]);
  });
});
