import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, openClockedTestStore } from './test-support.js';
import type { ManualClock, TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('audit log on %s', (dialect) => {
  let t: TestStore;
  let time: ManualClock;
  beforeEach(async () => {
    ({ time, ...t } = await openClockedTestStore(dialect));
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('appends entries with before/after and exports them oldest first', async () => {
    await t.store.audit.append({
      workspaceId: 'w1',
      userId: 'u1',
      action: 'asset.update',
      entityKind: 'asset',
      entityId: 'srv-01',
      before: { name: 'old', tags: ['a'] },
      after: { name: '<script>alert(1)</script>' },
    });
    time.advance(1000);
    await t.store.audit.append({
      workspaceId: 'w1',
      userId: null,
      action: 'workspace.create',
      entityKind: 'workspace',
    });
    await t.store.audit.append({
      workspaceId: 'w2',
      userId: 'u1',
      action: 'x',
      entityKind: 'y',
    });
    await t.store.audit.append({
      workspaceId: null,
      userId: 'u1',
      action: 'login',
      entityKind: 'user',
    });

    const all = await t.store.audit.exportAll('w1');
    expect(all.map((e) => e.action)).toEqual(['asset.update', 'workspace.create']);
    expect(all[0]).toMatchObject({
      userId: 'u1',
      entityId: 'srv-01',
      at: '2026-01-01T00:00:00.000Z',
      before: { name: 'old', tags: ['a'] },
      after: { name: '<script>alert(1)</script>' },
    });
    expect(all[1]).toMatchObject({ userId: null, entityId: null, before: null, after: null });
    expect(await t.store.audit.exportAll('none')).toEqual([]);
  });

  it('pages newest first without gaps or repeats', async () => {
    for (let i = 0; i < 7; i += 1) {
      await t.store.audit.append({
        workspaceId: 'w1',
        userId: 'u1',
        action: `a${i}`,
        entityKind: 'k',
      });
    }
    const seen: string[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await t.store.audit.list('w1', {
        limit: 3,
        ...(cursor === undefined ? {} : { before: cursor }),
      });
      seen.push(...page.entries.map((e) => e.action));
      expect(page.entries.length).toBeLessThanOrEqual(3);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['a6', 'a5', 'a4', 'a3', 'a2', 'a1', 'a0']);
    // Absurd limits are clamped, not passed through.
    expect((await t.store.audit.list('w1', { limit: -5 })).entries).toHaveLength(1);
  });
});
