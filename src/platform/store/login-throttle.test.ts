import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_KNOWN_PER_USER } from './login-throttle.js';
import type { ThrottleRow } from './login-throttle.js';
import { STORE_DIALECTS, manualClock, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';
import type { User } from './users.js';

const T0 = '2026-01-01T00:00:00.000Z';
const row = (failures: number, until: string | null, lastFailureAt = T0): ThrottleRow => ({
  failures,
  until,
  lastFailureAt,
});

describe.each(STORE_DIALECTS)('login throttle store on %s', (dialect) => {
  let t: TestStore;
  let time = manualClock();
  let user: User;
  beforeEach(async () => {
    time = manualClock(T0);
    t = await openTestStore(dialect, { clock: time.clock });
    user = await t.store.users.create({ email: 'a@x.org', displayName: 'A', passwordHash: 'h' });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('writes account counters with compare-and-set: a stale expectation loses', async () => {
    const throttle = t.store.loginThrottle;
    expect(await throttle.readAccount('k')).toBeUndefined();
    expect(await throttle.writeAccount('k', undefined, row(1, null))).toBe(true);
    // A second "first" write (a concurrent attempt that also read nothing) is refused.
    expect(await throttle.writeAccount('k', undefined, row(1, null))).toBe(false);
    const first = await throttle.readAccount('k');
    expect(first).toEqual(row(1, null));
    const later = '2026-01-01T00:00:01.000Z';
    expect(await throttle.writeAccount('k', first, row(2, null, later))).toBe(true);
    // The same expectation again is stale now.
    expect(await throttle.writeAccount('k', first, row(3, null, later))).toBe(false);
    expect(await throttle.readAccount('k')).toEqual(row(2, null, later));
    expect(await throttle.readAccount('other')).toBeUndefined();
  });

  it('keeps pair counters per (account, source), and clears them', async () => {
    const throttle = t.store.loginThrottle;
    expect(await throttle.writePair('k', 'ip:1.2.3.4', undefined, row(1, null))).toBe(true);
    expect(await throttle.writePair('k', 'ip:5.6.7.8', undefined, row(4, T0))).toBe(true);
    expect(await throttle.writePair('j', 'ip:1.2.3.4', undefined, row(2, null))).toBe(true);
    expect(await throttle.writePair('k', 'ip:1.2.3.4', undefined, row(1, null))).toBe(false);
    const current = await throttle.readPair('k', 'ip:1.2.3.4');
    expect(current).toEqual(row(1, null));
    expect(await throttle.writePair('k', 'ip:1.2.3.4', current, row(2, T0))).toBe(true);
    expect(await throttle.writePair('k', 'ip:1.2.3.4', current, row(3, T0))).toBe(false);
    await throttle.writeAccount('k', undefined, row(9, T0));

    await throttle.clearAfterSuccess('k', 'ip:1.2.3.4');
    expect(await throttle.readPair('k', 'ip:1.2.3.4')).toBeUndefined();
    expect(await throttle.readAccount('k')).toBeUndefined();
    expect(await throttle.readPair('k', 'ip:5.6.7.8')).toEqual(row(4, T0));

    expect(await throttle.clearAccount('k')).toBe(true);
    expect(await throttle.readPair('k', 'ip:5.6.7.8')).toBeUndefined();
    expect(await throttle.readPair('j', 'ip:1.2.3.4')).toEqual(row(2, null));
    expect(await throttle.clearAccount('k')).toBe(false);
  });

  it('purges stale counters but keeps running locks and recent failures', async () => {
    const throttle = t.store.loginThrottle;
    const old = '2025-12-30T00:00:00.000Z';
    await throttle.writeAccount('stale', undefined, row(3, null, old));
    await throttle.writeAccount('locked', undefined, row(10, '2026-01-02T00:00:00.000Z', old));
    await throttle.writeAccount('recent', undefined, row(1, null, T0));
    await throttle.writePair('stale', 'ip:1', undefined, row(5, '2025-12-30T00:10:00.000Z', old));
    await throttle.writePair('recent', 'ip:1', undefined, row(1, null, T0));
    expect(await throttle.purgeStale(new Date('2025-12-31T00:00:00.000Z'))).toBe(2);
    expect(await throttle.readAccount('stale')).toBeUndefined();
    expect(await throttle.readAccount('locked')).toBeDefined();
    expect(await throttle.readAccount('recent')).toBeDefined();
    expect(await throttle.readPair('stale', 'ip:1')).toBeUndefined();
    expect(await throttle.readPair('recent', 'ip:1')).toBeDefined();
  });

  it('remembers devices per user, the most recent ones only', async () => {
    const throttle = t.store.loginThrottle;
    const other = await t.store.users.create({
      email: 'b@x.org',
      displayName: 'B',
      passwordHash: 'h',
    });
    await throttle.rememberDevice('hash-0', user.id);
    expect(await throttle.isKnownDevice('hash-0', user.id)).toBe(true);
    expect(await throttle.isKnownDevice('hash-0', other.id)).toBe(false);
    expect(await throttle.isKnownDevice('hash-x', user.id)).toBe(false);
    for (let i = 1; i <= MAX_KNOWN_PER_USER; i++) {
      time.advance(1000);
      await throttle.rememberDevice(`hash-${String(i)}`, user.id);
    }
    // hash-0 is the least recently used of 21: forgotten.
    expect(await throttle.isKnownDevice('hash-0', user.id)).toBe(false);
    expect(await throttle.isKnownDevice('hash-1', user.id)).toBe(true);
    // Using hash-1 again makes it recent, so the next new device pushes hash-2 out instead.
    time.advance(1000);
    await throttle.rememberDevice('hash-1', user.id);
    time.advance(1000);
    await throttle.rememberDevice('hash-new', user.id);
    expect(await throttle.isKnownDevice('hash-1', user.id)).toBe(true);
    expect(await throttle.isKnownDevice('hash-2', user.id)).toBe(false);
  });

  it('remembers sources with their last success, and forgets on request', async () => {
    const throttle = t.store.loginThrottle;
    await throttle.rememberSource(user.id, 'ip:1.2.3.4');
    const since = (ms: number): Date => new Date(Date.parse(T0) + ms);
    expect(await throttle.isKnownSource(user.id, 'ip:1.2.3.4', since(0))).toBe(true);
    expect(await throttle.isKnownSource(user.id, 'ip:1.2.3.4', since(1))).toBe(false);
    expect(await throttle.isKnownSource(user.id, 'ip:9.9.9.9', since(-1))).toBe(false);
    time.advance(5000);
    await throttle.rememberSource(user.id, 'ip:1.2.3.4');
    expect(await throttle.isKnownSource(user.id, 'ip:1.2.3.4', since(5000))).toBe(true);
    for (let i = 0; i < MAX_KNOWN_PER_USER + 3; i++) {
      time.advance(1000);
      await throttle.rememberSource(user.id, `ip:10.0.0.${String(i)}`);
    }
    const rows = await t.store.db
      .selectFrom('known_sources')
      .select('source')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(MAX_KNOWN_PER_USER);
    expect(rows.map((r) => r.source)).not.toContain('ip:1.2.3.4');

    await throttle.rememberDevice('hash', user.id);
    await throttle.forgetKnown(user.id);
    expect(await throttle.isKnownDevice('hash', user.id)).toBe(false);
    expect(await throttle.isKnownSource(user.id, 'ip:10.0.0.5', since(-1))).toBe(false);
  });

  it('forgets devices and sources with the account', async () => {
    await t.store.loginThrottle.rememberDevice('hash', user.id);
    await t.store.loginThrottle.rememberSource(user.id, 'ip:1.2.3.4');
    await t.store.users.delete(user.id);
    expect(await t.store.db.selectFrom('known_devices').selectAll().execute()).toEqual([]);
    expect(await t.store.db.selectFrom('known_sources').selectAll().execute()).toEqual([]);
  });
});
