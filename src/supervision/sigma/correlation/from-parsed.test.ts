import { describe, expect, it } from 'vitest';
import type { SigmaCorrelation, SigmaMeta } from '../rule/types.js';
import { toCorrelationDefinition } from './from-parsed.js';

const meta: SigmaMeta = {
  title: 'Many failed logins',
  id: '0e95725d-7320-415d-80f7-004da920fc11',
  name: 'many_failed',
  author: 'Someone',
  level: 'high',
  references: [],
  tags: ['attack.t1110'],
  falsepositives: [],
  fields: [],
  related: [],
  scope: [],
  custom: {},
};

function parsed(condition: SigmaCorrelation['condition']): SigmaCorrelation {
  return {
    kind: 'correlation',
    meta,
    type: 'value_count',
    rules: ['failed_login'],
    groupBy: ['ComputerName'],
    timespan: '1h',
    timespanMs: 3_600_000,
    condition,
    aliases: {},
    generate: false,
    location: { file: 'mr.yml', line: 3, column: 1, path: 'correlation' },
  };
}

describe('toCorrelationDefinition', () => {
  it('keeps what the engine needs', () => {
    expect(toCorrelationDefinition(parsed({ gte: 100, field: ['User'] }))).toEqual({
      id: '0e95725d-7320-415d-80f7-004da920fc11',
      name: 'many_failed',
      title: 'Many failed logins',
      type: 'value_count',
      rules: ['failed_login'],
      groupBy: ['ComputerName'],
      timespanMs: 3_600_000,
      condition: { gte: 100, field: 'User' },
      aliases: {},
      generate: false,
      level: 'high',
      tags: ['attack.t1110'],
      author: 'Someone',
      source: { file: 'mr.yml', line: 3, column: 1 },
    });
  });

  it('keeps several fields as a list and every operator', () => {
    const def = toCorrelationDefinition(
      parsed({
        gt: 1,
        gte: 2,
        lt: 9,
        lte: 8,
        eq: 5,
        neq: 4,
        field: ['User', 'Domain'],
        percentile: 95,
      }),
    );
    expect(def.condition).toEqual({
      gt: 1,
      gte: 2,
      lt: 9,
      lte: 8,
      eq: 5,
      neq: 4,
      field: ['User', 'Domain'],
      percentile: 95,
    });
  });
});
