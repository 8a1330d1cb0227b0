/** The API route table (registered by `buildApp`, documented by `openApiDocument`). */
import { z } from 'zod';
import { checkPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { hashToken, newCsrfToken, newSessionToken } from '../auth/tokens.js';
import { millisOf } from '../clock.js';
import type {
  AuditListResponse,
  HealthResponse,
  LogoutEverywhereResponse,
  MemberRoleResponse,
  MembersResponse,
  OkResponse,
  SessionResponse,
  UserResponse,
  UsersResponse,
  WorkspaceDetailResponse,
  WorkspaceResponse,
  WorkspacesResponse,
} from '../api/types.js';
import { permissionsOf } from '../policies.js';
import { ROLES, UniqueViolationError } from '../store/index.js';
import type { Role } from '../store/index.js';
import { sessionCookie } from './cookies.js';
import { adminUser, publicUser } from './user-views.js';
import { badRequest, conflict, invalidCredentials, notFound, unauthorized } from './errors.js';
import { ACCOUNT_ROUTES, auditPage, auditQuerySchema } from './account-routes.js';
import { ANALYSIS_ROUTES } from './analysis-routes.js';
import { AUDIT_CAMPAIGN_ROUTES } from './audit-campaign-routes.js';
import { AUDIT_PLAN_ROUTES } from './audit-plan-routes.js';
import { CONTINUITY_ROUTES } from './continuity-routes.js';
import { DOCUMENT_ROUTES } from './document-routes.js';
import { EDIT_ROUTES } from './edit-routes.js';
import { FINDING_ROUTES } from './finding-routes.js';
import { INVITATION_ROUTES } from './invitation-routes.js';
import { MAIL_ROUTES } from './mail-routes.js';
import { checkCredentials } from './login-attempts.js';
import { MODEL_ROUTES } from './model-routes.js';
import { ONBOARDING_ROUTES } from './onboarding-routes.js';
import { defineRoute, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const roleSchema = z.enum(ROLES);
const workspaceParams = z.object({ workspaceId: z.uuid() });
const memberParams = z.object({ workspaceId: z.uuid(), userId: z.uuid() });

function actorId(input: HandlerInput<unknown, unknown, unknown>): string | null {
  return input.session?.user.id ?? null;
}

/**
 * Gives a member another role (or removes them: `role` null) with its audit entry, in one
 * transaction; 404 for a non-member, 409 `last_owner` when no owner would be left (checked and
 * changed in one step, so two owners demoting each other at once cannot both pass).
 */
async function updateMember(
  input: HandlerInput<{ workspaceId: string; userId: string }, unknown, unknown>,
  role: Role | null,
): Promise<void> {
  const { params, server } = input;
  await server.store.transaction(async (tx) => {
    const update = await tx.workspaces.updateMember(params.workspaceId, params.userId, role);
    if (update.outcome === 'not_member') throw notFound();
    if (update.outcome === 'last_owner') {
      throw conflict('last_owner', {
        en: 'A workspace must keep at least one owner.',
        fr: 'Un espace de travail doit garder au moins un propriétaire.',
      });
    }
    await tx.audit.append({
      workspaceId: params.workspaceId,
      userId: actorId(input),
      ...(role === null
        ? { action: 'member.remove' }
        : { action: 'member.change_role', after: { role } }),
      entityKind: 'member',
      entityId: params.userId,
      before: { role: update.before },
    });
  });
}

const login = defineRoute(json<SessionResponse>('SessionResponse'))({
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Sign in with email and password; sets the session cookie.',
  tag: 'auth',
  access: 'public',
  // No session yet; buildApp requires `content-type: application/json` for every body.
  csrf: false,
  body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
  handler: async ({ body, request, reply, server }) => {
    const { store, clock } = server;
    // Unknown and known addresses go through the same steps (throttle, hashing, audit entry),
    // so neither the answers nor their timing tell which accounts exist.
    const { user, deviceCookie: device } = await checkCredentials(
      server,
      request,
      {
        email: body.email,
        user: await store.users.findByEmail(body.email),
        password: body.password,
      },
      { error: invalidCredentials, action: 'auth.login_failed' },
    );
    // Always a new token: a token the client sent is never reused (session fixation).
    const token = newSessionToken();
    const csrfToken = newCsrfToken();
    await store.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(millisOf(clock) + SESSION_TTL_SECONDS * 1000),
    });
    await store.audit.append({
      workspaceId: null,
      userId: user.id,
      action: 'auth.login',
      entityKind: 'user',
      entityId: user.id,
    });
    const session = sessionCookie(token, SESSION_TTL_SECONDS, server.secureCookies);
    void reply.header('set-cookie', device === undefined ? session : [session, device]);
    return { user: publicUser(user), csrfToken };
  },
});

const logout = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'Sign out: deletes the current session.',
  tag: 'auth',
  access: 'user',
  csrf: true,
  beforePasswordChange: true,
  handler: async ({ session, reply, server }) => {
    if (session !== null) await server.store.sessions.delete(session.tokenHash);
    void reply.header('set-cookie', sessionCookie('', 0, server.secureCookies));
    return { ok: true };
  },
});

const logoutEverywhere = defineRoute(json<LogoutEverywhereResponse>('LogoutEverywhereResponse'))({
  method: 'POST',
  path: '/api/auth/logout-everywhere',
  summary: 'Deletes every session of the current user.',
  tag: 'auth',
  access: 'user',
  csrf: true,
  beforePasswordChange: true,
  handler: async ({ session, reply, server }) => {
    const removed =
      session === null ? 0 : await server.store.sessions.deleteAllOfUser(session.user.id);
    void reply.header('set-cookie', sessionCookie('', 0, server.secureCookies));
    return { ok: true, sessionsRemoved: removed };
  },
});

const me = defineRoute(json<SessionResponse>('SessionResponse'))({
  method: 'GET',
  path: '/api/auth/me',
  summary: 'The signed-in user and the CSRF token of the session.',
  tag: 'auth',
  access: 'user',
  csrf: false,
  beforePasswordChange: true,
  handler: ({ session }) => {
    // buildApp answers 401 before: a 'user' route always has a session
    if (session === null) throw unauthorized();
    return Promise.resolve({ user: publicUser(session.user), csrfToken: session.csrfToken });
  },
});

const health = defineRoute(json<HealthResponse>('HealthResponse'))({
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness check.',
  tag: 'meta',
  access: 'public',
  csrf: false,
  handler: () => Promise.resolve({ status: 'ok' }),
});

const listUsers = defineRoute(json<UsersResponse>('UsersResponse'))({
  method: 'GET',
  path: '/api/admin/users',
  summary: 'Every account (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: false,
  handler: async ({ server }) => ({ users: (await server.store.users.list()).map(adminUser) }),
});

const createUser = defineRoute(json<UserResponse>('UserResponse'))({
  method: 'POST',
  path: '/api/admin/users',
  summary: 'Creates an account (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: true,
  status: 201,
  body: z.object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    password: z.string().max(1024),
    isAdmin: z.boolean().default(false),
    /** The administrator chose the password: the person replaces it at first sign-in. */
    mustChangePassword: z.boolean().default(false),
  }),
  handler: async (input) => {
    const { body, server } = input;
    const problems = checkPassword(body.password, {
      email: body.email,
      displayName: body.displayName,
    });
    if (problems.length > 0) throw badRequest('weak_password', problems);
    try {
      const user = await server.store.users.create({
        email: body.email,
        displayName: body.displayName,
        passwordHash: await hashPassword(body.password),
        isAdmin: body.isAdmin,
        mustChangePassword: body.mustChangePassword,
      });
      await server.store.audit.append({
        workspaceId: null,
        userId: actorId(input),
        action: 'user.create',
        entityKind: 'user',
        entityId: user.id,
        after: publicUser(user),
      });
      return { user: publicUser(user) };
    } catch (error) {
      if (error instanceof UniqueViolationError) {
        throw conflict('email_taken', {
          en: 'An account with this email already exists.',
          fr: 'Un compte existe déjà avec cette adresse e-mail.',
        });
      }
      throw error;
    }
  },
});

const listWorkspaces = defineRoute(json<WorkspacesResponse>('WorkspacesResponse'))({
  method: 'GET',
  path: '/api/workspaces',
  summary: "The caller's workspaces, each with the caller's role.",
  tag: 'workspaces',
  access: 'user',
  csrf: false,
  handler: async ({ session, server }) => ({
    workspaces: session === null ? [] : await server.store.workspaces.listForUser(session.user.id),
  }),
});

const createWorkspace = defineRoute(json<WorkspaceResponse>('WorkspaceResponse'))({
  method: 'POST',
  path: '/api/workspaces',
  summary: 'Creates a workspace; the caller becomes its owner.',
  tag: 'workspaces',
  access: 'user',
  csrf: true,
  status: 201,
  body: z.object({
    slug: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
        'lower-case letters, digits and inner dashes',
      ),
    name: z.string().trim().min(1).max(200),
  }),
  handler: async (input) => {
    const { body, session, server } = input;
    if (session === null) throw notFound();
    try {
      const workspace = await server.store.workspaces.create({ ...body, ownerId: session.user.id });
      await server.store.audit.append({
        workspaceId: workspace.id,
        userId: session.user.id,
        action: 'workspace.create',
        entityKind: 'workspace',
        entityId: workspace.id,
        after: workspace,
      });
      return { workspace: { ...workspace, role: 'owner' } };
    } catch (error) {
      if (error instanceof UniqueViolationError) {
        throw conflict('slug_taken', {
          en: 'A workspace with this slug already exists.',
          fr: 'Un espace de travail utilise déjà cet identifiant.',
        });
      }
      throw error;
    }
  },
});

const getWorkspace = defineRoute(json<WorkspaceDetailResponse>('WorkspaceDetailResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId',
  summary: 'One workspace, the caller’s role and the permissions it holds there.',
  tag: 'workspaces',
  access: { permission: 'workspace.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, role, server }) => {
    const workspace = await server.store.workspaces.getById(params.workspaceId);
    if (workspace === undefined || role === null) throw notFound();
    return { workspace: { ...workspace, role, permissions: permissionsOf(role) } };
  },
});

const listMembers = defineRoute(json<MembersResponse>('MembersResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/members',
  summary: 'Members of the workspace and their roles.',
  tag: 'members',
  access: { permission: 'workspace.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => ({
    members: await server.store.workspaces.members(params.workspaceId),
  }),
});

const changeMemberRole = defineRoute(json<MemberRoleResponse>('MemberRoleResponse'))({
  method: 'PATCH',
  path: '/api/workspaces/:workspaceId/members/:userId',
  summary: "Changes a member's role (owners).",
  tag: 'members',
  access: { permission: 'members.manage' },
  csrf: true,
  params: memberParams,
  body: z.object({ role: roleSchema }),
  handler: async (input) => {
    const { params, body } = input;
    await updateMember(input, body.role);
    return { member: { userId: params.userId, role: body.role } };
  },
});

const removeMember = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'DELETE',
  path: '/api/workspaces/:workspaceId/members/:userId',
  summary: 'Removes a member (owners).',
  tag: 'members',
  access: { permission: 'members.manage' },
  csrf: true,
  params: memberParams,
  handler: async (input) => {
    await updateMember(input, null);
    return { ok: true };
  },
});

const listAudit = defineRoute(json<AuditListResponse>('AuditListResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit',
  summary:
    'Audit log of the workspace, newest first, paged by `before` cursor, filtered by who, what (an action or its family), entity and time (owners, auditors).',
  tag: 'audit',
  access: { permission: 'audit.read' },
  csrf: false,
  params: workspaceParams,
  query: auditQuerySchema,
  handler: async ({ params, query, server }) => auditPage(server, params.workspaceId, query),
});

/** Every API route except the OpenAPI document itself (added by `buildApp`). */
export const API_ROUTES: readonly Route[] = [
  health,
  login,
  logout,
  logoutEverywhere,
  me,
  listUsers,
  createUser,
  listWorkspaces,
  createWorkspace,
  getWorkspace,
  listMembers,
  changeMemberRole,
  removeMember,
  listAudit,
  ...ACCOUNT_ROUTES,
  ...INVITATION_ROUTES,
  ...MAIL_ROUTES,
  ...MODEL_ROUTES,
  ...ANALYSIS_ROUTES,
  ...CONTINUITY_ROUTES,
  ...EDIT_ROUTES,
  ...ONBOARDING_ROUTES,
  ...DOCUMENT_ROUTES,
  ...FINDING_ROUTES,
  ...AUDIT_CAMPAIGN_ROUTES,
  ...AUDIT_PLAN_ROUTES,
];
