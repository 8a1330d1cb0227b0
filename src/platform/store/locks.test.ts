import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, openClockedTestStore } from './test-support.js';
import type { ManualClock, TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('locks on %s', (dialect) => {
  let t: TestStore;
  let time: ManualClock;
  beforeEach(async () => {
    ({ time, ...t } = await openClockedTestStore(dialect));
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('is exclusive while held, renewable by its holder, and released', async () => {
    expect(await t.store.locks.acquire('analysis:w1', 'node-a', 10_000)).toBe(true);
    expect(await t.store.locks.acquire('analysis:w1', 'node-b', 10_000)).toBe(false);
    expect(await t.store.locks.holderOf('analysis:w1')).toBe('node-a');
    expect(await t.store.locks.acquire('analysis:w1', 'node-a', 10_000)).toBe(true);
    expect(await t.store.locks.acquire('analysis:w2', 'node-b', 10_000)).toBe(true);
    expect(await t.store.locks.release('analysis:w1', 'node-b')).toBe(false);
    expect(await t.store.locks.release('analysis:w1', 'node-a')).toBe(true);
    expect(await t.store.locks.acquire('analysis:w1', 'node-b', 10_000)).toBe(true);
  });

  it('can be stolen once expired, and the old holder can no longer release it', async () => {
    expect(await t.store.locks.acquire('l', 'node-a', 5_000)).toBe(true);
    time.advance(4_999);
    expect(await t.store.locks.acquire('l', 'node-b', 5_000)).toBe(false);
    time.advance(1);
    expect(await t.store.locks.holderOf('l')).toBeUndefined();
    expect(await t.store.locks.acquire('l', 'node-b', 5_000)).toBe(true);
    expect(await t.store.locks.release('l', 'node-a')).toBe(false);
    expect(await t.store.locks.holderOf('l')).toBe('node-b');
  });

  it('grants a free lock to exactly one of many concurrent contenders', async () => {
    const holders = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const results = await Promise.all(holders.map((h) => t.store.locks.acquire('hot', h, 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = holders[results.indexOf(true)];
    expect(await t.store.locks.holderOf('hot')).toBe(winner);
  });
});
