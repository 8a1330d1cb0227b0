import { describe, expect, it } from 'vitest';
import { parsePipeline } from './parse.js';

describe('parsePipeline', () => {
  it('reads a valid pipeline with defaults', () => {
    const r = parsePipeline(
      [
        'name: mine',
        'transformations:',
        '  - type: field_name_prefix',
        '    prefix: "winlog.event_data."',
        '    rule_conditions:',
        '      - type: logsource',
        '        product: windows',
      ].join('\n'),
      'p.yml',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.pipeline).toEqual({
      name: 'mine',
      priority: 0,
      transformations: [
        {
          type: 'field_name_prefix',
          prefix: 'winlog.event_data.',
          rule_conditions: [{ type: 'logsource', product: 'windows' }],
        },
      ],
    });
  });

  it('collects every schema problem with its line, column and path', () => {
    const text = [
      'name: bad', //                         1
      'priority: high', //                    2
      'transformations:', //                  3
      '  - type: rename_everything', //       4
      '  - type: field_name_mapping', //      5
      '    mapping:', //                      6
      '      Image: 3', //                    7
      '    colour: blue', //                  8
      '  - type: add_condition', //           9
      '    rule_conditions:', //              10
      '      - type: logsource', //           11
      '        product: [windows]', //        12
    ].join('\n');
    const r = parsePipeline(text, 'bad.yml');
    expect(r.pipeline).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toEqual([
      ['pipeline-invalid', 2, 11, 'priority'],
      ['pipeline-invalid', 4, 11, 'transformations.0.type'],
      ['pipeline-invalid', 5, 5, 'transformations.1'],
      ['pipeline-invalid', 7, 14, 'transformations.1.mapping.Image'],
      ['pipeline-invalid', 9, 5, 'transformations.2.conditions'],
      ['pipeline-invalid', 12, 18, 'transformations.2.rule_conditions.0.product'],
    ]);
    expect(r.diagnostics[2]?.message).toEqual({
      en: 'Unknown key: colour.',
      fr: 'Clé inconnue : colour.',
    });
    expect(r.diagnostics[1]?.message.en).toContain('Unknown transformation type');
    expect(r.diagnostics[1]?.message.fr).toContain('Type de transformation inconnu');
    expect(r.diagnostics.every((d) => d.file === 'bad.yml' && d.severity === 'error')).toBe(true);
  });

  it('reports YAML syntax errors at their line', () => {
    const r = parsePipeline('name: x\ntransformations: [\n  - a: b\n', 's.yml');
    expect(r.pipeline).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]?.code).toBe('pipeline-yaml-syntax');
    expect(r.diagnostics[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing name and an empty document', () => {
    expect(
      parsePipeline('transformations: []\n', 'n.yml').diagnostics.map((d) => [d.path, d.line]),
    ).toEqual([['name', 1]]);
    expect(parsePipeline('', 'e.yml').diagnostics.map((d) => d.code)).toEqual(['pipeline-invalid']);
  });
});
