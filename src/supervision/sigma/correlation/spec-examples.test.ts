/**
 * The correlation examples of the Sigma correlation specification v2.1.0 (public domain),
 * copied as data, run on hand-made detections.
 */
import { describe, expect, it } from 'vitest';
import { parseTimespan } from './timespan.js';
import { brief, run } from './test-support.js';
import type { CorrelationDefinition, CorrelationType, DetectionInput } from './types.js';

interface SpecCorrelation {
  title?: string;
  id?: string;
  name?: string;
  level?: 'high';
  correlation: {
    type: CorrelationType;
    rules: string[];
    'group-by': string[];
    timespan: string;
    condition?: Record<string, number | string>;
    aliases?: Record<string, Record<string, string>>;
    generate?: boolean;
  };
}

const EXAMPLES = {
  manyFailedLogins: {
    title: 'Many failed logins',
    id: '0e95725d-7320-415d-80f7-004da920fc11',
    correlation: {
      type: 'event_count',
      rules: ['5638f7c0-ac70-491d-8465-2a65075e0d86'],
      'group-by': ['ComputerName'],
      timespan: '1h',
      condition: { gte: 100 },
    },
  },
  failedLoginUsers: {
    title: 'Failed login',
    id: '0e95725d-7320-415d-80f7-004da920fc12',
    correlation: {
      type: 'value_count',
      rules: ['5638f7c0-ac70-491d-8465-2a65075e0d86'],
      'group-by': ['ComputerName', 'WorkstationName'],
      timespan: '1d',
      condition: { field: 'User', gte: 100 },
    },
  },
  recon: {
    correlation: {
      type: 'temporal',
      rules: ['recon_cmd_a', 'recon_cmd_b', 'recon_cmd_c'],
      'group-by': ['ComputerName', 'User'],
      timespan: '5m',
    },
  },
  exfiltration: {
    title: 'Possible Exfiltration to Website',
    correlation: {
      type: 'value_sum',
      rules: ['website_access'],
      'group-by': ['SourceIP', 'User'],
      timespan: '1h',
      condition: { field: 'bytes_sent', gt: 1000000 },
    },
  },
  averageTraffic: {
    title: 'Suspicious average network traffic',
    correlation: {
      type: 'value_avg',
      rules: ['rule_a_id'],
      'group-by': ['SourceIP', 'User'],
      timespan: '24h',
      condition: { field: 'BytesOut', gt: 500 },
    },
  },
  rareProcess: {
    title: 'A computer spawned a processes name in the last 24h than 1% of all the processes.',
    correlation: {
      type: 'value_percentile',
      rules: ['process_creation'],
      'group-by': ['ComputerName'],
      timespan: '24h',
      condition: { field: 'image', lte: 1 },
    },
  },
  aliases: {
    title: '—',
    id: '—',
    correlation: {
      type: 'temporal',
      rules: ['internal_error', 'new_network_connection'],
      'group-by': ['internal_ip', 'remote_ip'],
      timespan: '10s',
      aliases: {
        internal_ip: { internal_error: 'destination.ip', new_network_connection: 'source.ip' },
        remote_ip: { internal_error: 'source.ip', new_network_connection: 'destination.ip' },
      },
    },
  },
  bruteForceChain: [
    {
      title: 'Correlation - Multiple Failed Logins Followed by Successful Login',
      id: 'b180ead8-d58f-40b2-ae54-c8940995b9b6',
      level: 'high',
      correlation: {
        type: 'temporal_ordered',
        rules: ['multiple_failed_login', 'successful_login'],
        'group-by': ['User'],
        timespan: '10m',
      },
    },
    {
      title: 'Multiple failed logons',
      id: 'a8418a5a-5fc4-46b5-b23b-6c73beb19d41',
      name: 'multiple_failed_login',
      correlation: {
        type: 'event_count',
        rules: ['failed_login'],
        'group-by': ['User'],
        timespan: '10m',
        condition: { gte: 10 },
      },
    },
  ],
} satisfies Record<string, SpecCorrelation | SpecCorrelation[]>;

/** What the rule parser's adapter does, for the spec's YAML shape. */
function toDefinition(doc: SpecCorrelation): CorrelationDefinition {
  const { correlation: c } = doc;
  return {
    ...(doc.id === undefined ? {} : { id: doc.id }),
    ...(doc.name === undefined ? {} : { name: doc.name }),
    ...(doc.level === undefined ? {} : { level: doc.level }),
    title: doc.title ?? '',
    type: c.type,
    rules: c.rules,
    groupBy: c['group-by'],
    timespanMs: parseTimespan(c.timespan) ?? 0,
    condition: c.condition ?? {},
    ...(c.aliases === undefined ? {} : { aliases: c.aliases }),
    generate: c.generate ?? false,
  };
}

const d = (
  ruleId: string,
  seconds: number,
  line: number,
  event: Record<string, unknown>,
  ruleName?: string,
) => {
  const out: DetectionInput = { ruleId, time: seconds * 1000, event, file: 'security.json', line };
  return ruleName === undefined ? out : { ...out, ruleName };
};

describe('specification examples', () => {
  it('event_count: 100 failed logins on one host within an hour', () => {
    const def = toDefinition(EXAMPLES.manyFailedLogins);
    const rule = '5638f7c0-ac70-491d-8465-2a65075e0d86';
    const logins = (n: number, host: string) =>
      Array.from({ length: n }, (_, i) => d(rule, i * 30, i + 1, { ComputerName: host }));
    const { alerts } = run([def], [...logins(100, 'srv1'), ...logins(99, 'srv2')]);
    expect(alerts.map((a) => [a.correlationId, a.group, a.value, a.time / 1000])).toEqual([
      ['0e95725d-7320-415d-80f7-004da920fc11', { ComputerName: 'srv1' }, 100, 99 * 30],
    ]);
  });

  it('value_count: 100 different users from one source in a day', () => {
    const def = toDefinition(EXAMPLES.failedLoginUsers);
    const rule = '5638f7c0-ac70-491d-8465-2a65075e0d86';
    const stream = Array.from({ length: 150 }, (_, i) =>
      d(rule, i * 60, i + 1, {
        ComputerName: 'dc1',
        WorkstationName: 'ws9',
        User: `user${i % 100}`,
      }),
    );
    const { alerts } = run([def], stream);
    expect(alerts.map(brief)).toEqual([
      {
        id: '0e95725d-7320-415d-80f7-004da920fc12',
        time: 99 * 60,
        window: [0, 99 * 60],
        value: 100,
        group: { ComputerName: 'dc1', WorkstationName: 'ws9' },
        lines: Array.from({ length: 100 }, (_, i) => i + 1),
      },
    ]);
  });

  it('temporal: three recon commands in any order within 5 minutes by the same user', () => {
    const def = toDefinition(EXAMPLES.recon);
    const on = { ComputerName: 'pc1', User: 'eve' };
    const { alerts } = run(
      [def],
      [
        d('recon_cmd_c', 0, 1, on),
        d('recon_cmd_a', 60, 2, { ...on, User: 'bob' }),
        d('recon_cmd_a', 120, 3, on),
        d('recon_cmd_b', 300, 4, on),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: undefined, time: 300, window: [0, 300], value: 3, group: on, lines: [1, 3, 4] },
    ]);
  });

  it('value_sum: more than 1 MB sent to websites in an hour', () => {
    const def = toDefinition(EXAMPLES.exfiltration);
    const who = { SourceIP: '10.1.1.1', User: 'eve' };
    const { alerts } = run(
      [def],
      [1, 2, 3].map((i) => d('website_access', i * 600, i, { ...who, bytes_sent: 400_000 })),
    );
    expect(alerts.map(brief)).toEqual([
      {
        id: undefined,
        time: 600 + 3600,
        window: [600, 4200],
        value: 1_200_000,
        group: who,
        lines: [1, 2, 3],
      },
    ]);
    expect(alerts[0]?.title).toBe('Possible Exfiltration to Website');
  });

  it('value_avg: average bytes out above 500 in a day', () => {
    const def = toDefinition(EXAMPLES.averageTraffic);
    const who = { SourceIP: '10.1.1.2', User: 'joe' };
    const { alerts } = run(
      [def],
      [300, 900].map((bytes, i) => d('rule_a_id', i * 3600, i + 1, { ...who, BytesOut: bytes })),
    );
    expect(alerts.map((a) => [a.value, a.group])).toEqual([[600, who]]);
  });

  it('value_percentile: the example’s field holds names, which are not numbers', () => {
    const def = toDefinition(EXAMPLES.rareProcess);
    const { alerts, correlator } = run(
      [def],
      [d('process_creation', 0, 1, { ComputerName: 'pc', image: 'C:\\x.exe' })],
    );
    expect(alerts).toEqual([]);
    expect(correlator.stats().missingValueField).toBe(1);
  });

  it('aliases: an internal error and a connection between the same two addresses', () => {
    const def = toDefinition(EXAMPLES.aliases);
    const error = {
      'http.response.status_code': 500,
      'destination.ip': '10.0.0.5',
      'source.ip': '203.0.113.9',
    };
    const connection = { 'source.ip': '10.0.0.5', 'destination.ip': '203.0.113.9' };
    const swapped = { 'source.ip': '203.0.113.9', 'destination.ip': '10.0.0.5' };
    const { alerts } = run(
      [def],
      [
        d('internal_error', 0, 1, error),
        d('new_network_connection', 5, 2, swapped),
        d('new_network_connection', 10, 3, connection),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      {
        id: '—',
        time: 10,
        window: [0, 10],
        value: 2,
        group: { internal_ip: '10.0.0.5', remote_ip: '203.0.113.9' },
        lines: [1, 3],
      },
    ]);
  });

  describe('failed logins followed by a successful login (chained correlations)', () => {
    const defs = EXAMPLES.bruteForceChain.map(toDefinition);
    const failedId = '53ba33fd-3a50-4468-a5ef-c583635cfa92';
    const successId = '4d0a2c83-c62c-4ed4-b475-c7e23a9269b8';
    const failures = Array.from({ length: 10 }, (_, i) =>
      d(failedId, i * 30, i + 1, { EventID: 4625, User: 'bob' }, 'failed_login'),
    );

    it('fires the outer correlation only, with every contributing record', () => {
      const success = d(successId, 10 * 30, 11, { EventID: 4624, User: 'bob' }, 'successful_login');
      const { alerts } = run(defs, [...failures, success]);
      expect(alerts.map(brief)).toEqual([
        {
          id: 'b180ead8-d58f-40b2-ae54-c8940995b9b6',
          time: 300,
          window: [270, 300],
          value: 2,
          group: { User: 'bob' },
          lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        },
      ]);
      expect(alerts[0]?.level).toBe('high');
    });

    it('does not fire when the success comes first or for another user', () => {
      const early = d(successId, 0, 11, { EventID: 4624, User: 'bob' }, 'successful_login');
      const other = d(successId, 300, 12, { EventID: 4624, User: 'alice' }, 'successful_login');
      expect(run(defs, [early, ...failures, other]).alerts).toEqual([]);
    });

    it('keeps the base rules and the inner correlation from alerting alone', () => {
      const { correlator } = run(defs, []);
      expect(correlator.suppressesBaseRule(failedId, 'failed_login')).toBe(true);
      expect(correlator.suppressesBaseRule(successId, 'successful_login')).toBe(true);
      expect(
        correlator.suppressesBaseRule(
          'a8418a5a-5fc4-46b5-b23b-6c73beb19d41',
          'multiple_failed_login',
        ),
      ).toBe(true);
      expect(correlator.diagnostics()).toEqual([]);
    });
  });
});
