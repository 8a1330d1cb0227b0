import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { newCsrfToken, newSessionToken } from '../auth/tokens.js';
import { can } from '../policies.js';
import type { Role, Store, User, Workspace } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { BODY_LIMIT_BYTES, ROUTES, buildApp } from './app.js';
import { openApiPath } from './openapi.js';
import { isWorkspaceAccess } from './route.js';
import type { Route } from './route.js';
import { client, expectError, signIn } from './test-support.js';
import type { TestClient, TestSession } from './test-support.js';

const PASSWORD = 'correct horse battery staple 42';
let passwordHash = '';

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

function sessionCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^vigie_session=([^;]*)/.exec(value ?? '');
  if (match === null) throw new Error('no session cookie');
  return `vigie_session=${match[1] ?? ''}`;
}

/** An invitation id no route knows (routes that need a real one get it as `invitationId`). */
const NO_INVITATION = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for a route, with `:workspaceId`, `:userId` and `:invitationId` filled in. */
function urlFor(
  route: Route,
  workspaceId: string,
  userId: string,
  invitationId = NO_INVITATION,
): string {
  return route.path
    .replace(':workspaceId', workspaceId)
    .replace(':userId', userId)
    .replace(':invitationId', invitationId);
}

/** A body every route accepts the shape of (an email and a role, as invitations take). */
const SAMPLE_BODY = {
  email: 'admin@example.test',
  password: 'x',
  slug: 'x',
  name: 'x',
  role: 'viewer',
};

/** A request to `route` (with a sample body where it takes one) by `session`, if any. */
function call(
  app: FastifyInstance,
  route: Route,
  url: string,
  session?: TestSession,
  csrf?: string,
): Promise<LightMyRequestResponse> {
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : SAMPLE_BODY;
  return client(app, session).send(route.method, url, body, { csrf });
}

describe('route table', () => {
  it('has unique method + path pairs, CSRF on every state-changing non-public route', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of ROUTES) {
      expect(route.path.startsWith('/api/')).toBe(true);
      if (route.method !== 'GET' && route.access !== 'public') expect(route.csrf).toBe(true);
      if (isWorkspaceAccess(route.access)) expect(route.path).toContain(':workspaceId');
    }
  });
});

describe.each(STORE_DIALECTS)('HTTP API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let time = manualClock();
  let admin: TestSession;
  let owner: TestSession;
  let analyst: TestSession;
  let auditor: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let workspace: Workspace;
  let otherWorkspace: Workspace;
  let otherInvitationId: string;

  const makeUser = (email: string, isAdmin = false): Promise<User> =>
    store.users.create({ email, displayName: email.split('@')[0] ?? email, passwordHash, isAdmin });
  const api = (session: TestSession): TestClient => client(app, session);

  beforeEach(async () => {
    time = manualClock();
    testStore = await openTestStore(dialect, { clock: time.clock });
    store = testStore.store;
    app = buildApp({ store });
    admin = await signIn(store, await makeUser('admin@example.test', true));
    owner = await signIn(store, await makeUser('owner@example.test'));
    analyst = await signIn(store, await makeUser('analyst@example.test'));
    auditor = await signIn(store, await makeUser('auditor@example.test'));
    viewer = await signIn(store, await makeUser('viewer@example.test'));
    outsider = await signIn(store, await makeUser('outsider@example.test'));
    workspace = await store.workspaces.create({
      slug: 'forges',
      name: 'Forges',
      ownerId: owner.user.id,
    });
    await store.workspaces.addMember(workspace.id, analyst.user.id, 'analyst');
    await store.workspaces.addMember(workspace.id, auditor.user.id, 'auditor');
    await store.workspaces.addMember(workspace.id, viewer.user.id, 'viewer');
    otherWorkspace = await store.workspaces.create({
      slug: 'other',
      name: 'Other',
      ownerId: outsider.user.id,
    });
    otherInvitationId = (
      await store.invitations.invite({
        workspaceId: otherWorkspace.id,
        email: 'guest@example.test',
        role: 'viewer',
        invitedBy: outsider.user.id,
        ttlMs: 3_600_000,
      })
    ).id;
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  describe('access control over every route', () => {
    it('answers 401 on every non-public route without a session or with a bogus one', async () => {
      const routes = ROUTES.filter((r) => r.access !== 'public');
      expect(routes.length).toBeGreaterThan(5);
      for (const route of routes) {
        const url = urlFor(route, workspace.id, viewer.user.id);
        expectError(await call(app, route, url), 401, 'unauthenticated');
        const bogus = { user: viewer.user, cookie: `vigie_session=${newSessionToken()}`, csrf: '' };
        expectError(await call(app, route, url, bogus), 401, 'unauthenticated');
      }
    });

    it('answers 404 on every workspace route for a member of another workspace', async () => {
      const routes = ROUTES.filter((r) => isWorkspaceAccess(r.access));
      expect(routes.length).toBeGreaterThan(4);
      for (const route of routes) {
        for (const id of [workspace.id, randomUUID(), 'not-a-uuid', "1' OR '1'='1"]) {
          const url = urlFor(route, encodeURIComponent(id), viewer.user.id);
          expectError(await call(app, route, url, outsider), 404, 'not_found');
        }
        // The same routes do answer for the other workspace's own owner.
        const own = await call(
          app,
          route,
          urlFor(route, otherWorkspace.id, outsider.user.id, otherInvitationId),
          outsider,
        );
        expect(own.statusCode, `${route.method} ${route.path}: ${own.body}`).not.toBe(404);
      }
    });

    it('answers 403 on every workspace route the role does not allow', async () => {
      const sessions = { analyst, auditor, viewer } satisfies Partial<Record<Role, TestSession>>;
      let checked = 0;
      for (const route of ROUTES) {
        const access = route.access;
        if (!isWorkspaceAccess(access)) continue;
        for (const [role, session] of Object.entries(sessions) as [Role, TestSession][]) {
          const response = await call(
            app,
            route,
            urlFor(route, workspace.id, owner.user.id),
            session,
          );
          if (can(role, access.permission)) {
            expect(response.statusCode, `${role} ${route.method} ${route.path}`).not.toBe(403);
          } else {
            expectError(response, 403, 'forbidden');
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(5);
    });

    it('answers 403 on admin routes for a non-administrator', async () => {
      const routes = ROUTES.filter((r) => r.access === 'admin');
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) {
        expectError(await call(app, route, route.path, owner), 403, 'forbidden');
        expect((await call(app, route, route.path, admin)).statusCode).not.toBe(403);
      }
    });

    it('answers 403 csrf on every state-changing route without or with a wrong token', async () => {
      const routes = ROUTES.filter((r) => r.method !== 'GET' && r.access !== 'public');
      for (const route of routes) {
        const url = urlFor(route, workspace.id, viewer.user.id);
        const noToken = { ...owner, csrf: '' };
        expectError(await call(app, route, url, noToken), 403, 'csrf');
        expectError(await call(app, route, url, owner, newCsrfToken()), 403, 'csrf');
        expectError(await call(app, route, url, owner, admin.csrf), 403, 'csrf');
      }
    });
  });

  describe('login', () => {
    const login = (
      email: string,
      password: string,
      cookie?: string,
    ): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: {
          'content-type': 'application/json',
          ...(cookie === undefined ? {} : { cookie }),
        },
        payload: JSON.stringify({ email, password }),
      });

    it('signs in, sets a hardened cookie and returns the user and CSRF token', async () => {
      const response = await login('Owner@Example.test', PASSWORD);
      expect(response.statusCode).toBe(200);
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(/^vigie_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/');
      expect(cookie).toMatch(/Max-Age=\d+/);
      expect(cookie).not.toContain('Secure');
      const body = response.json<{ user: Record<string, unknown>; csrfToken: string }>();
      expect(body.user.email).toBe('owner@example.test');
      expect(body.user).not.toHaveProperty('passwordHash');
      const me = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: sessionCookieOf(response) },
      });
      expect(me.json<{ csrfToken: string }>().csrfToken).toBe(body.csrfToken);
    });

    it('adds Secure to the cookie when secureCookies is set', async () => {
      const secureApp = buildApp({ store, secureCookies: true });
      const response = await secureApp.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: { email: 'owner@example.test', password: PASSWORD },
      });
      expect(String(response.headers['set-cookie'])).toContain('Secure');
      await secureApp.close();
    });

    it('answers the same 401 body for a wrong password and an unknown email', async () => {
      const wrong = await login('owner@example.test', 'wrong password!!');
      const unknown = await login('nobody@example.test', 'wrong password!!');
      expectError(wrong, 401, 'invalid_credentials');
      expect(unknown.statusCode).toBe(401);
      expect(unknown.body).toBe(wrong.body);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a non-JSON content type (cross-site form) with 415', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ email: 'owner@example.test', password: PASSWORD }),
      });
      expectError(response, 415, 'unsupported_media_type');
    });

    it('locks the account after repeated failures from anywhere, with Retry-After', async () => {
      // Ten addresses, so that no (account, address) pair meets its own delays first.
      const from = (i: number, email: string, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: `203.0.113.${String(i)}`,
          headers: { 'content-type': 'application/json' },
          payload: { email, password },
        });
      for (let i = 0; i < 10; i += 1) {
        expectError(
          await from(i, 'viewer@example.test', 'wrong password!!'),
          401,
          'invalid_credentials',
        );
      }
      const locked = await from(50, 'viewer@example.test', PASSWORD);
      expectError(locked, 423, 'account_locked');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      time.advance(15 * 60 * 1000 + 1000);
      expect((await from(50, 'viewer@example.test', PASSWORD)).statusCode).toBe(200);
    });

    it('rate-limits login attempts per IP with 429 and Retry-After', async () => {
      const limited = buildApp({ store, loginAttemptsPerMinute: 2 });
      const attempt = (): Promise<LightMyRequestResponse> =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: { email: 'nobody@example.test', password: 'whatever' },
        });
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expectError(refused, 429, 'rate_limited');
      expect(refused.headers['retry-after']).toBe('60');
      await limited.close();
    });

    it('issues a new token at each login, never the one sent, and logout invalidates it', async () => {
      const first = sessionCookieOf(await login('owner@example.test', PASSWORD));
      const second = sessionCookieOf(await login('owner@example.test', PASSWORD, first));
      const planted = `vigie_session=${newSessionToken()}`;
      const third = sessionCookieOf(await login('owner@example.test', PASSWORD, planted));
      expect(new Set([first, second, third, planted]).size).toBe(4);

      const meOf = (cookie: string): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      const csrf = (await meOf(first)).json<{ csrfToken: string }>().csrfToken;
      const logout = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: first, 'x-csrf-token': csrf },
      });
      expect(logout.statusCode).toBe(200);
      expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
      expectError(await meOf(first), 401, 'unauthenticated');
      expect((await meOf(second)).statusCode).toBe(200);
      expectError(await meOf(planted), 401, 'unauthenticated');
    });

    it('logout-everywhere invalidates every session of the user only', async () => {
      const a = sessionCookieOf(await login('owner@example.test', PASSWORD));
      const b = sessionCookieOf(await login('owner@example.test', PASSWORD));
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/logout-everywhere',
        headers: {
          cookie: a,
          'x-csrf-token': (
            await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a } })
          ).json<{ csrfToken: string }>().csrfToken,
        },
      });
      expect(response.json()).toEqual({ ok: true, sessionsRemoved: 3 });
      for (const cookie of [a, b, owner.cookie]) {
        expectError(
          await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }),
          401,
          'unauthenticated',
        );
      }
      expect((await api(viewer).get('/api/auth/me')).statusCode).toBe(200);
    });
  });

  describe('input handling', () => {
    /** A raw body, sent as it is. */
    const post = (
      session: TestSession,
      url: string,
      payload: string,
      contentType = 'application/json',
    ): Promise<LightMyRequestResponse> => api(session).post(url, payload, { contentType });

    it('answers 400 invalid_json for malformed JSON', async () => {
      expectError(await post(owner, '/api/workspaces', '{"slug": '), 400, 'invalid_json');
    });

    it('answers 413 for a body over 1 MB', async () => {
      const payload = JSON.stringify({ slug: 'big', name: 'x'.repeat(BODY_LIMIT_BYTES) });
      expectError(await post(owner, '/api/workspaces', payload), 413, 'payload_too_large');
    });

    it('answers 400 validation with zod issues in details', async () => {
      const response = await post(
        owner,
        '/api/workspaces',
        JSON.stringify({ slug: 'Bad Slug!', name: '' }),
      );
      expectError(response, 400, 'validation');
      const details = response.json<{ details: { in: string; path: string[] }[] }>().details;
      expect(details.map((d) => d.path.join('.')).sort()).toEqual(['name', 'slug']);
      expect(details.every((d) => d.in === 'body')).toBe(true);
      const query = await api(owner).get(`/api/workspaces/${workspace.id}/audit?limit=abc`);
      expectError(query, 400, 'validation');
    });

    it('answers 404 in the error format for an unknown route', async () => {
      expectError(await app.inject({ method: 'GET', url: '/api/nope' }), 404, 'not_found');
    });

    it('stores SQL injection text verbatim and refuses it as a slug', async () => {
      const name = 'Robert\'); DROP TABLE workspaces;-- " OR 1=1 <script>x</script>';
      const created = await post(
        owner,
        '/api/workspaces',
        JSON.stringify({ slug: 'bobby-tables', name }),
      );
      expect(created.statusCode).toBe(201);
      const id = created.json<{ workspace: { id: string } }>().workspace.id;
      expect((await store.workspaces.getById(id))?.name).toBe(name);
      const refused = await post(
        owner,
        '/api/workspaces',
        JSON.stringify({ slug: "x'; DROP TABLE users;--", name: 'x' }),
      );
      expectError(refused, 400, 'validation');
      expect((await store.users.list()).length).toBe(6);
      expect((await store.workspaces.listAll()).length).toBe(3);
    });

    it('answers 500 without internal detail when something breaks', async () => {
      const broken: Store = {
        ...store,
        workspaces: {
          ...store.workspaces,
          listForUser: () => Promise.reject(new Error('secret internal detail at /srv/db')),
        },
      };
      const brokenApp = buildApp({ store: broken });
      const response = await client(brokenApp, owner).get('/api/workspaces');
      expectError(response, 500, 'internal');
      expect(response.body).not.toContain('secret');
      expect(response.body).not.toContain('stack');
      await brokenApp.close();
    });
  });

  describe('workspaces, members and audit', () => {
    it('lists only the caller’s workspaces, with the role', async () => {
      const response = await api(viewer).get('/api/workspaces');
      expect(response.json<{ workspaces: { slug: string; role: string }[] }>().workspaces).toEqual([
        expect.objectContaining({ slug: 'forges', role: 'viewer' }),
      ]);
      const one = await api(viewer).get(`/api/workspaces/${workspace.id}`);
      expect(one.json<{ workspace: { role: string } }>().workspace.role).toBe('viewer');
    });

    it('creates a workspace owned by its creator; a duplicate slug is 409', async () => {
      const created = await api(viewer).post('/api/workspaces', { slug: 'acme', name: 'ACME' });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ workspace: { id: string; role: string } }>().workspace.id;
      expect(await store.workspaces.roleOf(id, viewer.user.id)).toBe('owner');
      expectError(
        await api(viewer).post('/api/workspaces', { slug: 'acme', name: 'Again' }),
        409,
        'slug_taken',
      );
    });

    it('manages members, keeps an owner, and audits every change with before/after', async () => {
      const newcomer = await signIn(store, await makeUser('newcomer@example.test'));
      const base = `/api/workspaces/${workspace.id}/members`;
      // Nobody is added without consent: an invitation, accepted by the invitee.
      const invited = await api(owner).post(`/api/workspaces/${workspace.id}/invitations`, {
        email: 'newcomer@example.test',
        role: 'viewer',
      });
      expect(invited.statusCode, invited.body).toBe(202);
      const invitationId = invited.json<{ invitation: { id: string } }>().invitation.id;
      expect((await api(newcomer).post(`/api/invitations/${invitationId}/accept`)).statusCode).toBe(
        200,
      );
      expectError(
        await api(owner).post(`/api/workspaces/${workspace.id}/invitations`, {
          email: 'newcomer@example.test',
          role: 'viewer',
        }),
        409,
        'already_member',
      );
      expectError(await api(owner).post(base, { email: 'x@example.test' }), 404, 'not_found');
      expect(
        (await api(owner).patch(`${base}/${newcomer.user.id}`, { role: 'analyst' })).statusCode,
      ).toBe(200);
      expectError(
        await api(owner).patch(`${base}/${owner.user.id}`, { role: 'viewer' }),
        409,
        'last_owner',
      );
      expectError(await api(owner).delete(`${base}/${owner.user.id}`), 409, 'last_owner');
      expectError(await api(owner).delete(`${base}/${outsider.user.id}`), 404, 'not_found');
      expect((await api(owner).delete(`${base}/${newcomer.user.id}`)).statusCode).toBe(200);
      const members = (await api(viewer).get(base)).json<{ members: { email: string }[] }>()
        .members;
      expect(members.map((m) => m.email)).not.toContain('newcomer@example.test');

      const audit = await api(auditor).get(`/api/workspaces/${workspace.id}/audit?limit=2`);
      expect(audit.statusCode).toBe(200);
      const page = audit.json<{
        entries: { action: string; userId: string; before: unknown; after: unknown }[];
        nextCursor: number;
      }>();
      expect(page.entries.map((e) => e.action)).toEqual(['member.remove', 'member.change_role']);
      expect(page.entries[1]).toMatchObject({
        userId: owner.user.id,
        before: { role: 'viewer' },
        after: { role: 'analyst' },
      });
      const older = await api(owner).get(
        `/api/workspaces/${workspace.id}/audit?before=${page.nextCursor}`,
      );
      expect(older.json<{ entries: { action: string }[] }>().entries.map((e) => e.action)).toEqual([
        'invitation.accept',
        'invitation.create',
      ]);
    });
  });

  describe('OpenAPI', () => {
    it('documents every route of the table, with security on non-public ones', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const doc = response.json<{
        openapi: string;
        paths: Record<string, Record<string, { summary: string; security: unknown[] }>>;
      }>();
      expect(doc.openapi).toBe('3.1.0');
      let operations = 0;
      for (const path of Object.values(doc.paths)) operations += Object.keys(path).length;
      expect(operations).toBe(ROUTES.length);
      for (const route of ROUTES) {
        const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
        expect(operation?.summary).toBe(route.summary);
        expect(operation?.security.length).toBe(route.access === 'public' ? 0 : 1);
      }
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
        status: 'ok',
      });
    });
  });
});
