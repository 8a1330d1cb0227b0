/**
 * VIGIE_PUBLIC_URL as buildApp sees it: an https address turns on `Secure` cookies and HSTS,
 * an http one neither; the OpenAPI document names it as its server.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';

const PASSWORD = 'correct horse battery staple 42';
const HSTS = 'max-age=31536000; includeSubDomains';

describe('the public URL (VIGIE_PUBLIC_URL) through inject', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    await t.store.users.create({
      email: 'owner@example.test',
      displayName: 'Owner',
      passwordHash: await hashPassword(PASSWORD),
    });
  });
  afterAll(async () => {
    await t.dispose();
  });

  const withApp = async (
    options: { publicUrl?: string },
    check: (app: FastifyInstance) => Promise<void>,
  ): Promise<void> => {
    const app = buildApp({ store: t.store, ...options });
    try {
      await check(app);
    } finally {
      await app.close();
    }
  };

  const login = (app: FastifyInstance) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { email: 'owner@example.test', password: PASSWORD },
    });

  it('https: Secure cookies (set and cleared), HSTS on every answer, the OpenAPI server', async () => {
    await withApp({ publicUrl: 'https://vigie.example.org' }, async (app) => {
      const signedIn = await login(app);
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const cookie = String(signedIn.headers['set-cookie']);
      expect(cookie.split('; ')).toContain('Secure');
      expect(signedIn.headers['strict-transport-security']).toBe(HSTS);
      const session = cookie.split(';')[0] ?? '';
      const { csrfToken } = signedIn.json<{ csrfToken: string }>();
      const logout = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session, 'x-csrf-token': csrfToken },
      });
      expect(logout.statusCode).toBe(200);
      expect(String(logout.headers['set-cookie'])).toMatch(/Max-Age=0.*Secure/);
      // Errors and pages too, not only successful API answers.
      const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['strict-transport-security']).toBe(HSTS);
      const unauthenticated = await app.inject({ method: 'GET', url: '/api/workspaces' });
      expect(unauthenticated.statusCode).toBe(401);
      expect(unauthenticated.headers['strict-transport-security']).toBe(HSTS);
      const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(openapi.json<{ servers?: unknown }>().servers).toEqual([
        { url: 'https://vigie.example.org' },
      ]);
    });
  });

  it('http (a test set-up without TLS): no Secure, no HSTS; the server is still named', async () => {
    await withApp({ publicUrl: 'http://vigie.test:8080' }, async (app) => {
      const signedIn = await login(app);
      expect(signedIn.statusCode).toBe(200);
      expect(String(signedIn.headers['set-cookie'])).not.toContain('Secure');
      expect(signedIn.headers['strict-transport-security']).toBeUndefined();
      const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(openapi.json<{ servers?: unknown }>().servers).toEqual([
        { url: 'http://vigie.test:8080' },
      ]);
    });
  });

  it('none: no Secure, no HSTS, no servers entry', async () => {
    await withApp({}, async (app) => {
      const signedIn = await login(app);
      expect(String(signedIn.headers['set-cookie'])).not.toContain('Secure');
      expect(signedIn.headers['strict-transport-security']).toBeUndefined();
      const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(openapi.json<Record<string, unknown>>()).not.toHaveProperty('servers');
    });
  });
});
