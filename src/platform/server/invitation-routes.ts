/**
 * Invitations: nobody becomes a member of a workspace without accepting. An owner invites an
 * e-mail address with a role and gets the same 202 answer whether an account uses the address or
 * not (the invitation waits until one does); the invitee sees their pending invitations, accepts
 * (then becomes a member) or declines; owners list and revoke pending ones. Invitations expire
 * after INVITATION_TTL_DAYS. Every step writes an audit entry in the workspace's log.
 */
import { z } from 'zod';
import { ROLES, UniqueViolationError, normaliseEmail } from '../store/index.js';
import type {
  Invitation,
  InvitationsRepository,
  ListedInvitation,
  ReceivedInvitation,
} from '../store/index.js';
import type {
  InvitationResponse,
  InvitationView,
  InvitationsResponse,
  OkResponse,
  ReceivedInvitationView,
  ReceivedInvitationsResponse,
  WorkspaceResponse,
} from '../api/types.js';
import { conflict, notFound } from './errors.js';
import type { ApiError } from './errors.js';
import { defineRoute, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

export const INVITATION_TTL_DAYS = 14;
/** Most pending invitations one workspace may have. */
export const MAX_PENDING_INVITATIONS = 100;

const workspaceParams = z.object({ workspaceId: z.uuid() });
const invitationParams = z.object({ invitationId: z.uuid() });

function ownerView(invitation: ListedInvitation): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedByName,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

function inviteeView(invitation: ReceivedInvitation): ReceivedInvitationView {
  return {
    id: invitation.id,
    workspace: { id: invitation.workspaceId, name: invitation.workspaceName },
    role: invitation.role,
    invitedBy: invitation.invitedByName,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

const alreadyMember = (): ApiError =>
  conflict('already_member', {
    en: 'This person is already a member of the workspace.',
    fr: 'Cette personne est déjà membre de l’espace de travail.',
  });

const tooManyInvitations = (): ApiError =>
  conflict('too_many_invitations', {
    en: `This workspace already has ${String(MAX_PENDING_INVITATIONS)} pending invitations: revoke some, or wait for them to be answered or to expire.`,
    fr: `Cet espace de travail a déjà ${String(MAX_PENDING_INVITATIONS)} invitations en attente : révoquez-en, ou attendez qu’elles reçoivent une réponse ou expirent.`,
  });

function signedIn(input: HandlerInput<unknown, unknown, unknown>): { id: string; email: string } {
  if (input.session === null) throw notFound();
  return input.session.user;
}

/**
 * Deletes the pending invitation `find` returns (an owner revokes it, the invitee declines it)
 * with its audit entry, in one transaction; 404 when there is none or it went meanwhile.
 */
async function withdraw(
  input: HandlerInput<unknown, unknown, unknown>,
  find: (invitations: InvitationsRepository) => Promise<Invitation | undefined>,
  entry: (invitation: Invitation) => {
    readonly action: 'invitation.revoke' | 'invitation.decline';
    readonly before: unknown;
  },
): Promise<void> {
  const actor = signedIn(input);
  await input.server.store.transaction(async (tx) => {
    const invitation = await find(tx.invitations);
    if (invitation === undefined || !(await tx.invitations.delete(invitation.id))) {
      throw notFound();
    }
    await tx.audit.append({
      ...entry(invitation),
      workspaceId: invitation.workspaceId,
      userId: actor.id,
      entityKind: 'invitation',
      entityId: invitation.id,
    });
  });
}

const invite = defineRoute(json<InvitationResponse>('InvitationResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/invitations',
  summary: `Invites an e-mail address with a role (owners). Answers 202 with the invitation whether or not an account uses the address; the person becomes a member only by accepting. Inviting the same address again replaces the role and renews the ${String(INVITATION_TTL_DAYS)}-day expiry.`,
  tag: 'members',
  access: { permission: 'members.manage' },
  csrf: true,
  status: 202,
  params: workspaceParams,
  body: z.object({ email: z.email().max(320), role: z.enum(ROLES) }),
  handler: async (input) => {
    const { params, body, server } = input;
    const actor = signedIn(input);
    const { store } = server;
    // Members are visible to owners anyway: telling them is no disclosure.
    if ((await store.invitations.memberRoleByEmail(params.workspaceId, body.email)) !== undefined) {
      throw alreadyMember();
    }
    await store.invitations.purgeExpired();
    if (
      (await store.invitations.countForWorkspace(params.workspaceId)) >= MAX_PENDING_INVITATIONS
    ) {
      const pending = await store.invitations.listForWorkspace(params.workspaceId);
      // Renewing one of them stays possible.
      const email = normaliseEmail(body.email);
      if (!pending.some((p) => p.email === email)) throw tooManyInvitations();
    }
    let invitation;
    try {
      invitation = await store.invitations.invite({
        workspaceId: params.workspaceId,
        email: body.email,
        role: body.role,
        invitedBy: actor.id,
        ttlMs: INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000,
      });
    } catch (error) {
      // Two owners invited the same address at the same moment: the other one's stands.
      if (error instanceof UniqueViolationError) {
        throw conflict('invitation_pending', {
          en: 'This address was invited at the same moment by someone else.',
          fr: 'Cette adresse vient d’être invitée au même moment par quelqu’un d’autre.',
        });
      }
      throw error;
    }
    await store.audit.append({
      workspaceId: params.workspaceId,
      userId: actor.id,
      action: 'invitation.create',
      entityKind: 'invitation',
      entityId: invitation.id,
      after: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt },
    });
    const listed = { ...invitation, invitedByName: input.session?.user.displayName ?? null };
    return { invitation: ownerView(listed) };
  },
});

const listForWorkspace = defineRoute(json<InvitationsResponse>('InvitationsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/invitations',
  summary: 'Pending (unexpired) invitations of the workspace, newest first (owners).',
  tag: 'members',
  access: { permission: 'members.manage' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => ({
    invitations: (await server.store.invitations.listForWorkspace(params.workspaceId)).map(
      ownerView,
    ),
  }),
});

const revoke = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'DELETE',
  path: '/api/workspaces/:workspaceId/invitations/:invitationId',
  summary: 'Revokes a pending invitation (owners).',
  tag: 'members',
  access: { permission: 'members.manage' },
  csrf: true,
  params: z.object({ workspaceId: z.uuid(), invitationId: z.uuid() }),
  handler: async (input) => {
    const { params } = input;
    await withdraw(
      input,
      (invitations) => invitations.getInWorkspace(params.workspaceId, params.invitationId),
      (invitation) => ({
        action: 'invitation.revoke',
        before: { email: invitation.email, role: invitation.role },
      }),
    );
    return { ok: true };
  },
});

const listMine = defineRoute(json<ReceivedInvitationsResponse>('ReceivedInvitationsResponse'))({
  method: 'GET',
  path: '/api/invitations',
  summary: 'The caller’s pending invitations, with the workspace and who invited them.',
  tag: 'members',
  access: 'user',
  csrf: false,
  handler: async (input) => ({
    invitations: (await input.server.store.invitations.listForEmail(signedIn(input).email)).map(
      inviteeView,
    ),
  }),
});

const accept = defineRoute(json<WorkspaceResponse>('WorkspaceResponse'))({
  method: 'POST',
  path: '/api/invitations/:invitationId/accept',
  summary: 'Accepts one of the caller’s invitations: the caller becomes a member with its role.',
  tag: 'members',
  access: 'user',
  csrf: true,
  params: invitationParams,
  handler: async (input) => {
    const { params, server } = input;
    const user = signedIn(input);
    const { store } = server;
    const result = await store.invitations.accept(params.invitationId, user.email, user.id);
    if (result === undefined) throw notFound();
    const { invitation, outcome } = result;
    await store.audit.append({
      workspaceId: invitation.workspaceId,
      userId: user.id,
      action: 'invitation.accept',
      entityKind: 'invitation',
      entityId: invitation.id,
      after: { userId: user.id, role: invitation.role, joined: outcome === 'joined' },
    });
    if (outcome === 'already_member') throw alreadyMember();
    const workspace = await store.workspaces.getById(invitation.workspaceId);
    if (workspace === undefined) throw notFound();
    return { workspace: { ...workspace, role: invitation.role } };
  },
});

const decline = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'POST',
  path: '/api/invitations/:invitationId/decline',
  summary: 'Declines one of the caller’s invitations.',
  tag: 'members',
  access: 'user',
  csrf: true,
  params: invitationParams,
  handler: async (input) => {
    const email = signedIn(input).email;
    await withdraw(
      input,
      (invitations) => invitations.getForEmail(input.params.invitationId, email),
      (invitation) => ({ action: 'invitation.decline', before: { role: invitation.role } }),
    );
    return { ok: true };
  },
});

export const INVITATION_ROUTES: readonly Route[] = [
  invite,
  listForWorkspace,
  revoke,
  listMine,
  accept,
  decline,
];
