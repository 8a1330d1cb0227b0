/**
 * Invitations: nobody becomes a member of a workspace without accepting. An owner invites an
 * e-mail address with a role and gets the same 202 answer whether an account uses the address or
 * not (the invitation waits until one does); the invitee sees their pending invitations, accepts
 * (then becomes a member) or declines; owners list and revoke pending ones. Invitations expire
 * after INVITATION_TTL_DAYS. Every step writes an audit entry in the workspace's log.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { hashToken, newCsrfToken, newSessionToken } from '../auth/tokens.js';
import { millisOf } from '../clock.js';
import { MailError } from '../mail/index.js';
import { ROLES, UniqueViolationError, normaliseEmail } from '../store/index.js';
import type {
  Invitation,
  InvitationsRepository,
  ListedInvitation,
  ReceivedInvitation,
} from '../store/index.js';
import type {
  InvitationDelivery,
  InvitationLinkAcceptResponse,
  InvitationLinkResponse,
  InvitationResponse,
  InvitationView,
  InvitationsResponse,
  OkResponse,
  ReceivedInvitationView,
  ReceivedInvitationsResponse,
  WorkspaceResponse,
} from '../api/types.js';
import { sessionCookie } from './cookies.js';
import { ApiError, badRequest, conflict, notFound, rateLimited } from './errors.js';
import { localeOf } from './locale.js';
import type { ServerContext } from './route.js';
import { publicUser } from './user-views.js';
import { defineRoute, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

export const INVITATION_TTL_DAYS = 14;
/** Default validity of the single-use link mailed with an invitation (the owner may choose 1–30). */
export const INVITATION_LINK_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the session opened by registering through a link lasts (as a sign-in's). */
const REGISTER_SESSION_SECONDS = 12 * 60 * 60;
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
  body: z.object({
    email: z.email().max(320),
    role: z.enum(ROLES),
    /** Days the mailed link stays valid (default INVITATION_LINK_TTL_DAYS). */
    linkDays: z.number().int().min(1).max(30).optional(),
  }),
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
    const workspace = await store.workspaces.getById(params.workspaceId);
    const delivery = await sendInvitationLink(server, input.request, {
      invitation,
      workspaceName: workspace?.name ?? '',
      inviterName: listed.invitedByName,
      ttlMs: (body.linkDays ?? INVITATION_LINK_TTL_DAYS) * DAY_MS,
    });
    return { invitation: ownerView(listed), delivery };
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

/** Where the web UI is: the configured public address, else the one the request came to. */
function baseUrl(server: ServerContext, request: FastifyRequest): string {
  if (server.publicUrl !== undefined) return server.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

const INVITATION_MAIL = {
  en: (w: string, inviter: string | null, role: string, link: string, expires: string) => ({
    subject: `Invitation to the workspace “${w}” on Vigie`,
    text: `Hello,\n\n${inviter ?? 'Someone'} invites you to the workspace “${w}” on Vigie, as ${role}.\n\nOpen this link to accept (it works once, until ${expires} UTC):\n${link}\n\nIf you did not expect this invitation, ignore this message.\n`,
  }),
  fr: (w: string, inviter: string | null, role: string, link: string, expires: string) => ({
    subject: `Invitation à l’espace de travail « ${w} » sur Vigie`,
    text: `Bonjour,\n\n${inviter ?? 'Quelqu’un'} vous invite dans l’espace de travail « ${w} » sur Vigie, avec le rôle ${role}.\n\nOuvrez ce lien pour accepter (il ne sert qu’une fois, jusqu’au ${expires} UTC) :\n${link}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.\n`,
  }),
} as const;

/**
 * Issues a new single-use link to the invitation and mails it. The link is in the answer only
 * when no e-mail left (no SMTP server set, or it refused): the owner then passes it on.
 */
async function sendInvitationLink(
  server: ServerContext,
  request: FastifyRequest,
  input: {
    readonly invitation: Invitation;
    readonly workspaceName: string;
    readonly inviterName: string | null;
    readonly ttlMs: number;
  },
): Promise<InvitationDelivery> {
  const token = newSessionToken();
  const expiresAt = await server.store.invitations.issueLink(
    input.invitation,
    hashToken(token),
    input.ttlMs,
  );
  // the token travels in the fragment: never sent to a server, never in access logs
  const link = `${baseUrl(server, request)}/invitation#${token}`;
  const expires = expiresAt.slice(0, 16).replace('T', ' ');
  const text = INVITATION_MAIL[localeOf(request)](
    input.workspaceName,
    input.inviterName,
    input.invitation.role,
    link,
    expires,
  );
  try {
    const sent = await server.mailer.send({ to: input.invitation.email, ...text });
    return {
      sent: sent.delivered,
      link: sent.delivered ? null : link,
      linkExpiresAt: expiresAt,
      error: null,
    };
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    return {
      sent: false,
      link,
      linkExpiresAt: expiresAt,
      error: { code: error.code, message: error.userMessage },
    };
  }
}

const tokenBody = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an invitation token'),
});

const linkGone = (status: 'used' | 'expired' | 'revoked' | 'unknown'): ApiError => {
  switch (status) {
    case 'used':
      return new ApiError('invitation_used', {
        en: 'This invitation link has already been used: it works only once. Sign in, or ask for a new invitation.',
        fr: 'Ce lien d’invitation a déjà servi : il ne fonctionne qu’une fois. Connectez-vous, ou demandez une nouvelle invitation.',
      });
    case 'expired':
      return new ApiError('invitation_expired', {
        en: 'This invitation link has expired: ask the person who invited you for a new one.',
        fr: 'Ce lien d’invitation a expiré : demandez-en un nouveau à la personne qui vous a invité.',
      });
    case 'revoked':
      return new ApiError('invitation_revoked', {
        en: 'This invitation was withdrawn, or replaced by a newer one: use the link of the latest e-mail.',
        fr: 'Cette invitation a été retirée, ou remplacée par une plus récente : utilisez le lien du dernier e-mail.',
      });
    case 'unknown':
      return notFound();
  }
};

/** Public link routes: the per-IP limit of sign-ins (tokens cannot be guessed, still). */
function limit(server: ServerContext, request: FastifyRequest): void {
  if (!server.allowLoginAttempt(request.ip)) throw rateLimited(60);
}

const lookupLink = defineRoute(json<InvitationLinkResponse>('InvitationLinkResponse'))({
  method: 'POST',
  path: '/api/invitation-links/lookup',
  summary:
    'What an invitation link stands for: valid (workspace, role, inviter, whether an account uses the address), used, expired, revoked or unknown. The token goes in the body, never in a URL.',
  tag: 'members',
  access: 'public',
  csrf: false,
  body: tokenBody,
  handler: async ({ body, request, server }) => {
    limit(server, request);
    const link = await server.store.invitations.findLink(hashToken(body.token));
    if (link.status !== 'valid') {
      return {
        status: link.status,
        email: link.status === 'unknown' ? null : link.email,
        workspace: null,
        role: null,
        invitedBy: null,
        expiresAt: null,
        accountExists: false,
      };
    }
    const { invitation } = link;
    return {
      status: 'valid',
      email: link.email,
      workspace: { id: invitation.workspaceId, name: invitation.workspaceName },
      role: invitation.role,
      invitedBy: invitation.invitedByName,
      expiresAt: link.expiresAt,
      accountExists: (await server.store.users.findByEmail(link.email)) !== undefined,
    };
  },
});

async function joinThroughLink(
  server: ServerContext,
  token: string,
  user: { id: string; email: string },
  registered: boolean,
) {
  const tokenHash = hashToken(token);
  const result = await server.store.invitations.useLink(tokenHash, user.id);
  if (result === undefined) {
    const link = await server.store.invitations.findLink(tokenHash);
    throw linkGone(link.status === 'valid' ? 'used' : link.status);
  }
  const { invitation, outcome } = result;
  await server.store.audit.append({
    workspaceId: invitation.workspaceId,
    userId: user.id,
    action: 'invitation.accept',
    entityKind: 'invitation',
    entityId: invitation.id,
    after: {
      userId: user.id,
      role: invitation.role,
      joined: outcome === 'joined',
      link: true,
      registered,
    },
  });
  const workspace = await server.store.workspaces.getById(invitation.workspaceId);
  if (workspace === undefined) throw notFound();
  const role =
    outcome === 'joined'
      ? invitation.role
      : ((await server.store.workspaces.roleOf(workspace.id, user.id)) ?? invitation.role);
  return { ...workspace, role };
}

const registerThroughLink = defineRoute(
  json<InvitationLinkAcceptResponse>('InvitationLinkAcceptResponse'),
)({
  method: 'POST',
  path: '/api/invitation-links/register',
  summary:
    'Creates the account of the invited address through a valid link (the link proves the address), joins the workspace and signs in; the link then stops working. 409 `account_exists` when the address has an account: sign in and accept instead.',
  tag: 'members',
  access: 'public',
  csrf: false,
  status: 201,
  body: tokenBody.extend({
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(1024),
  }),
  handler: async ({ body, request, reply, server }) => {
    limit(server, request);
    const { store } = server;
    const link = await store.invitations.findLink(hashToken(body.token));
    if (link.status !== 'valid') throw linkGone(link.status);
    if ((await store.users.findByEmail(link.email)) !== undefined) throw accountExists();
    const problems = checkPassword(body.password, {
      email: link.email,
      displayName: body.displayName,
    });
    if (problems.length > 0) throw badRequest('weak_password', problems);
    let user;
    try {
      user = await store.users.create({
        email: link.email,
        displayName: body.displayName,
        passwordHash: await hashPassword(body.password),
      });
    } catch (error) {
      if (error instanceof UniqueViolationError) throw accountExists();
      throw error;
    }
    await store.audit.append({
      workspaceId: null,
      userId: user.id,
      action: 'user.register',
      entityKind: 'user',
      entityId: user.id,
      after: { email: user.email, displayName: user.displayName, invitation: link.invitation.id },
    });
    let workspace;
    try {
      workspace = await joinThroughLink(server, body.token, user, true);
    } catch (error) {
      // the link went meanwhile (used by a parallel request): no account without its invitation
      await store.users.delete(user.id);
      throw error;
    }
    const token = newSessionToken();
    const csrfToken = newCsrfToken();
    await store.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(millisOf(server.clock) + REGISTER_SESSION_SECONDS * 1000),
    });
    void reply.header(
      'set-cookie',
      sessionCookie(token, REGISTER_SESSION_SECONDS, server.secureCookies),
    );
    return { workspace, user: publicUser(user), csrfToken };
  },
});

const acceptThroughLink = defineRoute(
  json<InvitationLinkAcceptResponse>('InvitationLinkAcceptResponse'),
)({
  method: 'POST',
  path: '/api/invitation-links/accept',
  summary:
    'Accepts the invitation of a valid link as the signed-in account, whose address must be the invited one (403 `invitation_other_account` otherwise); the link then stops working.',
  tag: 'members',
  access: 'user',
  csrf: true,
  body: tokenBody,
  handler: async (input) => {
    const { body, server } = input;
    const user = signedIn(input);
    const link = await server.store.invitations.findLink(hashToken(body.token));
    if (link.status !== 'valid') throw linkGone(link.status);
    if (link.email !== normaliseEmail(user.email)) {
      throw new ApiError('invitation_other_account', {
        en: 'This invitation is for another e-mail address: sign in with the account of that address.',
        fr: 'Cette invitation est destinée à une autre adresse e-mail : connectez-vous avec le compte de cette adresse.',
      });
    }
    const workspace = await joinThroughLink(server, body.token, user, false);
    if (input.session === null) throw notFound();
    return { workspace, user: publicUser(input.session.user), csrfToken: null };
  },
});

const accountExists = (): ApiError =>
  conflict('account_exists', {
    en: 'An account already uses this address: sign in, then open the link again to accept.',
    fr: 'Un compte utilise déjà cette adresse : connectez-vous, puis rouvrez le lien pour accepter.',
  });

export const INVITATION_ROUTES: readonly Route[] = [
  lookupLink,
  registerThroughLink,
  acceptThroughLink,
  invite,
  listForWorkspace,
  revoke,
  listMine,
  accept,
  decline,
];
