/**
 * Sign-in through the API: lockout is no weapon (known devices and sources pass it, the last
 * administrator keeps a way back), answers do not tell which accounts exist, the device cookie.
 */
import * as argon2 from '@node-rs/argon2';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { LOCKOUT_THRESHOLD, PAIR_FREE_FAILURES } from '../auth/throttle.js';
import { newSessionToken } from '../auth/tokens.js';
import type { Store, User } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof argon2>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

const PASSWORD = 'correct horse battery staple 42';
let passwordHash = '';

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

interface Attempt {
  readonly email: string;
  readonly password: string;
  readonly ip?: string;
  readonly device?: string;
}

function deviceOf(response: LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : [header ?? ''];
  const cookie = all.find((c) => c.startsWith('vigie_device='));
  return cookie === undefined ? undefined : /^vigie_device=([^;]*)/.exec(cookie)?.[1];
}

describe.each(STORE_DIALECTS)('sign-in protections on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let time = manualClock();
  let admin: User;

  const login = (attempt: Attempt): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: attempt.ip ?? '192.0.2.1',
      headers: {
        'content-type': 'application/json',
        ...(attempt.device === undefined ? {} : { cookie: `vigie_device=${attempt.device}` }),
      },
      payload: { email: attempt.email, password: attempt.password },
    });

  /** Locks `email` with failures from LOCKOUT_THRESHOLD different addresses. */
  const lockOut = async (email: string): Promise<void> => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) {
      const response = await login({
        email,
        password: 'attacker guess',
        ip: `203.0.113.${String(i)}`,
      });
      expect(response.statusCode).toBe(401);
    }
  };

  beforeEach(async () => {
    time = manualClock();
    testStore = await openTestStore(dialect, { clock: time.clock });
    store = testStore.store;
    // Per-IP limit out of the way: these tests are about the per-account protections.
    app = buildApp({ store, loginAttemptsPerMinute: 1000 });
    admin = await store.users.create({
      email: 'admin@example.test',
      displayName: 'Admin',
      passwordHash,
      isAdmin: true,
    });
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('keeps the only administrator able to sign in from a known device or network', async () => {
    const first = await login({ email: admin.email, password: PASSWORD, ip: '192.0.2.10' });
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first) ?? '';
    expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await lockOut(admin.email);
    // A new address, without the device: locked, even with the right password.
    expectLocked(await login({ email: admin.email, password: PASSWORD, ip: '198.51.100.7' }));
    // Her browser, from a café: in.
    const withDevice = await login({
      email: admin.email,
      password: PASSWORD,
      ip: '198.51.100.7',
      device,
    });
    expect(withDevice.statusCode, withDevice.body).toBe(200);
    expect(deviceOf(withDevice)).toBeUndefined(); // the known device keeps its cookie

    await lockOut(admin.email);
    // The network she signed in from before, another browser: in.
    const fromHome = await login({ email: admin.email, password: PASSWORD, ip: '192.0.2.10' });
    expect(fromHome.statusCode, fromHome.body).toBe(200);
    // The lock is over for everyone once she is in.
    expect(
      (await login({ email: admin.email, password: PASSWORD, ip: '198.51.100.8' })).statusCode,
    ).toBe(200);
  });

  it('does not let a wrong password through the lock from a known device', async () => {
    const device = deviceOf(await login({ email: admin.email, password: PASSWORD })) ?? '';
    await lockOut(admin.email);
    const wrong = await login({
      email: admin.email,
      password: 'nope nope',
      ip: '198.51.100.7',
      device,
    });
    // A wrong password on a locked account says "locked", from anywhere: nothing to learn.
    expectLocked(wrong);
    // …and its own failures meet growing delays.
    for (let i = 1; i < PAIR_FREE_FAILURES; i += 1) {
      await login({ email: admin.email, password: 'nope nope', ip: '198.51.100.7', device });
    }
    const delayed = await login({
      email: admin.email,
      password: PASSWORD,
      ip: '198.51.100.7',
      device,
    });
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json<{ code: string }>().code).toBe('login_throttled');
  });

  it('never adopts a device cookie it did not issue to the account', async () => {
    const planted = newSessionToken();
    const response = await login({ email: admin.email, password: PASSWORD, device: planted });
    expect(response.statusCode).toBe(200);
    const issued = deviceOf(response);
    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued).not.toBe(planted);
    await lockOut(admin.email);
    expectLocked(
      await login({ email: admin.email, password: PASSWORD, ip: '198.51.100.7', device: planted }),
    );
  });

  it('sets a hardened device cookie, only sent to /api/auth', async () => {
    const cookies = (await login({ email: admin.email, password: PASSWORD })).headers['set-cookie'];
    const device = (Array.isArray(cookies) ? cookies : []).find((c) =>
      c.startsWith('vigie_device='),
    );
    expect(device).toContain('HttpOnly');
    expect(device).toContain('SameSite=Strict');
    expect(device).toContain('Path=/api/auth');
    expect(device).toMatch(/Max-Age=\d{7,}/);
    expect(device).not.toContain('Secure');
    const secureApp = buildApp({ store, secureCookies: true });
    const secure = await secureApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(String(secure.headers['set-cookie'])).toMatch(/vigie_device=[^,]*Secure/);
    await secureApp.close();
  });

  it('answers an unknown address exactly as an existing account, step by step', async () => {
    const run = async (email: string): Promise<string[]> => {
      const seen: string[] = [];
      const record = (response: LightMyRequestResponse): void => {
        seen.push(
          `${String(response.statusCode)} ${String(response.headers['retry-after'])} ${response.body}`,
        );
      };
      for (let i = 0; i < PAIR_FREE_FAILURES + 2; i += 1) {
        record(await login({ email, password: 'wrong guess!', ip: '198.51.100.1' }));
      }
      for (let i = 0; i < LOCKOUT_THRESHOLD + 1; i += 1) {
        record(await login({ email, password: 'wrong guess!', ip: `203.0.113.${String(i)}` }));
      }
      return seen;
    };
    const known = await run(admin.email);
    const unknown = await run('nobody@example.test');
    expect(unknown).toEqual(known);
    expect(known.some((line) => line.startsWith('429 '))).toBe(true);
    expect(known.some((line) => line.startsWith('423 '))).toBe(true);
    expect(known.some((line) => line.startsWith('401 '))).toBe(true);
    // Unknown after failures before any lock: 401, as known.
    const first = await login({ email: 'ghost@example.test', password: 'x', ip: '198.51.100.99' });
    expect(first.statusCode).toBe(401);
  });

  it("lets the one-time password of an administrator's reset through a lock held by attackers", async () => {
    const owner = await store.users.create({
      email: 'owner@example.test',
      displayName: 'Owner',
      passwordHash,
    });
    await lockOut(owner.email);
    // The administrator resets the password (the CLI does the same).
    const adminToken = await login({ email: admin.email, password: PASSWORD });
    const cookie = /vigie_session=[^;]+/.exec(String(adminToken.headers['set-cookie']))?.[0] ?? '';
    const csrf = adminToken.json<{ csrfToken: string }>().csrfToken;
    const reset = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${owner.id}/password`,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    const oneTime = reset.json<{ password: string }>().password;
    // The attackers lock the account again at once…
    await lockOut(owner.email);
    expectLocked(await login({ email: owner.email, password: 'guess', ip: '198.51.100.50' }));
    // …but the one-time password cannot be guessed, so it passes, from a new address.
    const signedIn = await login({ email: owner.email, password: oneTime, ip: '198.51.100.51' });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    // Once the owner chose their own password, the lock holds for it again.
    const session = /vigie_session=[^;]+/.exec(String(signedIn.headers['set-cookie']))?.[0] ?? '';
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      remoteAddress: '198.51.100.51',
      headers: {
        cookie: `${session}; vigie_device=${deviceOf(signedIn) ?? ''}`,
        'x-csrf-token': signedIn.json<{ csrfToken: string }>().csrfToken,
        'content-type': 'application/json',
      },
      payload: { currentPassword: oneTime, newPassword: 'violet lantern across nine rivers' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await store.users.findById(owner.id))?.oneTimePasswordUntil).toBeNull();
    await lockOut(owner.email);
    expectLocked(
      await login({
        email: owner.email,
        password: 'violet lantern across nine rivers',
        ip: '198.51.100.52',
      }),
    );
  });

  it('spends one password verification for an unknown address, as for an account', async () => {
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    expect((await login({ email: admin.email, password: 'wrong guess!' })).statusCode).toBe(401);
    const forKnown = verify.mock.calls.length;
    verify.mockClear();
    expect(
      (await login({ email: 'nobody@example.test', password: 'wrong guess!' })).statusCode,
    ).toBe(401);
    expect(forKnown).toBe(1);
    expect(verify.mock.calls.length).toBe(forKnown);
    // Locked accounts too: the 423 costs one verification, known address or not.
    const victim = await store.users.create({
      email: 'victim@example.test',
      displayName: 'Victim',
      passwordHash,
    });
    await lockOut(victim.email);
    await lockOut('ghost@example.test');
    verify.mockClear();
    expectLocked(await login({ email: victim.email, password: 'x', ip: '198.51.100.9' }));
    expect(verify.mock.calls.length).toBe(1);
    verify.mockClear();
    expectLocked(await login({ email: 'ghost@example.test', password: 'x', ip: '198.51.100.9' }));
    expect(verify.mock.calls.length).toBe(1);
  });

  it('writes audit entries for failures, known address or not, and for the lock', async () => {
    await lockOut('nobody@example.test');
    await lockOut(admin.email);
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .orderBy('id')
      .execute();
    const count = (action: string, userId: string | null): number =>
      rows.filter((r) => r.action === action && r.user_id === userId).length;
    expect(count('auth.login_failed', null)).toBe(LOCKOUT_THRESHOLD);
    expect(count('auth.login_failed', admin.id)).toBe(LOCKOUT_THRESHOLD);
    expect(count('auth.account_locked', null)).toBe(1);
    expect(count('auth.account_locked', admin.id)).toBe(1);
    expect(JSON.stringify(rows)).not.toContain('nobody@example.test');
  });
});

function expectLocked(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBe(423);
  const body = response.json<{ code: string; message: { en: string; fr: string } }>();
  expect(body.code).toBe('account_locked');
  expect(body.message.en).toContain('administrator');
  expect(body.message.fr).toContain('administrateur');
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}
