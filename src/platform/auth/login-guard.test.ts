import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import {
  KNOWN_SOURCE_MAX_AGE_MS,
  accountKey,
  beginAttempt,
  sourceOf,
  succeed,
  unlockAccount,
} from './login-guard.js';
import type { AttemptDecision, AttemptInput } from './login-guard.js';
import { FORGET_AFTER_MS, LOCKOUT_THRESHOLD, PAIR_FREE_FAILURES } from './throttle.js';
import { newSessionToken } from './tokens.js';

const MINUTE = 60_000;

describe('account keys and sources', () => {
  it('keys an address case- and space-insensitively, without keeping it in clear', () => {
    const key = accountKey('Admin@Example.test');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(accountKey('  admin@example.TEST ')).toBe(key);
    expect(accountKey('admin2@example.test')).not.toBe(key);
    expect(key).not.toContain('admin');
  });

  it('takes IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by /64 network', () => {
    expect(sourceOf('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
    expect(sourceOf('2001:db8:1:2:aaaa::1')).toBe('ip6:2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('ip6:2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:3::1')).not.toBe(sourceOf('2001:db8:1:2::1'));
    expect(sourceOf('::1')).toBe('ip6:0:0:0:0::/64');
    expect(sourceOf('not an address')).toBe('ip:not an address');
    expect(sourceOf('x'.repeat(500))).toHaveLength(3 + 64);
  });
});

describe.each(STORE_DIALECTS)('login guard on %s', (dialect) => {
  let t: TestStore;
  let time = manualClock();
  let alice: User;
  const now = (): number => time.clock().getTime();
  const attempt = (input: Partial<AttemptInput> = {}): Promise<AttemptDecision> =>
    beginAttempt(
      t.store,
      { email: 'alice@x.org', user: alice, ip: '198.51.100.1', deviceToken: undefined, ...input },
      now(),
    );
  const admitted = async (input: Partial<AttemptInput> = {}) => {
    const decision = await attempt(input);
    if (!decision.ok) throw new Error(`refused: ${decision.reason}`);
    return decision.ticket;
  };

  beforeEach(async () => {
    time = manualClock();
    t = await openTestStore(dialect, { clock: time.clock });
    alice = await t.store.users.create({
      email: 'alice@x.org',
      displayName: 'Alice',
      passwordHash: 'h',
      isAdmin: true,
    });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('lets a source fail PAIR_FREE_FAILURES times, then makes it wait 1 s, 2 s, 4 s…', async () => {
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) await admitted();
    const refused = await attempt();
    expect(refused).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    // Another address is not slowed by this one.
    expect((await attempt({ ip: '198.51.100.2' })).ok).toBe(true);
    time.advance(1000);
    await admitted();
    expect(await attempt()).toMatchObject({ ok: false, retryAfterSeconds: 2 });
    time.advance(1999);
    expect(await attempt()).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    time.advance(1);
    await admitted();
    expect(await attempt()).toMatchObject({ ok: false, retryAfterSeconds: 4 });
  });

  it('locks the account after LOCKOUT_THRESHOLD failures from anywhere, for everyone new', async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) {
      expect((await admitted({ ip: `203.0.113.${String(i)}` })).lockedNow).toBe(false);
    }
    expect((await admitted({ ip: '203.0.113.99' })).lockedNow).toBe(true);
    const locked = await attempt({ ip: '192.0.2.50' });
    expect(locked).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 15 * 60 });
    time.advance(15 * MINUTE);
    expect((await attempt({ ip: '192.0.2.50' })).ok).toBe(true);
  });

  it('lets a known source and a known device through the lock, not a planted cookie', async () => {
    // Alice signed in before, from home and with this browser.
    const home = await admitted({ ip: '192.0.2.10' });
    const { newDeviceToken } = await succeed(t.store, home, alice);
    expect(newDeviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const device = newDeviceToken ?? '';
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await admitted({ ip: `203.0.113.${String(i)}` });
    expect(await attempt({ ip: '198.51.100.9' })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await attempt({ ip: '198.51.100.9', deviceToken: newSessionToken() })).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    const fromHome = await admitted({ ip: '192.0.2.10' });
    expect(fromHome.pairSource).toBe('ip:192.0.2.10');
    const fromDevice = await admitted({ ip: '198.51.100.9', deviceToken: device });
    expect(fromDevice.pairSource).toMatch(/^device:[0-9a-f]{32}$/);
    // The correct password from the device ends the lock for everyone.
    expect((await succeed(t.store, fromDevice, alice)).newDeviceToken).toBeNull();
    expect((await attempt({ ip: '198.51.100.9' })).ok).toBe(true);
  });

  it('throttles a known device on its own, not behind an attacker sharing its address', async () => {
    const first = await admitted({ ip: '192.0.2.10' });
    const device = (await succeed(t.store, first, alice)).newDeviceToken ?? '';
    for (let i = 0; i < PAIR_FREE_FAILURES + 2; i++) {
      time.advance(60_000);
      await attempt({ ip: '192.0.2.10' });
    }
    expect(await attempt({ ip: '192.0.2.10' })).toMatchObject({ ok: false, reason: 'throttled' });
    expect((await attempt({ ip: '192.0.2.10', deviceToken: device })).ok).toBe(true);
  });

  it('lets a password set by a reset pass the lock until its mark expires', async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await admitted({ ip: `203.0.113.${String(i)}` });
    const marked = { ...alice, oneTimePasswordUntil: new Date(now() + 60_000).toISOString() };
    const passed = await attempt({ user: marked, ip: '198.51.100.9' });
    expect(passed.ok).toBe(true);
    // Admitted through the lock: a wrong password must still be answered as locked.
    expect(passed.ok && passed.ticket.lockedRetryAfterSeconds).toBeGreaterThan(0);
    const expired = { ...alice, oneTimePasswordUntil: new Date(now() - 1).toISOString() };
    expect(await attempt({ user: expired, ip: '198.51.100.10' })).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    // Not locked: nothing to report.
    expect(
      (await admitted({ email: 'other@x.org', user: undefined })).lockedRetryAfterSeconds,
    ).toBe(null);
  });

  it('forgets known sources after KNOWN_SOURCE_MAX_AGE_MS', async () => {
    await succeed(t.store, await admitted({ ip: '192.0.2.10' }), alice);
    time.advance(KNOWN_SOURCE_MAX_AGE_MS + 1);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await admitted({ ip: `203.0.113.${String(i)}` });
    expect(await attempt({ ip: '192.0.2.10' })).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('answers an unknown address exactly as an existing account', async () => {
    const script = async (email: string, user: User | undefined): Promise<unknown[]> => {
      const out: unknown[] = [];
      const run = async (ip: string): Promise<void> => {
        const decision = await attempt({ email, user, ip });
        out.push(decision.ok ? { ok: true, lockedNow: decision.ticket.lockedNow } : decision);
      };
      for (let i = 0; i < 5; i++) await run('198.51.100.1');
      for (let i = 0; i < LOCKOUT_THRESHOLD + 2; i++) await run(`203.0.113.${String(i)}`);
      time.advance(2000);
      await run('198.51.100.1');
      return out;
    };
    const known = await script('alice@x.org', alice);
    time.advance(FORGET_AFTER_MS * 2);
    const unknown = await script('nobody@x.org', undefined);
    expect(unknown).toEqual(known);
    // 3 free failures, 2 delayed; 7 more lock the account: 5 locked, and the last one.
    expect(known.filter((d) => (d as { reason?: string }).reason === 'locked').length).toBe(6);
    expect(known.filter((d) => (d as { reason?: string }).reason === 'throttled').length).toBe(2);
  });

  it('admits one of a burst of parallel attempts from one pair, refuses the others', async () => {
    for (let i = 0; i < PAIR_FREE_FAILURES - 1; i++) await admitted();
    const burst = await Promise.all(Array.from({ length: 8 }, () => attempt()));
    expect(burst.filter((d) => d.ok)).toHaveLength(1);
    expect(burst.filter((d) => !d.ok && d.reason === 'throttled')).toHaveLength(7);
    const row = await t.store.loginThrottle.readPair(accountKey('alice@x.org'), 'ip:198.51.100.1');
    expect(row?.failures).toBe(PAIR_FREE_FAILURES);
  });

  it('unlocks on request and forgets quiet counters after FORGET_AFTER_MS', async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await admitted({ ip: `203.0.113.${String(i)}` });
    expect((await attempt({ ip: '192.0.2.1' })).ok).toBe(false);
    expect(await unlockAccount(t.store, 'ALICE@x.org')).toBe(true);
    expect((await attempt({ ip: '192.0.2.1' })).ok).toBe(true);
    expect(await unlockAccount(t.store, 'nobody@x.org')).toBe(false);

    for (let i = 0; i < LOCKOUT_THRESHOLD - 2; i++) await admitted({ ip: `198.18.0.${String(i)}` });
    time.advance(FORGET_AFTER_MS);
    // The earlier failures are forgotten: LOCKOUT_THRESHOLD − 1 more do not lock.
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) {
      expect((await admitted({ ip: `198.19.0.${String(i)}` })).lockedNow).toBe(false);
    }
  });

  it('a success clears the account and the pair, and remembers the source', async () => {
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) await admitted();
    time.advance(1000);
    const ticket = await admitted();
    await succeed(t.store, ticket, alice);
    const key = accountKey('alice@x.org');
    expect(await t.store.loginThrottle.readPair(key, 'ip:198.51.100.1')).toBeUndefined();
    expect(await t.store.loginThrottle.readAccount(key)).toBeUndefined();
    expect(
      await t.store.loginThrottle.isKnownSource(alice.id, 'ip:198.51.100.1', new Date(0)),
    ).toBe(true);
  });
});
