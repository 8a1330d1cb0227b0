import { describe, expect, it } from 'vitest';
import type { BiaProcessView, BiaView, RecoveryPlanView } from './api-types';
import {
  biaRows,
  flagCounts,
  impactLevel,
  isBiaSortKey,
  sortBiaRows,
  sortFlags,
} from './bia-logic';

const text = (en: string) => ({ en, fr: `${en} (fr)` });

function process(id: string, extra: Partial<BiaProcessView> = {}): BiaProcessView {
  return {
    process: id,
    availability: 2,
    dependsOn: [],
    dependencies: [],
    impact: [],
    assets: [],
    ...extra,
  };
}

const bia: BiaView = {
  processes: [
    process('payroll', {
      rto: { minutes: 2880, text: text('2 days') },
      rpo: { minutes: 1440, text: text('1 day') },
      availability: 3,
      dependsOn: ['hr'],
      dependencies: ['hr', 'directory'],
      impact: [
        { at: '4h', minutes: 240, level: 1, reason: text('short') },
        { at: '1w', minutes: 10_080, level: 4, reason: text('payday missed') },
      ],
      assets: [
        { asset: 'srv-pay', reason: 'process-asset' },
        { asset: 'esx-1', reason: 'hosted-on', from: 'srv-pay' },
        { asset: 'dc-1', reason: 'service', from: 'srv-pay' },
      ],
    }),
    process('orders', {
      rto: { minutes: 240, text: text('4 hours') },
      mtpd: { minutes: 1440, text: text('1 day') },
      mbco: 'phone orders',
      assets: [{ asset: 'erp', reason: 'process-asset' }],
    }),
    process('archive'),
  ],
  assets: [],
  flags: [],
  assumptions: [],
};

const schedule: RecoveryPlanView = {
  teams: 2,
  makespan: 600,
  tasks: [],
  processes: [
    { process: 'payroll', rto: 2880, achievable: 300, status: 'met', chain: ['esx-1', 'srv-pay'] },
    { process: 'orders', rto: 240, achievable: 600, status: 'missed', chain: ['erp'] },
  ],
  criticalPath: [],
  precedences: [],
  issues: [],
  assumptions: [],
};

const names: Record<string, string> = { payroll: 'Payroll', orders: 'Orders', archive: 'Archive' };
const rows = biaRows(bia, schedule, (id) => names[id] ?? id);
const order = (list: readonly { process: string }[]) => list.map((r) => r.process);

describe('BIA rows', () => {
  it('joins each process with its schedule outcome and counts', () => {
    const payroll = rows[0];
    expect(payroll).toMatchObject({
      process: 'payroll',
      name: 'Payroll',
      rto: 2880,
      rpo: 1440,
      availability: 3,
      dependencies: 2,
      assets: 3,
      achievable: 300,
      status: 'met',
      chain: ['esx-1', 'srv-pay'],
    });
    expect(payroll?.mtpd).toBeUndefined();
    expect(rows[1]).toMatchObject({ mbco: 'phone orders', achievable: 600, status: 'missed' });
  });

  it('leaves a process the schedule does not plan without achievable time', () => {
    const archive = rows[2];
    expect(archive?.achievable).toBeUndefined();
    expect(archive?.status).toBeUndefined();
    expect(archive?.chain).toEqual([]);
  });

  it('puts each impact level under its point of time, null where none is given', () => {
    expect(rows[0]?.impact).toEqual({ '4h': 1, '1d': null, '3d': null, '1w': 4, '1mo': null });
    expect(rows[2]?.impact).toEqual({
      '4h': null,
      '1d': null,
      '3d': null,
      '1w': null,
      '1mo': null,
    });
  });

  it('works without a schedule', () => {
    expect(biaRows(bia, null).every((r) => r.achievable === undefined)).toBe(true);
    expect(biaRows(bia, null)[0]?.name).toBe('payroll');
  });
});

describe('BIA sorting', () => {
  it('sorts by name', () => {
    expect(order(sortBiaRows(rows, 'process', 'asc'))).toEqual(['archive', 'orders', 'payroll']);
    expect(order(sortBiaRows(rows, 'process', 'desc'))).toEqual(['payroll', 'orders', 'archive']);
  });

  it('sorts durations numerically with unknown values last in both directions', () => {
    // rto: orders 240, payroll 2880, archive none
    expect(order(sortBiaRows(rows, 'rto', 'asc'))).toEqual(['orders', 'payroll', 'archive']);
    expect(order(sortBiaRows(rows, 'rto', 'desc'))).toEqual(['payroll', 'orders', 'archive']);
    // achievable: payroll 300, orders 600, archive not planned
    expect(order(sortBiaRows(rows, 'achievable', 'desc'))).toEqual([
      'orders',
      'payroll',
      'archive',
    ]);
    // mtpd: only orders has one
    expect(order(sortBiaRows(rows, 'mtpd', 'desc'))).toEqual(['orders', 'archive', 'payroll']);
  });

  it('breaks ties by name', () => {
    // availability: archive 2, orders 2, payroll 3
    expect(order(sortBiaRows(rows, 'availability', 'asc'))).toEqual([
      'archive',
      'orders',
      'payroll',
    ]);
    expect(order(sortBiaRows(rows, 'availability', 'desc'))).toEqual([
      'payroll',
      'archive',
      'orders',
    ]);
  });

  it('does not change the given array', () => {
    const copy = [...rows];
    sortBiaRows(rows, 'assets', 'desc');
    expect(rows).toEqual(copy);
  });

  it('recognises sort keys from the URL', () => {
    expect(isBiaSortKey('rto')).toBe(true);
    expect(isBiaSortKey('source')).toBe(false);
    expect(isBiaSortKey('')).toBe(false);
  });
});

describe('flags and levels', () => {
  const flag = (severity: string, code: string, subject: string) => ({
    severity,
    code,
    subjects: [subject],
  });

  it('orders flags most severe first, then by code and subject', () => {
    const sorted = sortFlags([
      flag('low', 'a', 'x'),
      flag('info', 'a', 'x'),
      flag('critical', 'z', 'b'),
      flag('critical', 'z', 'a'),
      flag('high', 'b', 'x'),
      flag('critical', 'b', 'x'),
    ]);
    expect(sorted.map((f) => `${f.severity}:${f.code}:${f.subjects[0] ?? ''}`)).toEqual([
      'critical:b:x',
      'critical:z:a',
      'critical:z:b',
      'high:b:x',
      'low:a:x',
      'info:a:x',
    ]);
  });

  it('counts flags per severity in severity order', () => {
    expect(
      flagCounts([
        { severity: 'low' },
        { severity: 'critical' },
        { severity: 'low' },
        { severity: 'info' },
      ]),
    ).toEqual([
      { severity: 'critical', n: 1 },
      { severity: 'low', n: 2 },
      { severity: 'info', n: 1 },
    ]);
    expect(flagCounts([])).toEqual([]);
  });

  it('clamps impact levels to 1–4', () => {
    expect(impactLevel(0)).toBe(1);
    expect(impactLevel(3)).toBe(3);
    expect(impactLevel(7)).toBe(4);
    expect(impactLevel(null)).toBeNull();
    expect(impactLevel(Number.NaN)).toBeNull();
  });
});
