import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, manualClock, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';
import type { User } from './users.js';
import type { Workspace } from './workspaces.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(STORE_DIALECTS)('invitations on %s', (dialect) => {
  let t: TestStore;
  let time = manualClock();
  let owner: User;
  let bob: User;
  let ws: Workspace;

  beforeEach(async () => {
    time = manualClock();
    t = await openTestStore(dialect, { clock: time.clock });
    owner = await t.store.users.create({
      email: 'o@x.org',
      displayName: 'Owner',
      passwordHash: 'h',
    });
    bob = await t.store.users.create({ email: 'bob@x.org', displayName: 'Bob', passwordHash: 'h' });
    ws = await t.store.workspaces.create({ slug: 'forges', name: 'Forges', ownerId: owner.id });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('invites an address (lower-cased), lists it for the workspace and the invitee', async () => {
    const invitation = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: ' Bob@X.org ',
      role: 'analyst',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    expect(invitation).toMatchObject({
      workspaceId: ws.id,
      email: 'bob@x.org',
      role: 'analyst',
      invitedBy: owner.id,
      expiresAt: '2026-01-15T00:00:00.000Z',
    });
    expect(await t.store.invitations.listForWorkspace(ws.id)).toEqual([
      { ...invitation, invitedByName: 'Owner' },
    ]);
    expect(await t.store.invitations.countForWorkspace(ws.id)).toBe(1);
    expect(await t.store.invitations.listForEmail('BOB@x.org')).toEqual([
      { ...invitation, workspaceName: 'Forges', invitedByName: 'Owner' },
    ]);
    expect(await t.store.invitations.listForEmail('o@x.org')).toEqual([]);
    // Not a member until accepted.
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBeUndefined();
  });

  it('inviting again replaces the role and renews the expiry instead of duplicating', async () => {
    const first = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'bob@x.org',
      role: 'viewer',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    time.advance(DAY);
    const second = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'BOB@x.org',
      role: 'auditor',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    expect(second.id).toBe(first.id);
    expect(second.role).toBe('auditor');
    expect(second.expiresAt).toBe('2026-01-16T00:00:00.000Z');
    expect(await t.store.invitations.listForWorkspace(ws.id)).toEqual([
      { ...second, invitedByName: 'Owner' },
    ]);
  });

  it('accepts: membership with the invited role, invitation gone, only for its address', async () => {
    const invitation = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'bob@x.org',
      role: 'analyst',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    // Someone else cannot take it, even knowing its id.
    expect(await t.store.invitations.accept(invitation.id, 'o@x.org', owner.id)).toBeUndefined();
    const accepted = await t.store.invitations.accept(invitation.id, 'Bob@x.org', bob.id);
    expect(accepted?.outcome).toBe('joined');
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBe('analyst');
    expect(await t.store.invitations.listForEmail('bob@x.org')).toEqual([]);
    // A second acceptance finds nothing.
    expect(await t.store.invitations.accept(invitation.id, 'bob@x.org', bob.id)).toBeUndefined();
  });

  it('accepting while already a member deletes the invitation and keeps the role', async () => {
    expect(await t.store.invitations.memberRoleByEmail(ws.id, 'BOB@x.org')).toBeUndefined();
    await t.store.workspaces.addMember(ws.id, bob.id, 'viewer');
    expect(await t.store.invitations.memberRoleByEmail(ws.id, 'BOB@x.org')).toBe('viewer');
    expect(await t.store.invitations.memberRoleByEmail(ws.id, 'ghost@x.org')).toBeUndefined();
    const invitation = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'bob@x.org',
      role: 'owner',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    const accepted = await t.store.invitations.accept(invitation.id, 'bob@x.org', bob.id);
    expect(accepted?.outcome).toBe('already_member');
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBe('viewer');
    expect(await t.store.invitations.listForWorkspace(ws.id)).toEqual([]);
  });

  it('ignores expired invitations everywhere and purges them', async () => {
    const invitation = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'bob@x.org',
      role: 'viewer',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    time.advance(14 * DAY);
    expect(await t.store.invitations.listForWorkspace(ws.id)).toEqual([]);
    expect(await t.store.invitations.countForWorkspace(ws.id)).toBe(0);
    expect(await t.store.invitations.listForEmail('bob@x.org')).toEqual([]);
    expect(await t.store.invitations.getInWorkspace(ws.id, invitation.id)).toBeUndefined();
    expect(await t.store.invitations.getForEmail(invitation.id, 'bob@x.org')).toBeUndefined();
    expect(await t.store.invitations.accept(invitation.id, 'bob@x.org', bob.id)).toBeUndefined();
    expect(await t.store.workspaces.roleOf(ws.id, bob.id)).toBeUndefined();
    expect(await t.store.invitations.purgeExpired()).toBe(1);
    expect(await t.store.invitations.delete(invitation.id)).toBe(false);
  });

  it('finds an invitation only in its own workspace, deletes it, and cascades', async () => {
    const other = await t.store.workspaces.create({ slug: 'o', name: 'O', ownerId: owner.id });
    const invitation = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'carol@x.org',
      role: 'viewer',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    expect(await t.store.invitations.getInWorkspace(other.id, invitation.id)).toBeUndefined();
    expect(await t.store.invitations.getInWorkspace(ws.id, invitation.id)).toEqual(invitation);
    expect(await t.store.invitations.delete(invitation.id)).toBe(true);
    expect(await t.store.invitations.getInWorkspace(ws.id, invitation.id)).toBeUndefined();

    await t.store.invitations.invite({
      workspaceId: other.id,
      email: 'carol@x.org',
      role: 'viewer',
      invitedBy: owner.id,
      ttlMs: 14 * DAY,
    });
    await t.store.workspaces.delete(other.id);
    expect(await t.store.invitations.listForEmail('carol@x.org')).toEqual([]);
    // The inviter's account may go; the invitation stays, without inviter.
    const kept = await t.store.invitations.invite({
      workspaceId: ws.id,
      email: 'dan@x.org',
      role: 'viewer',
      invitedBy: bob.id,
      ttlMs: 14 * DAY,
    });
    await t.store.users.delete(bob.id);
    expect(await t.store.invitations.listForEmail('dan@x.org')).toEqual([
      { ...kept, invitedBy: null, workspaceName: 'Forges', invitedByName: null },
    ]);
  });

  it('refuses a role outside the list at the database level', async () => {
    await expect(
      t.store.db
        .insertInto('invitations')
        .values({
          id: 'x',
          workspace_id: ws.id,
          email: 'e@x.org',
          role: 'god' as 'owner',
          invited_by: null,
          created_at: 'now',
          expires_at: 'later',
        })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('invitations in a full SQLite database', () => {
  it('fail with SQLITE_FULL (not the failed ROLLBACK) and keep nothing', async () => {
    const t = await openTestStore('sqlite');
    try {
      const owner = await t.store.users.create({
        email: 'o@x.org',
        displayName: 'Owner',
        passwordHash: 'h',
      });
      const ws = await t.store.workspaces.create({ slug: 'w', name: 'W', ownerId: owner.id });
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(t.store.db);
      // No page may be added: the database is "full" as on a full disk.
      await sql
        .raw(`pragma max_page_count = ${String(pages.rows[0]?.page_count ?? 0)}`)
        .execute(t.store.db);
      // An address long enough to need new pages.
      const email = `${'a'.repeat(64 * 1024)}@x.org`;
      const invite = { workspaceId: ws.id, email, role: 'viewer', invitedBy: owner.id } as const;
      const error: unknown = await t.store.invitations
        .invite({ ...invite, ttlMs: DAY })
        .catch((e: unknown) => e);
      expect((error as { code?: string }).code, String(error)).toBe('SQLITE_FULL');
      await sql.raw('pragma max_page_count = 1073741823').execute(t.store.db);
      expect(await t.store.invitations.listForWorkspace(ws.id)).toEqual([]);
      await t.store.invitations.invite({ ...invite, ttlMs: DAY });
      expect(await t.store.invitations.countForWorkspace(ws.id)).toBe(1);
    } finally {
      await t.dispose();
    }
  });
});
