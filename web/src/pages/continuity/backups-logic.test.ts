import { describe, expect, it } from 'vitest';
import type { BackupExposureView, EntityBackupView } from './api-types';
import {
  brokenRules,
  exposureRows,
  exposureState,
  filterCounts,
  gridRow,
  gridRows,
  isBackupFilter,
  matchesFilter,
} from './backups-logic';

function backup(id: string, extra: Partial<BackupExposureView> = {}): BackupExposureView {
  return {
    backup: id,
    method: 'backup',
    isolated: false,
    exposed: false,
    reasons: [],
    restoreTest: 'ok',
    encrypted: true,
    ...extra,
  };
}

const copy = (id: string) => ({
  backup: id,
  replica: false,
  offsite: false,
  isolated: false,
  exposed: false,
});

function entity(
  id: string,
  copies: readonly string[],
  grid: Partial<EntityBackupView['grid']>,
  extra: Partial<EntityBackupView> = {},
): EntityBackupView {
  return {
    id,
    kind: 'data',
    copies: copies.map(copy),
    grid: {
      copies: 3,
      media: 2,
      offsite: true,
      isolated: true,
      errorFree: true,
      encrypted: true,
      met: true,
      ...grid,
    },
    survivesRansomware: true,
    ...extra,
  };
}

const backups = [
  backup('nas', { exposed: true, restoreTest: 'stale', restoreTestAgeDays: 400 }),
  backup('tape', { isolated: true, restoreTest: 'ok', restoreTestAgeDays: 30 }),
  backup('cloud', { restoreTest: 'never' }),
  backup('replica', { method: 'replication', exposed: true, restoreTest: 'failed' }),
];
const byId = new Map(backups.map((b) => [b.backup, b]));

// accounting: one copy on an exposed NAS only, every rule of the grid broken
const accounting = entity(
  'accounting',
  ['nas'],
  { copies: 2, media: 1, offsite: false, isolated: false, errorFree: false, met: false },
  { survivesRansomware: false, rpo: { minutes: 60, process: 'billing' }, rpoMet: false },
);
const hr = entity('hr', ['nas', 'tape'], { errorFree: false, met: false }, { rpoMet: true });
const plans = entity('plans', ['tape', 'cloud'], {}, { bestFrequencyMinutes: 1440 });
const orphan = entity('orphan', [], {
  copies: 1,
  media: 1,
  offsite: false,
  isolated: false,
  met: false,
});

describe('the 3-2-1-1-0 row of an entity', () => {
  it('keeps the counts and says which reach the rule', () => {
    const row = gridRow(accounting, byId);
    expect(row.copies).toEqual({ n: 2, ok: false });
    expect(row.media).toEqual({ n: 1, ok: false });
    expect(gridRow(plans, byId).copies).toEqual({ n: 3, ok: true });
    expect(gridRow(plans, byId).media).toEqual({ n: 2, ok: true });
    expect(row.backups).toBe(1);
    expect(row.rpo).toEqual({ minutes: 60, process: 'billing' });
  });

  it('shows the worst restore test among its backups, with its age', () => {
    // nas stale (400 days) is worse than tape ok
    expect(gridRow(hr, byId).restore).toEqual({ status: 'stale', ageDays: 400 });
    // cloud never tested is worse than tape ok; no age
    expect(gridRow(plans, byId).restore).toEqual({ status: 'never' });
    expect(gridRow(orphan, byId).restore).toBeNull();
  });

  it('counts the broken rules', () => {
    expect(brokenRules(gridRow(accounting, byId))).toBe(5);
    expect(brokenRules(gridRow(hr, byId))).toBe(1);
    expect(brokenRules(gridRow(plans, byId))).toBe(0);
    // orphan: 1 copy, 1 medium, not off-site, not isolated; error-free kept true
    expect(brokenRules(gridRow(orphan, byId))).toBe(4);
  });
});

describe('filters', () => {
  const rows = gridRows([plans, hr, accounting, orphan], backups);
  const ids = (filter: Parameters<typeof matchesFilter>[1]) =>
    rows.filter((r) => matchesFilter(r, filter)).map((r) => r.id);

  it('orders rows weakest first: no surviving copy, RPO missed, most rules broken, name', () => {
    expect(rows.map((r) => r.id)).toEqual(['accounting', 'orphan', 'hr', 'plans']);
  });

  it('selects by status', () => {
    expect(ids('all')).toHaveLength(4);
    expect(ids('failing')).toEqual(['accounting', 'orphan', 'hr']);
    expect(ids('met')).toEqual(['plans']);
    expect(ids('exposed')).toEqual(['accounting']);
    expect(ids('rpo')).toEqual(['accounting']);
    // nas stale → accounting and hr; cloud never → plans; orphan has no backup
    expect(ids('untested')).toEqual(['accounting', 'orphan', 'hr', 'plans']);
  });

  it('counts each filter', () => {
    expect(filterCounts(rows)).toEqual({
      all: 4,
      failing: 3,
      met: 1,
      exposed: 1,
      rpo: 1,
      untested: 4,
    });
  });

  it('recognises filters from the URL', () => {
    expect(isBackupFilter('exposed')).toBe(true);
    expect(isBackupFilter('everything')).toBe(false);
  });
});

describe('exposure', () => {
  it('tells reached, isolated and plain backups apart', () => {
    expect(exposureState(backups[0] as BackupExposureView)).toBe('reached');
    expect(exposureState(backups[1] as BackupExposureView)).toBe('isolated');
    expect(exposureState(backups[2] as BackupExposureView)).toBe('safe');
  });

  it('lists reached backups first and isolated ones last', () => {
    expect(exposureRows(backups).map((b) => b.backup)).toEqual(['nas', 'replica', 'cloud', 'tape']);
  });
});
