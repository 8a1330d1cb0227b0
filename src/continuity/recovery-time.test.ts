import { describe, expect, it } from 'vitest';
import type { Asset } from '../domain/model/index.js';
import { recoveredByOthers, recoveryOf } from './recovery-time.js';

const asset = (fields: Partial<Asset> & Pick<Asset, 'kind'>): Asset => ({ id: 'a', ...fields });

describe('recoveryOf', () => {
  it('takes the declared duration and method', () => {
    expect(
      recoveryOf(asset({ kind: 'server', recovery: { duration: '6h', method: 'rebuild' } })),
    ).toEqual({ minutes: 360, method: 'rebuild', assumedDuration: false, assumedMethod: false });
  });

  it('assumes the default of the kind, and says so', () => {
    expect(recoveryOf(asset({ kind: 'database' }))).toEqual({
      minutes: 480,
      method: 'restore',
      assumedDuration: true,
      assumedMethod: true,
    });
    expect(recoveryOf(asset({ kind: 'saas' })).method).toBe('supplier');
  });

  it('fails a redundant asset over in minutes unless a duration is declared', () => {
    const clustered = asset({ kind: 'database', redundancy: { mode: 'cluster' } });
    expect(recoveryOf(clustered)).toMatchObject({ minutes: 15, method: 'failover' });
    const cold = asset({ kind: 'database', redundancy: { mode: 'cold-standby' } });
    expect(recoveryOf(cold)).toMatchObject({ minutes: 480, method: 'restore' });
  });
});

describe('recoveredByOthers', () => {
  it('is the supplier method, declared or assumed from the kind', () => {
    expect(recoveredByOthers(asset({ kind: 'saas' }))).toBe(true);
    expect(recoveredByOthers(asset({ kind: 'server', recovery: { method: 'supplier' } }))).toBe(
      true,
    );
    expect(recoveredByOthers(asset({ kind: 'saas', recovery: { method: 'restore' } }))).toBe(false);
    expect(recoveredByOthers(asset({ kind: 'server' }))).toBe(false);
  });
});
