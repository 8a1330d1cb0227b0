import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountKey } from '../auth/login-guard.js';
import { hashPassword } from '../auth/passwords.js';
import type { Store, User } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { client, expectError, signIn } from './test-support.js';
import type { TestClient, TestSession } from './test-support.js';

const PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'violet lantern across nine rivers';
let passwordHash = '';

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

/** The reasons of a `weak_password` answer. */
function weakPasswordProblems(
  response: LightMyRequestResponse,
): { code: string; message: { en: string; fr: string } }[] {
  const body = expectError(response, 400, 'weak_password');
  return (body.details ?? []) as { code: string; message: { en: string; fr: string } }[];
}

describe.each(STORE_DIALECTS)('account routes on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let time = manualClock();
  let owner: TestSession;
  let admin: TestSession;

  const makeUser = (email: string, displayName: string, isAdmin = false): Promise<User> =>
    store.users.create({ email, displayName, passwordHash, isAdmin });

  const api = (session: TestSession): TestClient => client(app, session);

  const login = (email: string, password: string): Promise<LightMyRequestResponse> =>
    client(app).post('/api/auth/login', { email, password });

  const me = (session: TestSession): Promise<LightMyRequestResponse> =>
    api(session).get('/api/auth/me');

  const change = (
    session: TestSession,
    currentPassword: string,
    newPassword: string,
    csrf?: string,
  ): Promise<LightMyRequestResponse> =>
    api(session).post('/api/auth/password', { currentPassword, newPassword }, { csrf });

  beforeEach(async () => {
    time = manualClock();
    testStore = await openTestStore(dialect, { clock: time.clock });
    store = testStore.store;
    app = buildApp({ store });
    owner = await signIn(store, await makeUser('camille.durand@example.test', 'Camille Durand'));
    admin = await signIn(store, await makeUser('admin@example.test', 'Admin', true));
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  describe('POST /api/auth/password', () => {
    it('changes the password: the old one is refused at login, the new one accepted', async () => {
      const response = await change(owner, PASSWORD, NEW_PASSWORD);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<{ ok: boolean }>().ok).toBe(true);
      expectError(await login(owner.user.email, PASSWORD), 401, 'invalid_credentials');
      expect((await login(owner.user.email, NEW_PASSWORD)).statusCode).toBe(200);
      const stored = await store.users.findById(owner.user.id);
      expect(stored?.passwordHash.startsWith('$argon2id$')).toBe(true);
      expect(stored?.passwordHash).not.toContain(NEW_PASSWORD);
    });

    it('keeps the current session and revokes every other session of the user only', async () => {
      const other = await signIn(store, owner.user);
      const third = await signIn(store, owner.user);
      const someoneElse = await signIn(store, admin.user);
      const response = await change(owner, PASSWORD, NEW_PASSWORD);
      expect(response.json<{ otherSessionsRemoved: number }>().otherSessionsRemoved).toBe(2);
      expect((await me(owner)).statusCode).toBe(200);
      expectError(await me(other), 401, 'unauthenticated');
      expectError(await me(third), 401, 'unauthenticated');
      expect((await me(someoneElse)).statusCode).toBe(200);
    });

    it('refuses a weak or common new password with the reasons, in both languages', async () => {
      for (const weak of ['short', 'password1234', 'camilledurand2024!']) {
        const problems = weakPasswordProblems(await change(owner, PASSWORD, weak));
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          expect(problem.code).toMatch(/^password_/);
          expect(problem.message.fr.length).toBeGreaterThan(0);
        }
      }
      const common = weakPasswordProblems(await change(owner, PASSWORD, 'password1234'));
      expect(common.map((d) => d.code)).toContain('password_common');
      const same = weakPasswordProblems(await change(owner, PASSWORD, PASSWORD));
      expect(same.map((d) => d.code)).toEqual(['password_unchanged']);
      expect((await login(owner.user.email, PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a wrong current password and counts it like a failed sign-in', async () => {
      const other = await signIn(store, owner.user);
      for (let i = 0; i < 3; i += 1) {
        expectError(await change(owner, 'not my password!!', NEW_PASSWORD), 400, 'wrong_password');
      }
      expect((await me(other)).statusCode).toBe(200);
      // The fourth attempt from this address waits a second, here and at sign-in alike.
      const waited = await change(owner, PASSWORD, NEW_PASSWORD);
      expectError(waited, 429, 'login_throttled');
      expect(waited.headers['retry-after']).toBe('1');
      expectError(await login(owner.user.email, PASSWORD), 429, 'login_throttled');
      time.advance(1000);
      expect((await change(owner, PASSWORD, NEW_PASSWORD)).statusCode).toBe(200);
      expect(await store.loginThrottle.readAccount(accountKey(owner.user.email))).toBeUndefined();
    });

    it('is refused while the account is locked, except from a known device', async () => {
      const signedIn = await login(owner.user.email, PASSWORD);
      const device = /vigie_device=([^;]+)/.exec(String(signedIn.headers['set-cookie']))?.[1] ?? '';
      expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (let i = 0; i < 10; i += 1) {
        await client(app).post(
          '/api/auth/login',
          { email: owner.user.email, password: 'guess number one' },
          { remoteAddress: `203.0.113.${String(i)}` },
        );
      }
      const fromElsewhere = (cookie: string) =>
        api(owner).post(
          '/api/auth/password',
          { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
          { remoteAddress: '198.51.100.77', headers: { cookie } },
        );
      expectError(await fromElsewhere(owner.cookie), 423, 'account_locked');
      const passed = await fromElsewhere(`${owner.cookie}; vigie_device=${device}`);
      expect(passed.statusCode, passed.body).toBe(200);
    });

    it('requires the CSRF token and a session', async () => {
      expectError(await change(owner, PASSWORD, NEW_PASSWORD, ''), 403, 'csrf');
      expectError(await change(owner, PASSWORD, NEW_PASSWORD, admin.csrf), 403, 'csrf');
      const anonymous = await client(app).post('/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expectError(anonymous, 401, 'unauthenticated');
      expect((await login(owner.user.email, PASSWORD)).statusCode).toBe(200);
    });

    it('validates the body and writes an audit entry without the password', async () => {
      expectError(
        await api(owner).post('/api/auth/password', { newPassword: 'x' }),
        400,
        'validation',
      );
      await change(owner, PASSWORD, NEW_PASSWORD);
      const rows = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.password_change')
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.user_id).toBe(owner.user.id);
      expect(JSON.stringify(rows)).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    });
  });

  describe('POST /api/admin/users/:userId/password', () => {
    const reset = (session: TestSession, userId: string): Promise<LightMyRequestResponse> =>
      api(session).post(`/api/admin/users/${userId}/password`);

    it('gives a one-time password that works, signs the account out and audits', async () => {
      const other = await signIn(store, owner.user);
      const response = await reset(admin, owner.user.id);
      expect(response.statusCode, response.body).toBe(200);
      const { password, sessionsRemoved } = response.json<{
        password: string;
        sessionsRemoved: number;
      }>();
      expect(password.length).toBeGreaterThanOrEqual(20);
      expect(sessionsRemoved).toBe(2);
      expectError(await me(owner), 401, 'unauthenticated');
      expectError(await me(other), 401, 'unauthenticated');
      expectError(await login(owner.user.email, PASSWORD), 401, 'invalid_credentials');
      expect((await login(owner.user.email, password)).statusCode).toBe(200);
      const rows = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.password_reset')
        .execute();
      expect(rows.map((r) => [r.user_id, r.entity_id])).toEqual([[admin.user.id, owner.user.id]]);
      expect(JSON.stringify(rows)).not.toContain(password);
    });

    it('keeps the administrator’s own current session, refuses others and unknown ids', async () => {
      expectError(await reset(owner, admin.user.id), 403, 'forbidden');
      expectError(await reset(admin, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      expectError(await reset(admin, 'not-a-uuid'), 400, 'validation');
      expect((await reset(admin, admin.user.id)).statusCode).toBe(200);
      // the session is kept, but the one-time password must be replaced before anything else
      expect((await me(admin)).statusCode).toBe(200);
      expectError(await reset(admin, owner.user.id), 403, 'password_change_required');
    });
  });
});
