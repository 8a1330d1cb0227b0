import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UniqueViolationError } from './errors.js';
import { STORE_DIALECTS, openClockedTestStore } from './test-support.js';
import type { ManualClock, TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('users and sessions on %s', (dialect) => {
  let t: TestStore;
  let time: ManualClock;
  beforeEach(async () => {
    ({ time, ...t } = await openClockedTestStore(dialect));
  });
  afterEach(async () => {
    await t.dispose();
  });

  const newUser = (email: string) => ({ email, displayName: 'Alice', passwordHash: 'hash-1' });

  it('creates a user with a lower-cased email and finds it case-insensitively', async () => {
    const user = await t.store.users.create({ ...newUser('  Alice@Example.ORG '), isAdmin: true });
    expect(user.email).toBe('alice@example.org');
    expect(user.isAdmin).toBe(true);
    expect(await t.store.users.findByEmail('ALICE@example.org')).toEqual(user);
    expect(await t.store.users.findById(user.id)).toEqual(user);
    expect(await t.store.users.findById('nope')).toBeUndefined();
    expect(await t.store.users.findByEmail('bob@example.org')).toBeUndefined();
  });

  it('rejects a second account with the same email in another case', async () => {
    await t.store.users.create(newUser('alice@example.org'));
    await expect(t.store.users.create(newUser('ALICE@EXAMPLE.ORG'))).rejects.toBeInstanceOf(
      UniqueViolationError,
    );
    expect(await t.store.users.list()).toHaveLength(1);
  });

  it('changes the password and its date', async () => {
    const user = await t.store.users.create(newUser('a@example.org'));
    time.advance(60_000);
    await t.store.users.setPassword(user.id, 'hash-2');
    const found = await t.store.users.findById(user.id);
    expect(found?.passwordHash).toBe('hash-2');
    expect(found?.passwordChangedAt).toBe('2026-01-01T00:01:00.000Z');
    expect(user.passwordChangedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(found?.oneTimePasswordUntil).toBeNull();
  });

  it('marks a password set by a reset as one-time until a date, and clears the mark', async () => {
    const user = await t.store.users.create(newUser('a@example.org'));
    expect(user.oneTimePasswordUntil).toBeNull();
    await t.store.users.setPassword(user.id, 'hash-2', new Date('2026-01-02T00:00:00.000Z'));
    expect((await t.store.users.findById(user.id))?.oneTimePasswordUntil).toBe(
      '2026-01-02T00:00:00.000Z',
    );
    await t.store.users.setPassword(user.id, 'hash-3');
    expect((await t.store.users.findById(user.id))?.oneTimePasswordUntil).toBeNull();
  });

  it('stores an SQL injection attempt in an email verbatim and harmlessly', async () => {
    const evil = "x'); drop table users; --@example.org";
    const user = await t.store.users.create(newUser(evil));
    expect(user.email).toBe(evil);
    expect((await t.store.users.findByEmail(evil))?.id).toBe(user.id);
    expect(await t.store.users.findByEmail("' or '1'='1")).toBeUndefined();
    expect(await t.store.users.list()).toHaveLength(1);
  });

  it('finds valid sessions only, touches, deletes and purges them', async () => {
    const user = await t.store.users.create(newUser('a@example.org'));
    const expiresAt = new Date(time.clock().getTime() + 3_600_000);
    await t.store.sessions.create({ tokenHash: 's1', userId: user.id, csrfToken: 'c1', expiresAt });
    await t.store.sessions.create({ tokenHash: 's2', userId: user.id, csrfToken: 'c2', expiresAt });
    expect((await t.store.sessions.findValid('s1'))?.csrf_token).toBe('c1');
    expect(await t.store.sessions.findValid('unknown')).toBeUndefined();

    time.advance(1_000);
    await t.store.sessions.touch('s1');
    expect((await t.store.sessions.findValid('s1'))?.last_seen_at).toBe(time.clock().toISOString());

    await t.store.sessions.delete('s2');
    expect(await t.store.sessions.findValid('s2')).toBeUndefined();

    time.advance(3_600_000);
    expect(await t.store.sessions.findValid('s1')).toBeUndefined();
    expect(await t.store.sessions.purgeExpired()).toBe(1);
    expect(await t.store.sessions.purgeExpired()).toBe(0);
  });

  it('logs a user out everywhere without touching other users', async () => {
    const alice = await t.store.users.create(newUser('a@example.org'));
    const bob = await t.store.users.create(newUser('b@example.org'));
    const expiresAt = new Date(time.clock().getTime() + 3_600_000);
    for (const tokenHash of ['a1', 'a2', 'a3']) {
      await t.store.sessions.create({ tokenHash, userId: alice.id, csrfToken: 'c', expiresAt });
    }
    await t.store.sessions.create({ tokenHash: 'b1', userId: bob.id, csrfToken: 'c', expiresAt });
    expect(await t.store.sessions.deleteAllOfUser(alice.id)).toBe(3);
    expect(await t.store.sessions.findValid('a1')).toBeUndefined();
    expect(await t.store.sessions.findValid('b1')).toBeDefined();
  });

  it('rejects a session for an unknown user and cascades on user deletion', async () => {
    const expiresAt = new Date(time.clock().getTime() + 3_600_000);
    await expect(
      t.store.sessions.create({ tokenHash: 'x', userId: 'ghost', csrfToken: 'c', expiresAt }),
    ).rejects.toThrow();
    const user = await t.store.users.create(newUser('a@example.org'));
    await t.store.sessions.create({ tokenHash: 's', userId: user.id, csrfToken: 'c', expiresAt });
    await t.store.users.delete(user.id);
    const rows = await t.store.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toEqual([]);
  });
});
