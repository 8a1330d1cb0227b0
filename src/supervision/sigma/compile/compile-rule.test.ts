import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaRule } from '../rule/types.js';
import type { SigmaEvent } from '../types.js';
import { compileDetection, compileRule, type CompileOptions } from './compile-rule.js';
import { resetEventCache } from './event-access.js';

function ruleOf(detection: string): SigmaRule {
  const parsed = parseSigmaFile(
    `title: t\nlogsource: {product: test}\ndetection:\n${detection}`,
    'c.yml',
  );
  const rule = parsed.documents[0];
  if (rule?.kind !== 'rule') throw new Error(JSON.stringify(parsed.diagnostics));
  return rule;
}

function matcher(detection: string, options: CompileOptions = {}) {
  const compiled = compileRule(ruleOf(detection), options);
  expect(compiled.diagnostics).toEqual([]);
  return compiled.matcher;
}

const SELECTIONS = `  a:\n    A: 1\n  b:\n    B: 1\n  c:\n    C: 1\n  _u:\n    U: 1\n`;

describe('conditions', () => {
  const cases: [string, SigmaEvent, boolean][] = [
    ['a and b', { A: 1, B: 1 }, true],
    ['a and b', { A: 1 }, false],
    ['a or b', { B: 1 }, true],
    ['not a', { B: 1 }, true],
    ['not a', { A: 1 }, false],
    ['a or b and c', { A: 1 }, true],
    ['(a or b) and c', { A: 1 }, false],
    ['not a and b', { B: 1 }, true],
    ['not (a and b)', { A: 1, B: 1 }, false],
    ['1 of them', { C: 1 }, true],
    ['1 of them', { U: 1 }, false],
    ['all of them', { A: 1, B: 1, C: 1 }, true],
    ['all of them', { A: 1, B: 1 }, false],
    ['2 of them', { A: 1, C: 1 }, true],
    ['2 of them', { A: 1, U: 1 }, false],
    ['all of _*', { U: 1 }, true],
    ['1 of _* and not a', { U: 1, A: 1 }, false],
  ];
  it.each(cases)('%s on %j → %s', (condition, event, expected) => {
    expect(matcher(`${SELECTIONS}  condition: ${condition}\n`)(event)).toBe(expected);
  });

  it('a list of conditions is an OR', () => {
    const m = matcher(`${SELECTIONS}  condition:\n    - a\n    - b\n`);
    expect([m({ A: 1 }), m({ B: 1 }), m({ C: 1 })]).toEqual([true, true, false]);
  });
});

describe('search identifiers and values', () => {
  it('a map is an AND, a list of maps an OR, a list of values an OR', () => {
    const m = matcher(`  s:\n    - A: [1, 2]\n      B: x\n    - C: y\n  condition: s\n`);
    expect(m({ A: 2, B: 'X' })).toBe(true);
    expect(m({ A: 3, B: 'x' })).toBe(false);
    expect(m({ C: 'Y' })).toBe(true);
  });

  it('numbers match numbers and their text; strings match numbers by text', () => {
    const m = matcher(`  s:\n    EventID: 4688\n  condition: s\n`);
    expect([m({ EventID: 4688 }), m({ EventID: '4688' }), m({ EventID: 46880 })]).toEqual([
      true,
      true,
      false,
    ]);
    const t = matcher(`  s:\n    EventID: '46*'\n  condition: s\n`);
    expect(t({ EventID: 4688 })).toBe(true);
  });

  it('booleans match booleans and their text', () => {
    const m = matcher(`  s:\n    Signed: false\n  condition: s\n`);
    expect([m({ Signed: false }), m({ Signed: 'FALSE' }), m({ Signed: true }), m({})]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('null matches a missing or null field, not an empty one', () => {
    const m = matcher(`  s:\n    F: null\n  condition: s\n`);
    expect([m({}), m({ F: null }), m({ F: '' }), m({ F: 'x' })]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('empty string matches only an empty value', () => {
    const m = matcher(`  s:\n    F: ''\n  condition: s\n`);
    expect([m({ F: '' }), m({}), m({ F: 'x' })]).toEqual([true, false, false]);
  });

  it('keywords search every value of the event, as substrings, case-insensitively', () => {
    const m = matcher(`  k:\n    - 'event::clear'\n    - 4624\n  condition: k\n`);
    expect(m({ a: 'x', b: 'mimikatz EVENT::Clear' })).toBe(true);
    expect(m({ id: 14624 })).toBe(true);
    expect(m({ a: ['x', 'event::clear'] })).toBe(true);
    expect(m({ a: 'event::drop' })).toBe(false);
  });

  it('a single keyword string is a keyword search', () => {
    const m = matcher(`  k: 'evil'\n  condition: k\n`);
    expect(m({ a: 'very evil' })).toBe(true);
  });

  it('field names fall back to a case-insensitive match, then to nested objects', () => {
    const m = matcher(
      `  s:\n    commandline|contains: 'x'\n    process.name: cmd.exe\n  condition: s\n`,
    );
    expect(m({ CommandLine: 'axb', process: { name: 'CMD.EXE' } })).toBe(true);
    expect(m({ CommandLine: 'axb', 'process.name': 'cmd.exe' })).toBe(true);
    expect(m({ CommandLine: 'ab', 'process.name': 'cmd.exe' })).toBe(false);
  });

  it('inherited object properties are never fields', () => {
    const m = matcher(`  s:\n    constructor|exists: true\n  condition: s\n`);
    expect(m({})).toBe(false);
    expect(m({ constructor: 'x' })).toBe(true);
  });

  it('applies the field mapping at compile time', () => {
    const m = matcher(`  s:\n    Image|endswith: '\\\\cmd.exe'\n  condition: s\n`, {
      fieldMapping: (f) => (f === 'Image' ? 'NewProcessName' : f),
    });
    expect(m({ NewProcessName: 'C:\\Windows\\cmd.exe' })).toBe(true);
    expect(m({ Image: 'C:\\Windows\\cmd.exe' })).toBe(false);
  });

  it('a rule with a compile error never matches and says why, at the item', () => {
    const { matcher: m, diagnostics } = compileRule(
      ruleOf(`  s:\n    A|re: '(x'\n  condition: not s\n`),
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toEqual([
      ['sigma.compile.item', 5, 5, 'detection.s.A|re'],
    ]);
    expect(m({})).toBe(false);
  });

  it('long values are cut for regexes only', () => {
    const long = 'a'.repeat(20_000) + 'needle';
    expect(matcher(`  s:\n    A|re: 'needle'\n  condition: s\n`)({ A: long })).toBe(false);
    expect(matcher(`  s:\n    A|contains: 'needle'\n  condition: s\n`)({ A: long })).toBe(true);
  });

  it('a mutated event is re-read after resetEventCache()', () => {
    const m = matcher(`  s:\n    A|contains: 'needle-in-a-haystack'\n  condition: s\n`);
    const event: Record<string, unknown> = { A: 'xx NEEDLE-IN-A-HAYSTACK xx' };
    expect(m(event)).toBe(true);
    event['A'] = 'xx nothing here at all, really xx';
    resetEventCache();
    expect(m(event)).toBe(false);
  });

  it('prefers the exactly-spelled key when two keys differ only in case', () => {
    const m = matcher(`  s:\n    Image: a\n  condition: s\n`);
    expect(m({ image: 'b', Image: 'a' })).toBe(true);
    expect(m({ IMAGE: 'a' })).toBe(true);
  });
});

describe('specification detection examples', () => {
  const text = readFileSync(
    join(import.meta.dirname, '../../../../test/fixtures/sigma/rules/spec/detection_examples.yml'),
    'utf8',
  );
  const rule = parseSigmaFile(text, 'spec.yml').documents[0] as SigmaRule;
  const only = (i: number) => {
    const condition = rule.detection.conditions[i];
    if (condition === undefined) throw new Error('missing condition');
    return compileDetection({ ...rule.detection, conditions: [condition] }).matcher;
  };
  it.each([
    [0, { Message: 'service EvilService started' }, true],
    [0, { Message: 'svchost.exe -k netsvcs' }, false],
    [1, { Image: 'C:\\x\\example.exe' }, true],
    [1, { Description: 'A Test Executable' }, true],
    [1, { Image: 'C:\\x\\other.exe' }, false],
    [2, { EventLog: 'Security', EventID: 1102 }, true],
    [2, { EventLog: 'Security', EventID: 4624 }, false],
    [
      3,
      {
        EventLog: 'Security',
        EventID: 4769,
        TicketOptions: '0x40810000',
        TicketEncryption: '0x17',
      },
      true,
    ],
    [
      3,
      {
        EventLog: 'Security',
        EventID: 4769,
        TicketOptions: '0x40810000',
        TicketEncryption: '0x12',
      },
      false,
    ],
    [4, { FieldA: 'something', FieldB: '' }, true],
    [4, { FieldA: 'something' }, true],
    [4, { FieldA: 'something', FieldB: 'x' }, false],
    [5, { EventID: 4738, PasswordLastSet: '-' }, true],
    [5, { EventID: 4738 }, false],
    [6, { a: 'Set-OabVirtualDirectory', b: 'x -ExternalUrl https://e' }, true],
    [6, { a: 'Set-OabVirtualDirectory' }, false],
  ])('condition %i on %j → %s', (i, event, expected) => {
    expect(only(i)(event)).toBe(expected);
  });
});

describe('event cache', () => {
  it('sees keys added to the same event object after resetEventCache()', () => {
    const m = matcher(`  s:\n    B: x\n  condition: s\n`);
    const event: Record<string, unknown> = { A: 1 };
    expect(m(event)).toBe(false);
    event['B'] = 'x';
    resetEventCache();
    expect(m(event)).toBe(true);
  });
});
