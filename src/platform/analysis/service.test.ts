import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingsResponse } from '../api/types.js';
import type { Store } from '../store/index.js';
import { openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { LruCache } from './lru.js';
import { AnalysisError, SUMMARY_LOCALE, createAnalysisService } from './service.js';

// the minimal example with a privileged identity without MFA: two findings
const MINIMAL = `${readFileSync(
  new URL('../../../examples/minimal/model.yaml', import.meta.url),
  'utf8',
)}
identities:
  - id: admin-it
    name: IT administrator
    kind: person
    privileged: true
    mfa: false
`;

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

  const by = { userId: 'u1' };
  const text = (answer: { json: Buffer }): unknown => JSON.parse(answer.json.toString('utf8'));

  it('computes a version once for every language and memoises the answers', async () => {
    const service = createAnalysisService(store);
    const [a, b, c] = await Promise.all([
      service.findings(workspaceId, 1, 'en', {}, by),
      service.findings(workspaceId, 1, 'en', {}, by),
      service.entities(workspaceId, 1, 'en', 'assets', {}, by),
    ]);
    expect(service.stats.computations).toBe(1);
    expect(a).toBe(b);
    expect(text(c)).toMatchObject({ kind: 'assets', version: 1 });
    expect(text(a)).toMatchObject({ version: 1 } satisfies Partial<FindingsResponse>);
    const french = await service.findings(workspaceId, 1, 'fr', {}, by);
    // translated at the edge: no second analysis, but the text is French
    expect(service.stats.computations).toBe(1);
    const en = text(a) as FindingsResponse;
    const fr = text(french) as FindingsResponse;
    expect(fr.findings.map((f) => f.id)).toEqual(en.findings.map((f) => f.id));
    expect(fr.findings.length).toBeGreaterThan(0);
    expect(fr.findings[0]?.title).not.toBe(en.findings[0]?.title);
  });

  it('reads the model’s language from its stored summary, else from its analysis, once', async () => {
    const owner = await store.users.findByEmail('a@example.test');
    const other = await store.workspaces.create({ slug: 'l', name: 'L', ownerId: owner!.id });
    // the minimal example names French; without its `locale` line it names no language
    const none = MINIMAL.replace(/^ {2}locale: fr\n/m, '');
    expect(none).not.toBe(MINIMAL);
    await store.versions.append(other.id, null, { 'model.yaml': none }, 'none', null);
    await store.versions.append(other.id, 1, { 'model.yaml': MINIMAL }, 'fr', null);
    const service = createAnalysisService(store);
    try {
      expect(await service.modelLocale(other.id, 1, by)).toBeNull();
      expect(await service.modelLocale(other.id, 2, by)).toBe('fr');
      expect(service.stats.computations).toBe(2);
      // `model`: the language the model names, from the analysis held (no other computation)
      const frModel = text(await service.findings(other.id, 2, 'model', {}, by));
      expect(frModel).toEqual(text(await service.findings(other.id, 2, 'fr', {}, by)));
      const noneModel = text(await service.findings(other.id, 1, 'model', {}, by));
      expect(noneModel).toEqual(text(await service.findings(other.id, 1, 'en', {}, by)));
      expect(noneModel).not.toEqual(text(await service.findings(other.id, 1, 'fr', {}, by)));
      expect(service.stats.computations).toBe(2);
      await expect(service.modelLocale(other.id, 3, by)).rejects.toEqual(
        new AnalysisError('not_found'),
      );
    } finally {
      await service.close();
    }
    // a stored summary answers without any analysis
    await store.analyses.put(other.id, 1, SUMMARY_LOCALE, { version: 1, modelLocale: 'en' });
    const fresh = createAnalysisService(store);
    try {
      expect(await fresh.modelLocale(other.id, 1, by)).toBe('en');
      expect(fresh.stats.computations).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('recomputes on a new day and when the thread evicted the analysis', async () => {
    let day = '2026-01-01';
    const service = createAnalysisService(store, { capacity: 1, today: () => day });
    await service.findings(workspaceId, 1, 'en', {}, by);
    await service.findings(workspaceId, 1, 'en', { severity: 'high' }, by);
    expect(service.stats.computations).toBe(1);
    day = '2026-01-02';
    await service.findings(workspaceId, 1, 'en', {}, by);
    expect(service.stats.computations).toBe(2);
    await service.findings(workspaceId, 2, 'en', {}, by);
    await service.findings(workspaceId, 1, 'en', { severity: 'low' }, by);
    expect(service.stats.computations).toBe(4);
  });

  it('reports a missing version without caching it', async () => {
    const service = createAnalysisService(store);
    await expect(service.findings(workspaceId, 3, 'en', {}, by)).rejects.toEqual(
      new AnalysisError('not_found'),
    );
    await store.versions.append(workspaceId, 2, { 'model.yaml': MINIMAL }, 'three', null);
    const body = text(await service.findings(workspaceId, 3, 'en', {}, by)) as FindingsResponse;
    expect(body.version).toBe(3);
  });

  it('gzips large answers once, in the analysis thread', async () => {
    const service = createAnalysisService(store);
    const answer = await service.architectureDiagram(workspaceId, 1, 'en', 'zones', by);
    expect(answer.json.byteLength).toBeGreaterThan(1024);
    expect(answer.gzip).not.toBeNull();
    expect(gunzipSync(answer.gzip ?? Buffer.alloc(0)).equals(answer.json)).toBe(true);
  });

  it('bounds the cold analyses one user and one workspace may queue, with the time to retry', async () => {
    const service = createAnalysisService(store, { maxColdPerUser: 1, maxColdPerWorkspace: 2 });
    const first = service.findings(workspaceId, 1, 'en', {}, by);
    // the same version joins the computation in flight: not another cold analysis
    const same = service.findings(workspaceId, 1, 'en', { severity: 'high' }, by);
    const refused = await service.findings(workspaceId, 2, 'en', {}, by).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AnalysisError);
    expect(refused).toMatchObject({ code: 'busy', details: { scope: 'user', limit: 1 } });
    expect((refused as AnalysisError).details).toHaveProperty('retryAfter', 5);
    // another user of the workspace still may, up to the workspace's bound
    const other = service.findings(workspaceId, 2, 'en', {}, { userId: 'u2' });
    const third = await service
      .findings(workspaceId, 3, 'en', {}, { userId: 'u3' })
      .catch((e: unknown) => e);
    expect(third).toMatchObject({ code: 'busy', details: { scope: 'workspace', limit: 2 } });
    await Promise.all([first, same, other]);
    // once done, the user may analyse another version; warm versions are never refused
    await expect(service.findings(workspaceId, 3, 'en', {}, by)).resolves.toBeDefined();
    await expect(service.findings(workspaceId, 1, 'fr', {}, by)).resolves.toBeDefined();
  });

  it('computes and stores the trend once for every language, then reads it from the table', async () => {
    const service = createAnalysisService(store);
    const members = await service.dashboardMembers(workspaceId, 2, 'fr', by);
    const dashboard = JSON.parse(`{${members}}`) as { trend: { version: number }[] };
    expect(dashboard.trend.map((p) => p.version)).toEqual([1, 2]);
    expect(service.stats.computations).toBe(2);
    const fresh = createAnalysisService(store);
    await fresh.dashboardMembers(workspaceId, 2, 'en', by);
    // version 2 is analysed again (it is the live one), version 1 comes from the table
    expect(fresh.stats.computations).toBe(1);
  });

  it('validates a stored version from its analyses, and files about to be saved, off this thread', async () => {
    const service = createAnalysisService(store);
    try {
      const stored = text(await service.validation(workspaceId, 1, 'fr', by)) as {
        valid: boolean;
        counts: { assets: number; identities: number };
      };
      expect(stored).toMatchObject({ valid: true, errors: 0, counts: { identities: 1 } });
      const broken = await service.validateFiles(
        { 'model.yaml': `${MINIMAL}\n  - id: admin-it\n    name: twice\n    kind: person\n` },
        'fr',
      );
      expect(broken.valid).toBe(false);
      expect(broken.diagnostics.some((d) => d.severity === 'error' && d.line > 0)).toBe(true);
      // messages in the language asked for
      const english = await service.validateFiles({ 'model.yaml': 'assets: [ {id: 1' }, 'en');
      const french = await service.validateFiles({ 'model.yaml': 'assets: [ {id: 1' }, 'fr');
      expect(english.valid).toBe(false);
      expect(french.diagnostics[0]?.message).not.toBe(english.diagnostics[0]?.message);
      expect(french.diagnostics[0]?.code).toBe(english.diagnostics[0]?.code);
    } finally {
      await service.close();
    }
  });
});
