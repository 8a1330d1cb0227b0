import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, manualClock, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';
import type { User } from './users.js';
import type { Workspace } from './workspaces.js';

const F1 = 'weak-password@srv-ad';
const F2 = 'cleartext-admin-protocol@plc-1';

describe.each(STORE_DIALECTS)('finding work on %s', (dialect) => {
  let t: TestStore;
  let time = manualClock();
  let owner: User;
  let bob: User;
  let ws: Workspace;
  let other: Workspace;

  beforeEach(async () => {
    time = manualClock('2026-03-01T08:00:00.000Z');
    t = await openTestStore(dialect, { clock: time.clock });
    owner = await t.store.users.create({
      email: 'o@x.org',
      displayName: 'Owner',
      passwordHash: 'h',
    });
    bob = await t.store.users.create({ email: 'bob@x.org', displayName: 'Bob', passwordHash: 'h' });
    ws = await t.store.workspaces.create({ slug: 'forges', name: 'Forges', ownerId: owner.id });
    other = await t.store.workspaces.create({ slug: 'other', name: 'Other', ownerId: owner.id });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('assigns, sets a due date, keeps the other field and clears to no row', async () => {
    const work = t.store.findingWork;
    expect(await work.get(ws.id, F1)).toEqual({
      findingId: F1,
      assignee: null,
      dueDate: null,
      updatedAt: '',
      comments: 0,
    });
    const assigned = await work.set(ws.id, F1, { assigneeId: bob.id }, owner.id);
    expect(assigned).toEqual({
      findingId: F1,
      before: { assigneeId: null, dueDate: null },
      after: { assigneeId: bob.id, dueDate: null },
    });
    await work.set(ws.id, F1, { dueDate: '2026-04-01' }, owner.id);
    expect(await work.get(ws.id, F1)).toMatchObject({
      assignee: { id: bob.id, displayName: 'Bob', email: 'bob@x.org' },
      dueDate: '2026-04-01',
      updatedAt: '2026-03-01T08:00:00.000Z',
    });
    // the same value again changes nothing
    expect(await work.set(ws.id, F1, { dueDate: '2026-04-01' }, owner.id)).toBeUndefined();
    await work.set(ws.id, F1, { assigneeId: null, dueDate: null }, owner.id);
    expect(await work.list(ws.id)).toEqual([]);
    const rows = await t.store.db.selectFrom('finding_work').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('bulk-assigns in one step and reports only the findings that changed', async () => {
    const work = t.store.findingWork;
    await work.set(ws.id, F1, { assigneeId: bob.id, dueDate: '2026-05-01' }, owner.id);
    const changes = await work.setMany(ws.id, [F1, F2, F2], { assigneeId: bob.id }, owner.id);
    expect(changes).toEqual([
      {
        findingId: F2,
        before: { assigneeId: null, dueDate: null },
        after: { assigneeId: bob.id, dueDate: null },
      },
    ]);
    const listed = await work.list(ws.id);
    expect(listed.map((w) => [w.findingId, w.assignee?.id, w.dueDate])).toEqual([
      [F2, bob.id, null],
      [F1, bob.id, '2026-05-01'],
    ]);
  });

  it('keeps work per workspace', async () => {
    await t.store.findingWork.set(ws.id, F1, { assigneeId: bob.id }, owner.id);
    await t.store.findingWork.addComment({
      workspaceId: ws.id,
      findingId: F1,
      authorId: bob.id,
      body: 'hello',
    });
    expect(await t.store.findingWork.list(other.id)).toEqual([]);
    expect(await t.store.findingWork.listComments(other.id, F1)).toEqual([]);
    const [comment] = await t.store.findingWork.listComments(ws.id, F1);
    expect(comment).toBeDefined();
    expect(await t.store.findingWork.getComment(other.id, comment?.id ?? '')).toBeUndefined();
    expect(await t.store.findingWork.deleteComment(other.id, comment?.id ?? '')).toBe(false);
    expect(await t.store.findingWork.listComments(ws.id, F1)).toHaveLength(1);
  });

  it('lists comments oldest first with their author, counts them, keeps them when the author goes', async () => {
    const work = t.store.findingWork;
    const first = await work.addComment({
      workspaceId: ws.id,
      findingId: F1,
      authorId: bob.id,
      body: 'Patch planned for the shutdown in May.',
    });
    time.advance(60_000);
    const second = await work.addComment({
      workspaceId: ws.id,
      findingId: F1,
      authorId: owner.id,
      body: 'OK — <b>thanks</b>',
    });
    expect(first).toMatchObject({ authorId: bob.id, authorName: 'Bob', findingId: F1 });
    expect((await work.listComments(ws.id, F1)).map((c) => c.id)).toEqual([first.id, second.id]);
    expect((await work.get(ws.id, F1)).comments).toBe(2);
    // a finding with comments but no assignee is listed
    expect(await work.list(ws.id)).toEqual([
      { findingId: F1, assignee: null, dueDate: null, updatedAt: '', comments: 2 },
    ]);
    await t.store.db.deleteFrom('users').where('id', '=', bob.id).execute();
    const kept = await work.listComments(ws.id, F1);
    expect(kept[0]).toMatchObject({ id: first.id, authorId: null, authorName: null });
    expect(await work.deleteComment(ws.id, second.id)).toBe(true);
    expect(await work.deleteComment(ws.id, second.id)).toBe(false);
  });

  it('an assignee whose account is deleted leaves the finding unassigned', async () => {
    await t.store.findingWork.set(
      ws.id,
      F1,
      { assigneeId: bob.id, dueDate: '2026-04-01' },
      owner.id,
    );
    await t.store.db.deleteFrom('users').where('id', '=', bob.id).execute();
    expect(await t.store.findingWork.get(ws.id, F1)).toMatchObject({
      assignee: null,
      dueDate: '2026-04-01',
    });
  });

  it('claims each reminder once, and again after a release', async () => {
    const work = t.store.findingWork;
    expect(await work.claimReminder(ws.id, F1, 'lapsed', '2026-02-01')).toBe(true);
    expect(await work.claimReminder(ws.id, F1, 'lapsed', '2026-02-01')).toBe(false);
    // another kind or another review date is another reminder
    expect(await work.claimReminder(ws.id, F1, 'upcoming', '2026-02-01')).toBe(true);
    expect(await work.claimReminder(ws.id, F1, 'lapsed', '2026-06-01')).toBe(true);
    expect(await work.claimReminder(other.id, F1, 'lapsed', '2026-02-01')).toBe(true);
    expect(await work.sentReminders(ws.id)).toEqual(
      new Set([`${F1}|lapsed|2026-02-01`, `${F1}|upcoming|2026-02-01`, `${F1}|lapsed|2026-06-01`]),
    );
    await work.releaseReminder(ws.id, F1, 'lapsed', '2026-02-01');
    expect(await work.claimReminder(ws.id, F1, 'lapsed', '2026-02-01')).toBe(true);
  });

  it('deleting the workspace deletes its work', async () => {
    await t.store.findingWork.set(ws.id, F1, { assigneeId: bob.id }, owner.id);
    await t.store.findingWork.addComment({
      workspaceId: ws.id,
      findingId: F1,
      authorId: bob.id,
      body: 'x',
    });
    await t.store.findingWork.claimReminder(ws.id, F1, 'lapsed', '2026-02-01');
    await t.store.db.deleteFrom('workspaces').where('id', '=', ws.id).execute();
    for (const table of ['finding_work', 'finding_comments', 'reminders_sent'] as const) {
      expect(await t.store.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
  });
});
