import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UniqueViolationError } from './errors.js';
import type { Role } from './schema.js';
import type { User } from './users.js';
import { STORE_DIALECTS, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('workspaces on %s', (dialect) => {
  let t: TestStore;
  let alice: User;
  let bob: User;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    alice = await t.store.users.create({ email: 'a@x.org', displayName: 'A', passwordHash: 'h' });
    bob = await t.store.users.create({ email: 'b@x.org', displayName: 'B', passwordHash: 'h' });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('creates a workspace with its owner and lists it per user with the role', async () => {
    const ws = await t.store.workspaces.create({
      slug: 'forges-de-l-est',
      name: "Forges de l'Est",
      ownerId: alice.id,
    });
    expect(await t.store.workspaces.getById(ws.id)).toEqual(ws);
    expect(await t.store.workspaces.getBySlug('forges-de-l-est')).toEqual(ws);
    expect(await t.store.workspaces.getBySlug('other')).toBeUndefined();
    expect(await t.store.workspaces.roleOf(ws.id, alice.id)).toBe('owner');
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBeUndefined();
    expect(await t.store.workspaces.listForUser(alice.id)).toEqual([{ ...ws, role: 'owner' }]);
    expect(await t.store.workspaces.listForUser(bob.id)).toEqual([]);
  });

  it('rejects a duplicate slug and leaves no orphan membership', async () => {
    await t.store.workspaces.create({ slug: 'acme', name: 'Acme', ownerId: alice.id });
    await expect(
      t.store.workspaces.create({ slug: 'acme', name: 'Other', ownerId: bob.id }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await t.store.workspaces.listForUser(bob.id)).toEqual([]);
  });

  it('rolls back the workspace when the owner does not exist', async () => {
    await expect(
      t.store.workspaces.create({ slug: 'ghost', name: 'Ghost', ownerId: 'no-such-user' }),
    ).rejects.toThrow();
    expect(await t.store.workspaces.getBySlug('ghost')).toBeUndefined();
  });

  it('adds, changes and removes members', async () => {
    const ws = await t.store.workspaces.create({ slug: 'acme', name: 'Acme', ownerId: alice.id });
    await t.store.workspaces.addMember(ws.id, bob.id, 'viewer');
    await expect(t.store.workspaces.addMember(ws.id, bob.id, 'analyst')).rejects.toBeInstanceOf(
      UniqueViolationError,
    );
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBe('viewer');
    expect(await t.store.workspaces.updateMember(ws.id, bob.id, 'auditor')).toEqual({
      outcome: 'changed',
      before: 'viewer',
    });
    expect(await t.store.workspaces.listForUser(bob.id)).toEqual([{ ...ws, role: 'auditor' }]);
    expect((await t.store.workspaces.members(ws.id)).map((m) => [m.email, m.role])).toEqual([
      ['a@x.org', 'owner'],
      ['b@x.org', 'auditor'],
    ]);
    expect(await t.store.workspaces.updateMember(ws.id, bob.id, null)).toEqual({
      outcome: 'changed',
      before: 'auditor',
    });
    expect(await t.store.workspaces.updateMember(ws.id, bob.id, null)).toEqual({
      outcome: 'not_member',
    });
    expect(await t.store.workspaces.updateMember(ws.id, bob.id, 'owner')).toEqual({
      outcome: 'not_member',
    });
  });

  it('changes or removes a member unless no owner would be left', async () => {
    const ws = await t.store.workspaces.create({ slug: 'acme', name: 'Acme', ownerId: alice.id });
    await t.store.workspaces.addMember(ws.id, bob.id, 'viewer');
    const update = (userId: string, role: Role | null) =>
      t.store.workspaces.updateMember(ws.id, userId, role);
    expect(await update(alice.id, 'analyst')).toEqual({ outcome: 'last_owner' });
    expect(await update(alice.id, null)).toEqual({ outcome: 'last_owner' });
    expect(await update(alice.id, 'owner')).toEqual({ outcome: 'changed', before: 'owner' });
    expect(await update(bob.id, 'owner')).toEqual({ outcome: 'changed', before: 'viewer' });
    expect(await update(alice.id, null)).toEqual({ outcome: 'changed', before: 'owner' });
    expect(await update(alice.id, 'viewer')).toEqual({ outcome: 'not_member' });
    expect(await t.store.workspaces.members(ws.id)).toMatchObject([
      { userId: bob.id, role: 'owner' },
    ]);
  });

  it('keeps an owner when two owners demote each other at the same moment', async () => {
    const carol = await t.store.users.create({
      email: 'c@x.org',
      displayName: 'C',
      passwordHash: 'h',
    });
    for (let round = 0; round < 5; round += 1) {
      const ws = await t.store.workspaces.create({
        slug: `race-${String(round)}`,
        name: 'Race',
        ownerId: alice.id,
      });
      await t.store.workspaces.addMember(ws.id, bob.id, 'owner');
      await t.store.workspaces.addMember(ws.id, carol.id, 'viewer');
      // each in a transaction of its own, as the API runs them (with the audit entry)
      const demote = (userId: string, role: Role | null) =>
        t.store.transaction((tx) => tx.workspaces.updateMember(ws.id, userId, role));
      const outcomes = await Promise.all([demote(alice.id, 'viewer'), demote(bob.id, null)]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['changed', 'last_owner']);
      const owners = (await t.store.workspaces.members(ws.id)).filter((m) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    }
  });

  it('cascades memberships and versions on workspace and user deletion', async () => {
    const ws = await t.store.workspaces.create({ slug: 'acme', name: 'Acme', ownerId: alice.id });
    await t.store.workspaces.addMember(ws.id, bob.id, 'analyst');
    await t.store.versions.append(ws.id, null, { 'model.yaml': 'a: 1' }, 'v1', bob.id);
    await t.store.users.delete(bob.id);
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBeUndefined();
    expect((await t.store.versions.get(ws.id, 1))?.authorId).toBeNull();

    await t.store.workspaces.delete(ws.id);
    expect(await t.store.db.selectFrom('memberships').selectAll().execute()).toEqual([]);
    expect(await t.store.db.selectFrom('model_versions').selectAll().execute()).toEqual([]);
  });

  it('stores an SQL injection attempt in a slug and name verbatim and harmlessly', async () => {
    const slug = "x'; drop table workspaces; --";
    const name = 'Robert"); DELETE FROM users; --';
    const ws = await t.store.workspaces.create({ slug, name, ownerId: alice.id });
    expect(await t.store.workspaces.getBySlug(slug)).toEqual({ ...ws, slug, name });
    expect(await t.store.workspaces.getBySlug("' or 1=1 --")).toBeUndefined();
    expect(await t.store.users.list()).toHaveLength(2);
    expect(await t.store.workspaces.listAll()).toHaveLength(1);
  });
});
