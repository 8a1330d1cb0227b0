import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('analyses repository on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let workspaceId: string;
  let otherId: string;

  beforeEach(async () => {
    testStore = await openTestStore(dialect, { clock: manualClock().clock });
    store = testStore.store;
    const user = await store.users.create({
      email: 'a@example.test',
      displayName: 'A',
      passwordHash: 'x',
    });
    workspaceId = (await store.workspaces.create({ slug: 'a', name: 'A', ownerId: user.id })).id;
    otherId = (await store.workspaces.create({ slug: 'b', name: 'B', ownerId: user.id })).id;
  });

  afterEach(async () => {
    await testStore.dispose();
  });

  it('stores a summary per workspace, version and locale, and keeps the first one', async () => {
    expect(await store.analyses.get(workspaceId, 1, 'en')).toBeUndefined();
    await store.analyses.put(workspaceId, 1, 'en', { total: 3, text: '<b>é</b>' });
    await store.analyses.put(workspaceId, 1, 'en', { total: 99 });
    await store.analyses.put(workspaceId, 1, 'fr', { total: 4 });
    expect(await store.analyses.get(workspaceId, 1, 'en')).toEqual({
      workspaceId,
      number: 1,
      locale: 'en',
      summary: { total: 3, text: '<b>é</b>' },
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect((await store.analyses.get(workspaceId, 1, 'fr'))?.summary).toEqual({ total: 4 });
    expect(await store.analyses.get(otherId, 1, 'en')).toBeUndefined();
  });

  it('lists a workspace’s summaries newest first, by locale and version range', async () => {
    for (const number of [1, 2, 3]) {
      await store.analyses.put(workspaceId, number, 'en', { number });
      await store.analyses.put(workspaceId, number, 'fr', { number });
    }
    await store.analyses.put(otherId, 1, 'en', { number: 1 });
    const all = await store.analyses.list(workspaceId);
    expect(all.map((s) => `${String(s.number)}${s.locale}`)).toEqual([
      '3en',
      '3fr',
      '2en',
      '2fr',
      '1en',
      '1fr',
    ]);
    const range = await store.analyses.list(workspaceId, { locale: 'fr', from: 2, to: 3 });
    expect(range.map((s) => s.summary)).toEqual([{ number: 3 }, { number: 2 }]);
  });

  it('deletes the summaries with their workspace', async () => {
    await store.analyses.put(workspaceId, 1, 'en', {});
    await store.db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).execute();
    await store.db.deleteFrom('workspaces').where('id', '=', workspaceId).execute();
    expect(await store.analyses.list(workspaceId)).toEqual([]);
  });
});
