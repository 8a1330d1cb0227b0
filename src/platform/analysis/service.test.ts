import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingsResponse } from '../api/types.js';
import type { Store } from '../store/index.js';
import { openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { LruCache } from './lru.js';
import { AnalysisError, createAnalysisService } from './service.js';

const MINIMAL = readFileSync(
  new URL('../../../examples/minimal/model.yaml', import.meta.url),
  'utf8',
);

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
    expect(() => new LruCache(0)).toThrow();
  });
});

describe('analysis service', () => {
  let testStore: TestStore;
  let store: Store;
  let workspaceId: string;

  beforeAll(async () => {
    testStore = await openTestStore('sqlite');
    store = testStore.store;
    const user = await store.users.create({
      email: 'a@example.test',
      displayName: 'A',
      passwordHash: 'x',
    });
    workspaceId = (await store.workspaces.create({ slug: 'a', name: 'A', ownerId: user.id })).id;
    await store.versions.append(workspaceId, null, { 'model.yaml': MINIMAL }, 'one', user.id);
    await store.versions.append(workspaceId, 1, { 'model.yaml': MINIMAL }, 'two', user.id);
  });

  afterAll(async () => {
    await testStore.dispose();
  });

  it('shares one computation between concurrent requests and memoises the JSON', async () => {
    const service = createAnalysisService(store);
    const [a, b, c] = await Promise.all([
      service.findings(workspaceId, 1, 'en', {}),
      service.findings(workspaceId, 1, 'en', {}),
      service.entities(workspaceId, 1, 'en', 'assets', {}),
    ]);
    expect(service.stats.computations).toBe(1);
    expect(a).toBe(b);
    expect(JSON.parse(c)).toMatchObject({ kind: 'assets', version: 1 });
    expect(JSON.parse(a)).toMatchObject({ version: 1 } satisfies Partial<FindingsResponse>);
    await service.findings(workspaceId, 1, 'fr', {});
    expect(service.stats.computations).toBe(2);
  });

  it('recomputes on a new day and when the LRU evicted the analysis', async () => {
    let day = '2026-01-01';
    const service = createAnalysisService(store, { capacity: 1, today: () => day });
    await service.findings(workspaceId, 1, 'en', {});
    await service.findings(workspaceId, 1, 'en', {});
    expect(service.stats.computations).toBe(1);
    day = '2026-01-02';
    await service.findings(workspaceId, 1, 'en', {});
    expect(service.stats.computations).toBe(2);
    await service.findings(workspaceId, 2, 'en', {});
    await service.findings(workspaceId, 1, 'en', {});
    expect(service.stats.computations).toBe(4);
  });

  it('reports a missing version without caching it', async () => {
    const service = createAnalysisService(store);
    await expect(service.findings(workspaceId, 3, 'en', {})).rejects.toEqual(
      new AnalysisError('not_found'),
    );
    await store.versions.append(workspaceId, 2, { 'model.yaml': MINIMAL }, 'three', null);
    const body = JSON.parse(await service.findings(workspaceId, 3, 'en', {})) as FindingsResponse;
    expect(body.version).toBe(3);
  });

  it('computes and stores the trend once, then reads it from the table', async () => {
    const service = createAnalysisService(store);
    const members = await service.dashboardMembers(workspaceId, 2, 'fr');
    const dashboard = JSON.parse(`{${members}}`) as { trend: { version: number }[] };
    expect(dashboard.trend.map((p) => p.version)).toEqual([1, 2]);
    expect(service.stats.computations).toBe(2);
    const fresh = createAnalysisService(store);
    await fresh.dashboardMembers(workspaceId, 2, 'fr');
    // version 2 is analysed again (it is the live one), version 1 comes from the table
    expect(fresh.stats.computations).toBe(1);
  });
});
