import { describe, expect, it } from 'vitest';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import { compileRule } from './compile-rule.js';
import { andGuards, guardCost, orGuards, type Guard } from './guard.js';

function guardOf(detection: string): Guard | undefined {
  const parsed = parseSigmaFile(
    `title: t\nlogsource: {product: test}\ndetection:\n${detection}`,
    'g.yml',
  );
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') throw new Error(JSON.stringify(parsed.diagnostics));
  const compiled = compileRule(rule);
  expect(compiled.diagnostics).toEqual([]);
  return compiled.guard;
}

const summary = (guard: Guard | undefined) =>
  guard?.map((c) => `${c.field} ${c.kind} ${[...c.needles].sort().join(',')}`).sort();

describe('literal guards derived from rules', () => {
  it('takes one clause per pattern kind of a positive, case-insensitive item', () => {
    expect(
      summary(
        guardOf(
          "  sel:\n    Image|endswith: ['\\\\CMD.exe', '\\\\pwsh.exe']\n    CommandLine|contains: ' -enc '\n  condition: sel",
        ),
      ),
    ).toEqual(['Image suffix \\cmd.exe,\\pwsh.exe']);
    expect(
      summary(guardOf("  sel:\n    Image: ['a*', '*b', 'c', '*d*']\n  condition: sel")),
    ).toEqual(['Image contains d', 'Image exact c', 'Image prefix a', 'Image suffix b']);
  });

  it('keeps the union over OR and `1 of`, and the most selective operand of AND', () => {
    const or = guardOf(
      "  a:\n    Image|endswith: '\\\\x.exe'\n  b:\n    ParentImage|endswith: '\\\\y.exe'\n  condition: a or b",
    );
    expect(summary(or)).toEqual(['Image suffix \\x.exe', 'ParentImage suffix \\y.exe']);
    const oneOf = guardOf(
      "  sel_a:\n    Image|endswith: '\\\\x.exe'\n  sel_b:\n    Image|startswith: 'c:\\\\temp\\\\'\n  condition: 1 of sel_*",
    );
    expect(summary(oneOf)).toEqual(['Image prefix c:\\temp\\', 'Image suffix \\x.exe']);
    const and = guardOf(
      "  a:\n    EventID: '1'\n  b:\n    TargetImage|endswith: '\\\\lsass.exe'\n  condition: a and b",
    );
    expect(summary(and)).toEqual(['TargetImage suffix \\lsass.exe']);
  });

  it('derives no guard where a literal is not necessary', () => {
    const none = [
      "  sel:\n    Image|endswith: 'x'\n  condition: not sel",
      "  a:\n    Image|endswith: '\\\\x.exe'\n  b:\n    Other|re: 'y+'\n  condition: a or b",
      "  sel:\n    Image|cased: 'X.exe'\n  condition: sel",
      "  sel:\n    Image|re: 'x.*'\n  condition: sel",
      '  sel:\n    Image: null\n  condition: sel',
      "  sel:\n    Image: ['a', null]\n  condition: sel",
      '  sel:\n    LogonType: 3\n  condition: sel',
      "  sel:\n    - 'mimikatz'\n  condition: sel",
      '  sel:\n    Image|exists: true\n  condition: sel',
      "  sel:\n    Image: 'a?c'\n  condition: sel",
      "  sel:\n    Image|contains: 'x'\n  filter:\n    Image: 'y'\n  condition: not filter",
    ];
    for (const detection of none) expect(guardOf(detection), detection).toBeUndefined();
  });

  it('follows modifiers that expand values, and `all` (each group is necessary)', () => {
    expect(
      summary(guardOf("  sel:\n    CommandLine|windash|contains: '-f'\n  condition: sel")),
    ).toEqual(['CommandLine contains -f,/f,–f,—f,―f']);
    const all = summary(
      guardOf("  sel:\n    CommandLine|contains|all: ['reg', 'add']\n  condition: sel"),
    );
    expect(all).toHaveLength(1);
    expect(['CommandLine contains reg', 'CommandLine contains add']).toContain(all?.[0]);
  });

  it('ranks clauses on weak fields and short needles as less selective', () => {
    const weak: Guard = [{ field: 'EventID', kind: 'exact', needles: ['4688'] }];
    const strong: Guard = [{ field: 'Image', kind: 'suffix', needles: ['\\cmd.exe'] }];
    const short: Guard = [{ field: 'Image', kind: 'contains', needles: ['a'] }];
    expect(guardCost(strong)).toBeLessThan(guardCost(weak));
    expect(guardCost(strong)).toBeLessThan(guardCost(short));
    expect(andGuards([weak, undefined, strong])).toBe(strong);
    expect(andGuards([undefined])).toBeUndefined();
    expect(orGuards([weak, strong])).toEqual([...weak, ...strong]);
    expect(orGuards([weak, undefined])).toBeUndefined();
    expect(orGuards([])).toBeUndefined();
  });
});
