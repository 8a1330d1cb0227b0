import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSigmaFile } from './parse-sigma-file.js';

const SPEC = join(import.meta.dirname, '../../../../test/fixtures/sigma/rules/spec');

function brief(text: string) {
  return parseSigmaFile(text, 'r.yml').diagnostics.map((d) => [
    d.code,
    d.severity,
    d.line,
    d.column,
    d.path,
  ]);
}

const HEAD = 'title: T\nlogsource:\n  product: windows\n';

describe('parseSigmaFile: detection rules', () => {
  it('parses metadata and detection', () => {
    const text = `${HEAD}id: 929a690e-bef0-4204-a928-ef5e620d6fcc
level: high
tags: [attack.t1059]
related:
  - id: 08fbc97d-0a2f-491c-ae21-8ffcfd3174e9
    type: derived
falsepositives: Unknown
simulation: custom attribute
detection:
  sel:
    Image|endswith: '\\\\cmd.exe'
    EventID: [1, 2]
  condition: sel
`;
    const { documents, diagnostics } = parseSigmaFile(text, 'r.yml');
    expect(diagnostics).toEqual([]);
    const rule = documents[0];
    expect(rule?.kind).toBe('rule');
    if (rule?.kind !== 'rule') return;
    expect(rule.meta).toMatchObject({
      title: 'T',
      level: 'high',
      tags: ['attack.t1059'],
      falsepositives: ['Unknown'],
      related: [{ id: '08fbc97d-0a2f-491c-ae21-8ffcfd3174e9', type: 'derived' }],
      custom: { simulation: 'custom attribute' },
    });
    expect(rule.logsource).toEqual({ product: 'windows' });
    expect(rule.detection.searches.get('sel')).toEqual({
      kind: 'fields',
      matches: [
        {
          field: 'Image',
          modifiers: ['endswith'],
          values: ['\\\\cmd.exe'],
          location: { file: 'r.yml', line: 14, column: 5, path: 'detection.sel.Image|endswith' },
        },
        {
          field: 'EventID',
          modifiers: [],
          values: [1, 2],
          location: { file: 'r.yml', line: 15, column: 5, path: 'detection.sel.EventID' },
        },
      ],
    });
  });

  it('locates an unknown modifier at its key', () => {
    expect(brief(`${HEAD}detection:\n  sel:\n    Image|endswitch: x\n  condition: sel\n`)).toEqual([
      ['sigma.modifier.unknown', 'error', 6, 5, 'detection.sel.Image|endswitch'],
    ]);
  });

  it('locates an unknown identifier inside the condition (quoted or not)', () => {
    expect(brief(`${HEAD}detection:\n  sel:\n    a: 1\n  condition: sel and not filter\n`)).toEqual(
      [['sigma.condition.unknown-identifier', 'error', 7, 26, 'detection.condition']],
    );
    expect(brief(`${HEAD}detection:\n  sel:\n    a: 1\n  condition: 'sel or nope'\n`)).toEqual([
      ['sigma.condition.unknown-identifier', 'error', 7, 22, 'detection.condition'],
    ]);
  });

  it('reports bad YAML with its position', () => {
    expect(brief(`${HEAD}detection:\n  sel: [a, b\n  condition: sel\n`)[0]?.slice(0, 2)).toEqual([
      'sigma.yaml.syntax',
      'error',
    ]);
    const d = parseSigmaFile('title: a\n  bad: indent\n', 'r.yml').diagnostics[0];
    expect([d?.code, d?.line, d?.column]).toEqual(['sigma.yaml.syntax', 1, 8]);
  });

  it('reports a missing detection and a missing logsource', () => {
    expect(brief('title: T\n')).toEqual([
      ['sigma.rule.missing-logsource', 'error', 1, 1, 'logsource'],
      ['sigma.rule.missing-detection', 'error', 1, 1, 'detection'],
    ]);
  });

  it('collects every problem of a file, not only the first', () => {
    const text = `title: T
level: severe
logsource:
  product: windows
detection:
  sel:
    a|nope: 1
    b|zip: 2
  condition: sel or other
`;
    expect(brief(text)).toEqual([
      ['sigma.rule.invalid-attribute', 'error', 2, 8, 'level'],
      ['sigma.modifier.unknown', 'error', 7, 5, 'detection.sel.a|nope'],
      ['sigma.modifier.unknown', 'error', 8, 5, 'detection.sel.b|zip'],
      ['sigma.condition.unknown-identifier', 'error', 9, 21, 'detection.condition'],
    ]);
  });

  it('warns on format problems and near-miss attribute names, without failing', () => {
    const text = `${HEAD}id: not-a-uuid\ndate: 2023/01/01\nreferences: x\ndescripton: typo\ndetection:\n  sel: [x]\n  condition: sel\n`;
    const { documents, diagnostics } = parseSigmaFile(text, 'r.yml');
    expect(documents).toHaveLength(1);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.path])).toEqual([
      ['sigma.rule.format', 'warning', 4, 'id'],
      ['sigma.rule.format', 'warning', 5, 'date'],
      ['sigma.rule.unknown-attribute', 'warning', 7, 'descripton'],
    ]);
    expect(diagnostics[2]?.message.fr).toContain('description');
  });

  it('rejects a detection value that is a map under a field', () => {
    expect(brief(`${HEAD}detection:\n  sel:\n    a:\n      b: 1\n  condition: sel\n`)).toEqual([
      ['sigma.detection.bad-value', 'error', 7, 7, 'detection.sel.a'],
    ]);
  });

  it('never throws on garbage', () => {
    for (const text of [
      '',
      '---\n---\n',
      '[1, 2]',
      'a: *x',
      '\u0000\u0001',
      'title: [',
      'x: &a [*a]',
    ]) {
      const r = parseSigmaFile(text, 'g.yml');
      expect(r.documents).toEqual([]);
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('parseSigmaFile: specification examples', () => {
  it('parses the multi-document correlation example', () => {
    const text = readFileSync(join(SPEC, 'correlation_failed_logins_then_success.yml'), 'utf8');
    const { documents, diagnostics } = parseSigmaFile(text, 'c.yml');
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.kind)).toEqual(['correlation', 'correlation', 'rule', 'rule']);
    const [ordered, count] = documents;
    expect(ordered).toMatchObject({
      type: 'temporal_ordered',
      rules: ['multiple_failed_login', 'successful_login'],
      groupBy: ['User'],
      timespan: '10m',
      timespanMs: 600_000,
      condition: { gte: 2 },
      generate: false,
      aliases: {},
      meta: { author: 'Florian Roth (Nextron Systems)', level: 'high' },
    });
    expect(count).toMatchObject({
      type: 'event_count',
      rules: ['failed_login'],
      condition: { gte: 10 },
    });
    expect(documents[2]?.meta.name).toBe('failed_login');
  });

  it('parses the filter example', () => {
    const text = readFileSync(join(SPEC, 'filter_administrator_account.yml'), 'utf8');
    const { documents, diagnostics } = parseSigmaFile(text, 'f.yml');
    expect(diagnostics).toEqual([]);
    expect(documents[0]).toMatchObject({
      kind: 'filter',
      rules: ['6f3e2987-db24-4c78-a860-b4f4095a7095', 'df0841c0-9846-4e9f-ad8a-7df91571771b'],
      logsource: { category: 'process_creation', product: 'windows' },
    });
  });
});

describe('parseSigmaFile: correlation rules', () => {
  const base = (body: string) => `title: C\ncorrelation:\n${body}`;

  it('parses value_count with field, aliases and generate', () => {
    const { documents, diagnostics } = parseSigmaFile(
      base(
        '  type: value_count\n  rules: [a]\n  group-by: [Host]\n  timespan: 1d\n  condition:\n    field: User\n    gte: 100\n    lt: 200\n  aliases:\n    ip:\n      a: src\ngenerate: true\n',
      ),
      'c.yml',
    );
    expect(diagnostics).toEqual([]);
    expect(documents[0]).toMatchObject({
      type: 'value_count',
      timespanMs: 86_400_000,
      condition: { field: ['User'], gte: 100, lt: 200 },
      aliases: { ip: { a: 'src' } },
      generate: true,
    });
  });

  it.each([
    [
      '  type: event_count\n  rules: [a]\n  timespan: 5x\n  condition: {gte: 1}\n',
      'sigma.correlation.bad-timespan',
      5,
    ],
    [
      '  type: value_sum\n  rules: [a]\n  timespan: 5m\n  condition: {gte: 1}\n',
      'sigma.correlation.missing-field',
      6,
    ],
    [
      '  type: event_count\n  rules: [a]\n  timespan: 5m\n',
      'sigma.correlation.missing-condition',
      3,
    ],
    ['  type: counting\n  rules: [a]\n  timespan: 5m\n', 'sigma.correlation.invalid', 3],
    [
      '  type: event_count\n  rules: [a]\n  timespan: 5m\n  condition: {field: x}\n',
      'sigma.correlation.invalid',
      6,
    ],
  ])('reports %j as %s on line %i', (body, code, line) => {
    const { documents, diagnostics } = parseSigmaFile(base(body), 'c.yml');
    expect(documents).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([[code, line]]);
  });
});
