import { afterEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { AccessCache } from './access-cache.js';
import { buildApp } from './app.js';
import type { SessionInfo } from './route.js';
import { client, signIn } from './test-support.js';

const info = {
  user: { id: 'u1', email: 'a@b.c', displayName: 'A', isAdmin: false },
  tokenHash: 'h1',
  csrfToken: 'c1',
} as unknown as SessionInfo;

describe('AccessCache', () => {
  it('reuses a session and a role for its time to live only', () => {
    let now = 1_000;
    const cache = new AccessCache(1_000, () => new Date(now));
    cache.rememberSession(info, 100_000);
    cache.rememberRole('w1', 'u1', 'viewer');
    cache.rememberRole('w2', 'u1', null);
    expect(cache.session('h1')).toMatchObject({ tokenHash: 'h1', csrfToken: 'c1' });
    expect(cache.role('w1', 'u1')).toBe('viewer');
    expect(cache.role('w2', 'u1')).toBeNull();
    expect(cache.role('w3', 'u1')).toBeUndefined();
    now += 1_000;
    expect(cache.session('h1')).toBeUndefined();
    expect(cache.role('w1', 'u1')).toBeUndefined();
  });

  it('never outlives the session itself, forgets everything on clear, and is off at 0 ms', () => {
    let now = 0;
    const cache = new AccessCache(10_000, () => new Date(now));
    cache.rememberSession(info, 500);
    now = 499;
    expect(cache.session('h1')).toBeDefined();
    now = 500;
    expect(cache.session('h1')).toBeUndefined();
    cache.rememberSession(info, 100_000);
    cache.rememberRole('w1', 'u1', 'owner');
    cache.clear();
    expect(cache.session('h1')).toBeUndefined();
    expect(cache.role('w1', 'u1')).toBeUndefined();
    const off = new AccessCache(0, () => new Date(0));
    off.rememberSession(info, 100_000);
    off.rememberRole('w1', 'u1', 'owner');
    expect(off.session('h1')).toBeUndefined();
    expect(off.role('w1', 'u1')).toBeUndefined();
  });
});

describe.each(STORE_DIALECTS)('the API with the access cache on %s', (dialect) => {
  let testStore: TestStore;
  afterEach(async () => {
    await testStore.dispose();
  });

  it('reuses sessions and roles, yet a logout or a role change through it applies at once', async () => {
    testStore = await openTestStore(dialect);
    const { store } = testStore;
    const app = buildApp({ store, accessCacheMs: 60_000 });
    const owner = await store.users.create({
      email: 'owner@example.test',
      displayName: 'Owner',
      passwordHash: 'x',
      isAdmin: false,
    });
    const member = await store.users.create({
      email: 'member@example.test',
      displayName: 'Member',
      passwordHash: 'x',
      isAdmin: false,
    });
    const workspace = await store.workspaces.create({ slug: 'w', name: 'W', ownerId: owner.id });
    await store.workspaces.addMember(workspace.id, member.id, 'viewer');
    const ownerClient = client(app, await signIn(store, owner));
    const memberClient = client(app, await signIn(store, member));

    expect((await memberClient.get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(200);
    // removed behind the API's back: the cached role still answers within its time to live
    await store.workspaces.updateMember(workspace.id, member.id, null);
    expect((await memberClient.get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(200);
    await store.workspaces.addMember(workspace.id, member.id, 'viewer');

    // through the API, the change applies at once
    const removed = await ownerClient.delete(
      `/api/workspaces/${workspace.id}/members/${member.id}`,
    );
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect((await memberClient.get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(404);

    expect((await ownerClient.get('/api/auth/me')).statusCode).toBe(200);
    const logout = await ownerClient.post('/api/auth/logout');
    expect(logout.statusCode, logout.body).toBeLessThan(300);
    expect((await ownerClient.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('AccessCache.recent', () => {
  it('computes once per time to live, again after a clear, always when off', async () => {
    let now = 0;
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    const cache = new AccessCache(1_000, () => new Date(now));
    expect(await cache.recent('k', compute)).toBe(1);
    expect(await cache.recent('k', compute)).toBe(1);
    now = 1_000;
    expect(await cache.recent('k', compute)).toBe(2);
    cache.clear();
    expect(await cache.recent('k', compute)).toBe(3);
    await expect(cache.recent('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await Promise.resolve();
    expect(await cache.recent('bad', compute)).toBe(4); // a failure is not kept
    const off = new AccessCache(0, () => new Date(0));
    expect(await off.recent('k', compute)).toBe(5);
    expect(await off.recent('k', compute)).toBe(6);
  });
});
