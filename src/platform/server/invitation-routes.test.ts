import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvitationView, ReceivedInvitationView } from '../api/types.js';
import type { Store, User, Workspace } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { MAX_PENDING_INVITATIONS } from './invitation-routes.js';
import { client, signIn } from './test-support.js';
import type { TestClient, TestSession } from './test-support.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(STORE_DIALECTS)('invitations API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let time = manualClock();
  let owner: TestSession;
  let analyst: TestSession;
  let bob: TestSession;
  let carol: TestSession;
  let workspace: Workspace;
  let base: string;

  const api = (session: TestSession): TestClient => client(app, session);

  const invite = (email: string, role = 'viewer', by = owner): Promise<LightMyRequestResponse> =>
    api(by).post(base, { email, role });

  const mine = async (session: TestSession): Promise<ReceivedInvitationView[]> =>
    (await api(session).get('/api/invitations')).json<{
      invitations: ReceivedInvitationView[];
    }>().invitations;

  const actions = async (): Promise<string[]> =>
    (
      await store.db
        .selectFrom('audit_log')
        .select('action')
        .where('workspace_id', '=', workspace.id)
        .where('action', 'like', 'invitation.%')
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  beforeEach(async () => {
    time = manualClock();
    testStore = await openTestStore(dialect, { clock: time.clock });
    store = testStore.store;
    app = buildApp({ store });
    const make = (email: string, displayName: string): Promise<User> =>
      store.users.create({ email, displayName, passwordHash: 'h' });
    owner = await signIn(store, await make('owner@example.test', 'Owner'));
    analyst = await signIn(store, await make('analyst@example.test', 'Analyst'));
    bob = await signIn(store, await make('bob@example.test', 'Bob'));
    carol = await signIn(store, await make('carol@example.test', 'Carol'));
    workspace = await store.workspaces.create({
      slug: 'forges',
      name: 'Forges',
      ownerId: owner.user.id,
    });
    await store.workspaces.addMember(workspace.id, analyst.user.id, 'analyst');
    base = `/api/workspaces/${workspace.id}/invitations`;
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('answers the same 202 whether an account uses the address or not', async () => {
    const existing = await invite('bob@example.test');
    const nobody = await invite('nobody@example.test');
    expect(existing.statusCode, existing.body).toBe(202);
    expect(nobody.statusCode).toBe(202);
    const shape = (r: LightMyRequestResponse): unknown => {
      const { invitation } = r.json<{ invitation: InvitationView }>();
      return {
        ...invitation,
        id: typeof invitation.id,
        email: typeof invitation.email,
        createdAt: typeof invitation.createdAt,
        expiresAt: Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt),
      };
    };
    expect(shape(nobody)).toEqual(shape(existing));
    expect(Object.keys(existing.json<{ invitation: object }>().invitation).sort()).toEqual([
      'createdAt',
      'email',
      'expiresAt',
      'id',
      'invitedBy',
      'role',
    ]);
    expect(existing.json<{ invitation: InvitationView }>().invitation).toMatchObject({
      email: 'bob@example.test',
      role: 'viewer',
      invitedBy: 'Owner',
    });
    expect(shape(existing)).toMatchObject({ expiresAt: 14 * DAY });
    // Nobody was added.
    expect(await store.workspaces.roleOf(workspace.id, bob.user.id)).toBeUndefined();
  });

  it('lets the invitee see, accept and become a member with the invited role', async () => {
    await invite('Bob@Example.test', 'auditor');
    const [received] = await mine(bob);
    expect(received).toMatchObject({
      workspace: { id: workspace.id, name: 'Forges' },
      role: 'auditor',
      invitedBy: 'Owner',
    });
    expect(await mine(carol)).toEqual([]);
    // Another account cannot accept or decline it, even with its id.
    const id = received?.id ?? '';
    expect((await api(carol).post(`/api/invitations/${id}/accept`)).statusCode).toBe(404);
    expect((await api(carol).post(`/api/invitations/${id}/decline`)).statusCode).toBe(404);
    const accepted = await api(bob).post(`/api/invitations/${id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ workspace: { id: string; role: string } }>().workspace).toMatchObject({
      id: workspace.id,
      role: 'auditor',
    });
    expect(await store.workspaces.roleOf(workspace.id, bob.user.id)).toBe('auditor');
    const workspaces = await api(bob).get('/api/workspaces');
    expect(workspaces.json<{ workspaces: { id: string }[] }>().workspaces.map((w) => w.id)).toEqual(
      [workspace.id],
    );
    expect(await mine(bob)).toEqual([]);
    expect((await api(bob).post(`/api/invitations/${id}/accept`)).statusCode).toBe(404);
    expect(await actions()).toEqual(['invitation.create', 'invitation.accept']);
  });

  it('lets the invitee decline: no membership, gone from both lists', async () => {
    const id = (await invite('bob@example.test')).json<{ invitation: InvitationView }>().invitation
      .id;
    const declined = await api(bob).post(`/api/invitations/${id}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(await store.workspaces.roleOf(workspace.id, bob.user.id)).toBeUndefined();
    expect(await mine(bob)).toEqual([]);
    const pending = await api(owner).get(base);
    expect(pending.json<{ invitations: unknown[] }>().invitations).toEqual([]);
    expect((await api(bob).post(`/api/invitations/${id}/accept`)).statusCode).toBe(404);
    expect(await actions()).toEqual(['invitation.create', 'invitation.decline']);
  });

  it('lets owners list and revoke pending invitations; others may not', async () => {
    await invite('bob@example.test', 'analyst');
    await invite('someone@example.test');
    const list = await api(owner).get(base);
    const invitations = list.json<{ invitations: InvitationView[] }>().invitations;
    expect(invitations.map((i) => i.email).sort()).toEqual([
      'bob@example.test',
      'someone@example.test',
    ]);
    expect((await api(analyst).get(base)).statusCode).toBe(403);
    expect((await invite('x@example.test', 'viewer', analyst)).statusCode).toBe(403);
    // A non-member gets 404 (the workspace's existence does not leak).
    expect((await api(bob).get(base)).statusCode).toBe(404);
    const bobs = invitations.find((i) => i.email === 'bob@example.test')?.id ?? '';
    expect((await api(analyst).delete(`${base}/${bobs}`)).statusCode).toBe(403);
    expect((await api(owner).delete(`${base}/${bobs}`)).statusCode).toBe(200);
    expect((await api(owner).delete(`${base}/${bobs}`)).statusCode).toBe(404);
    expect(await mine(bob)).toEqual([]);
    expect((await api(bob).post(`/api/invitations/${bobs}/accept`)).statusCode).toBe(404);
    expect(await actions()).toEqual([
      'invitation.create',
      'invitation.create',
      'invitation.revoke',
    ]);
  });

  it('revokes only in its own workspace', async () => {
    const other = await store.workspaces.create({ slug: 'o', name: 'O', ownerId: owner.user.id });
    const id = (await invite('bob@example.test')).json<{ invitation: InvitationView }>().invitation
      .id;
    const wrong = await api(owner).delete(`/api/workspaces/${other.id}/invitations/${id}`);
    expect(wrong.statusCode).toBe(404);
    expect(await mine(bob)).toHaveLength(1);
  });

  it('expires invitations after 14 days', async () => {
    await invite('bob@example.test');
    const id = (await mine(bob))[0]?.id ?? '';
    time.advance(14 * 24 * 60 * 60 * 1000 - 1);
    expect(await mine(bob)).toHaveLength(1);
    time.advance(1);
    expect(await mine(bob)).toEqual([]);
    expect((await api(owner).get(base)).json<{ invitations: unknown[] }>().invitations).toEqual([]);
    expect((await api(bob).post(`/api/invitations/${id}/accept`)).statusCode).toBe(404);
    expect(await store.workspaces.roleOf(workspace.id, bob.user.id)).toBeUndefined();
    // Inviting again works (the expired one is replaced).
    expect((await invite('bob@example.test')).statusCode).toBe(202);
    expect(await mine(bob)).toHaveLength(1);
  });

  it('refuses members (visible to owners anyway), bad input, and too many pending', async () => {
    const member = await invite('analyst@example.test');
    expect(member.statusCode).toBe(409);
    expect(member.json<{ code: string }>().code).toBe('already_member');
    expect((await invite('not an address')).statusCode).toBe(400);
    expect((await invite('bob@example.test', 'god')).statusCode).toBe(400);
    expect(
      (await api(bob).post('/api/invitations/not-a-uuid/accept')).json<{ code: string }>().code,
    ).toBe('validation');
    for (let i = 0; i < MAX_PENDING_INVITATIONS; i += 1) {
      await store.invitations.invite({
        workspaceId: workspace.id,
        email: `person${String(i)}@example.test`,
        role: 'viewer',
        invitedBy: owner.user.id,
        ttlMs: DAY,
      });
    }
    const full = await invite('bob@example.test');
    expect(full.statusCode).toBe(409);
    expect(full.json<{ code: string; message: { fr: string } }>()).toMatchObject({
      code: 'too_many_invitations',
    });
    // Renewing a pending one is still possible.
    expect((await invite('person3@example.test', 'auditor')).statusCode).toBe(202);
  });

  it('accepting when already a member keeps the role and consumes the invitation', async () => {
    const id = (await invite('bob@example.test', 'owner')).json<{ invitation: InvitationView }>()
      .invitation.id;
    await store.workspaces.addMember(workspace.id, bob.user.id, 'viewer');
    const response = await api(bob).post(`/api/invitations/${id}/accept`);
    expect(response.statusCode).toBe(409);
    expect(await store.workspaces.roleOf(workspace.id, bob.user.id)).toBe('viewer');
    expect(await mine(bob)).toEqual([]);
  });

  it('has no route adding a member directly any more', async () => {
    const response = await api(owner).post(`/api/workspaces/${workspace.id}/members`, {
      email: 'bob@example.test',
      role: 'viewer',
    });
    expect(response.statusCode).toBe(404);
    expect(await store.workspaces.roleOf(workspace.id, bob.user.id)).toBeUndefined();
  });
});
