import { describe, expect, it } from 'vitest';
import { createCorrelator } from './correlator.js';
import { definition } from './test-support.js';
import { validateDefinitions } from './validate.js';
import type { CorrelationDefinition } from './types.js';

function codes(defs: readonly CorrelationDefinition[]): string[] {
  return validateDefinitions(defs).diagnostics.map((d) => d.code);
}

describe('validateDefinitions', () => {
  it('accepts well-formed definitions of every type', () => {
    const defs = [
      definition({ id: '1', type: 'event_count', rules: ['r'], condition: { gte: 1 } }),
      definition({
        id: '2',
        type: 'value_count',
        rules: ['r'],
        condition: { gte: 1, field: ['a', 'b'] },
      }),
      definition({ id: '3', type: 'temporal', rules: ['r', 's'] }),
      definition({ id: '4', type: 'temporal_ordered', rules: ['r', 's'] }),
      definition({ id: '5', type: 'value_sum', rules: ['r'], condition: { gt: 1, field: 'n' } }),
      definition({ id: '6', type: 'value_avg', rules: ['r'], condition: { gt: 1, field: 'n' } }),
      definition({
        id: '7',
        type: 'value_percentile',
        rules: ['r'],
        condition: { gt: 1, field: 'n', percentile: 0 },
      }),
    ];
    const result = validateDefinitions(defs);
    expect(result.diagnostics).toEqual([]);
    expect(
      result.valid.map((v) => [v.def.id, v.valueFields, v.percentile, v.condition.text]),
    ).toEqual([
      ['1', [], 50, 'gte 1'],
      ['2', ['a', 'b'], 50, 'gte 1'],
      ['3', [], 50, 'gte 2'],
      ['4', [], 50, 'gte 2'],
      ['5', ['n'], 50, 'gt 1'],
      ['6', ['n'], 50, 'gt 1'],
      ['7', ['n'], 0, 'gt 1'],
    ]);
  });

  it('reports every problem of a definition, with its location, in both languages', () => {
    const bad = {
      title: 'Broken',
      type: 'event_sum',
      rules: [],
      groupBy: 'User',
      timespanMs: Number.NaN,
      condition: { gte: '5', percentile: 120 },
      aliases: { user: 'TargetUserName' },
      generate: false,
      source: { file: 'mr.yml', line: 4, column: 3 },
    } as unknown as CorrelationDefinition;
    const { diagnostics, valid } = validateDefinitions([bad]);
    expect(valid).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.path, d.file, d.line, d.column])).toEqual([
      ['correlation-type-unknown', 'correlation.type', 'mr.yml', 4, 3],
      ['correlation-rules-empty', 'correlation.rules', 'mr.yml', 4, 3],
      ['correlation-group-by-invalid', 'correlation.group-by', 'mr.yml', 4, 3],
      ['correlation-timespan-invalid', 'correlation.timespan', 'mr.yml', 4, 3],
      ['correlation-alias-invalid', 'correlation.aliases', 'mr.yml', 4, 3],
      ['correlation-condition-value-invalid', 'correlation.condition.gte', 'mr.yml', 4, 3],
      ['correlation-percentile-invalid', 'correlation.condition.percentile', 'mr.yml', 4, 3],
    ]);
    expect(diagnostics[0]?.message.en).toContain('"event_sum"');
    expect(diagnostics[0]?.message.fr).toContain('« event_sum »');
  });

  it('requires an operator except for temporal types, and a field for value types', () => {
    expect(codes([definition({ type: 'event_count', rules: ['r'] })])).toEqual([
      'correlation-condition-missing',
    ]);
    expect(codes([definition({ type: 'value_sum', rules: ['r'], condition: { gt: 1 } })])).toEqual([
      'correlation-field-missing',
    ]);
    expect(
      codes([
        definition({ type: 'value_avg', rules: ['r'], condition: { gt: 1, field: ['a', 'b'] } }),
      ]),
    ).toEqual(['correlation-field-list-unsupported']);
    expect(
      codes([definition({ type: 'temporal', rules: ['r'], condition: undefined as never })]),
    ).toEqual([]);
    expect(
      codes([definition({ type: 'event_count', rules: ['r'], condition: 'gte 3' as never })]),
    ).toEqual(['correlation-condition-missing']);
  });

  it('rejects a reused id or name and disables the later definition', () => {
    const first = definition({ id: 'x', name: 'n', type: 'temporal', rules: ['r'] });
    const second = definition({ id: 'y', name: 'n', type: 'temporal', rules: ['r'] });
    const result = validateDefinitions([first, second]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['correlation-duplicate-reference']);
    expect(result.valid.map((v) => v.def.id)).toEqual(['x']);
  });

  it('rejects chains that loop back, and keeps the rest', () => {
    const a = definition({ id: 'a', type: 'temporal', rules: ['b', 'base'] });
    const b = definition({ id: 'b', name: 'bee', type: 'temporal', rules: ['a'] });
    const c = definition({ id: 'c', type: 'temporal', rules: ['c'] });
    const d = definition({ id: 'd', type: 'temporal', rules: ['bee'] });
    const result = validateDefinitions([a, b, c, d]);
    expect(result.diagnostics.map((x) => [x.code, x.message.en])).toEqual([
      [
        'correlation-cycle',
        'Correlation "Test correlation" refers to itself through a chain of correlations.',
      ],
      [
        'correlation-cycle',
        'Correlation "Test correlation" refers to itself through a chain of correlations.',
      ],
      [
        'correlation-cycle',
        'Correlation "Test correlation" refers to itself through a chain of correlations.',
      ],
    ]);
    expect(result.valid.map((v) => v.def.id)).toEqual(['d']);
  });

  it('never throws from createCorrelator on bad definitions', () => {
    const correlator = createCorrelator([null as unknown as CorrelationDefinition]);
    expect(correlator.flush()).toEqual([]);
    expect(correlator.diagnostics().map((d) => d.code)).toEqual(['correlation-invalid']);
    const broken = createCorrelator([{ title: 'x' } as unknown as CorrelationDefinition]);
    expect(broken.diagnostics().map((d) => d.code)).toEqual([
      'correlation-type-unknown',
      'correlation-rules-empty',
      'correlation-group-by-invalid',
      'correlation-timespan-invalid',
      'correlation-condition-missing',
    ]);
  });
});
