/**
 * Account routes: a user changes their own password and reads their sign-in history; an
 * administrator resets someone's password to a one-time password (which the person must replace
 * at next sign-in), disables and re-enables accounts, reads everyone's sign-in history and the
 * platform's audit log. Passwords are stored as argon2id hashes, sessions that may belong to
 * someone else are signed out and every change writes an audit entry (never with a password in
 * it). Checking the current password goes through the same login guard as sign-in.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { checkPassword } from '../auth/password-policy.js';
import type { PasswordProblem } from '../auth/password-policy.js';
import { ONE_TIME_PASSWORD_TTL_MS, unlockAccount } from '../auth/login-guard.js';
import { hashPassword } from '../auth/passwords.js';
import { millisOf } from '../clock.js';
import type {
  AuditListResponse,
  PasswordChangeResponse,
  PasswordResetResponse,
  SignInView,
  SignInsResponse,
  UserResponse,
} from '../api/types.js';
import type { AuditFilter, SignIn, Store } from '../store/index.js';
import { ApiError, conflict, notFound } from './errors.js';
import type { ServerContext } from './route.js';
import { adminUser } from './user-views.js';
import { checkCredentials } from './login-attempts.js';
import { defineRoute, json } from './route.js';
import type { Route } from './route.js';

const wrongPassword = (): ApiError =>
  new ApiError('wrong_password', {
    en: 'The current password is wrong.',
    fr: 'Le mot de passe actuel est incorrect.',
  });

/** A policy problem, or one only this route can detect (the new password is the current one). */
interface Problem {
  readonly code: string;
  readonly message: PasswordProblem['message'];
}

const weakPassword = (problems: readonly Problem[]): ApiError =>
  new ApiError(
    'weak_password',
    {
      en: 'The new password does not meet the password rules.',
      fr: 'Le nouveau mot de passe ne respecte pas les règles.',
    },
    problems,
  );

const UNCHANGED: Problem = {
  code: 'password_unchanged',
  message: {
    en: 'The new password must differ from the current one.',
    fr: 'Le nouveau mot de passe doit être différent de l’actuel.',
  },
};

/** Deletes the user's sessions except `keepTokenHash`; returns how many were removed. */
async function deleteOtherSessions(
  store: Store,
  userId: string,
  keepTokenHash: string,
): Promise<number> {
  const result = await store.db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('token_hash', '!=', keepTokenHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const changePassword = defineRoute(json<PasswordChangeResponse>('PasswordChangeResponse'))({
  method: 'POST',
  path: '/api/auth/password',
  summary: 'Changes the caller’s password (current one required); signs out their other sessions.',
  tag: 'auth',
  access: 'user',
  csrf: true,
  beforePasswordChange: true,
  body: z.object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  }),
  handler: async ({ body, session, request, reply, server }) => {
    if (session === null) throw notFound();
    const { store } = server;
    const account = await store.users.findById(session.user.id);
    if (account === undefined) throw notFound();
    // Guessing the current password through this route costs as much as through login.
    const { user, deviceCookie } = await checkCredentials(
      server,
      request,
      { email: account.email, user: account, password: body.currentPassword },
      { error: wrongPassword, action: 'user.password_change_failed' },
    );
    if (deviceCookie !== undefined) void reply.header('set-cookie', deviceCookie);
    const problems: Problem[] = checkPassword(body.newPassword, {
      email: user.email,
      displayName: user.displayName,
    });
    if (body.newPassword.normalize('NFC') === body.currentPassword.normalize('NFC')) {
      problems.push(UNCHANGED);
    }
    if (problems.length > 0) throw weakPassword(problems);
    await store.users.setPassword(user.id, await hashPassword(body.newPassword));
    const removed = await deleteOtherSessions(store, user.id, session.tokenHash);
    await store.audit.append({
      workspaceId: null,
      userId: user.id,
      action: 'user.password_change',
      entityKind: 'user',
      entityId: user.id,
      after: { otherSessionsRemoved: removed },
    });
    return { ok: true, otherSessionsRemoved: removed };
  },
});

/** 20 random bytes in base64url: 27 characters, about 160 bits; never a policy problem. */
function oneTimePassword(): string {
  return randomBytes(20).toString('base64url');
}

const resetPassword = defineRoute(json<PasswordResetResponse>('PasswordResetResponse'))({
  method: 'POST',
  path: '/api/admin/users/:userId/password',
  summary:
    'Replaces an account’s password with a one-time password returned once and signs the account out everywhere (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: true,
  params: z.object({ userId: z.uuid() }),
  handler: async ({ params, session, server }) => {
    const { store } = server;
    const user = await store.users.findById(params.userId);
    if (user === undefined) throw notFound();
    const password = oneTimePassword();
    await store.users.setPassword(
      user.id,
      await hashPassword(password),
      new Date(millisOf(server.clock) + ONE_TIME_PASSWORD_TTL_MS),
    );
    await unlockAccount(store, user.email);
    // An administrator resetting their own password keeps the session they are using.
    const removed =
      session !== null && session.user.id === user.id
        ? await deleteOtherSessions(store, user.id, session.tokenHash)
        : await store.sessions.deleteAllOfUser(user.id);
    await store.audit.append({
      workspaceId: null,
      userId: session?.user.id ?? null,
      action: 'user.password_reset',
      entityKind: 'user',
      entityId: user.id,
      after: { sessionsRemoved: removed },
    });
    return { password, sessionsRemoved: removed };
  },
});

const userParams = z.object({ userId: z.uuid() });

/** Disables or re-enables an account with its audit entry; disabling signs it out at once. */
function setDisabledRoute(disabled: boolean): Route {
  return defineRoute(json<UserResponse>('UserResponse'))({
    method: 'POST',
    path: `/api/admin/users/:userId/${disabled ? 'disable' : 'enable'}`,
    summary: disabled
      ? 'Disables an account: its sessions end at once and signing in is refused with the answer of a wrong password (platform administrators).'
      : 'Re-enables a disabled account (platform administrators).',
    tag: 'admin',
    access: 'admin',
    csrf: true,
    params: userParams,
    handler: async ({ params, session, server }) => {
      if (disabled && session?.user.id === params.userId) {
        throw conflict('cannot_disable_self', {
          en: 'You cannot disable your own account.',
          fr: 'Vous ne pouvez pas désactiver votre propre compte.',
        });
      }
      const { store } = server;
      const after = await store.transaction(async (tx) => {
        const before = await tx.users.setDisabled(params.userId, disabled);
        if (before === undefined) throw notFound();
        const removed = disabled ? await tx.sessions.deleteAllOfUser(params.userId) : 0;
        await tx.audit.append({
          workspaceId: null,
          userId: session?.user.id ?? null,
          ...(disabled ? { action: 'user.disable' } : { action: 'user.enable' }),
          entityKind: 'user',
          entityId: params.userId,
          before: { email: before.email, disabled: before.disabledAt !== null },
          after: {
            email: before.email,
            disabled,
            ...(disabled ? { sessionsRemoved: removed } : {}),
          },
        });
        return tx.users.findById(params.userId);
      });
      if (after === undefined) throw notFound();
      return { user: adminUser(after) };
    },
  });
}

function signInView(signIn: SignIn, withReason: boolean): SignInView {
  return {
    at: signIn.at,
    ip: signIn.ip,
    userAgent: signIn.userAgent,
    success: signIn.success,
    user: { id: signIn.userId, email: signIn.email, displayName: signIn.displayName },
    ...(withReason ? { reason: signIn.reason } : {}),
  };
}

const SIGN_INS_PAGE = 50;

async function signInPage(
  server: ServerContext,
  query: {
    userId?: string | undefined;
    success?: boolean | undefined;
    before?: string | undefined;
  },
  withReason: boolean,
): Promise<SignInsResponse> {
  const rows = await server.store.signIns.list({
    ...(query.userId === undefined ? {} : { userId: query.userId }),
    ...(query.success === undefined ? {} : { success: query.success }),
    ...(query.before === undefined ? {} : { before: query.before }),
    limit: SIGN_INS_PAGE + 1,
  });
  const page = rows.slice(0, SIGN_INS_PAGE);
  return {
    signIns: page.map((row) => signInView(row, withReason)),
    nextBefore: rows.length > SIGN_INS_PAGE ? (page.at(-1)?.at ?? null) : null,
  };
}

const isoTime = z.iso.datetime({ offset: true });

const mySignIns = defineRoute(json<SignInsResponse>('SignInsResponse'))({
  method: 'GET',
  path: '/api/auth/sign-ins',
  summary: 'The caller’s sign-ins (time, address, browser, success), newest first.',
  tag: 'auth',
  access: 'user',
  csrf: false,
  query: z.object({ before: isoTime.optional() }),
  handler: async ({ query, session, server }) => {
    if (session === null) throw notFound();
    return signInPage(server, { userId: session.user.id, before: query.before }, false);
  },
});

const adminSignIns = defineRoute(json<SignInsResponse>('SignInsResponse'))({
  method: 'GET',
  path: '/api/admin/sign-ins',
  summary:
    'Sign-ins of one account (`userId`) or of all, newest first, with why failures failed (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: false,
  query: z.object({
    userId: z.uuid().optional(),
    failed: z.enum(['true', 'false']).optional(),
    before: isoTime.optional(),
  }),
  handler: async ({ query, server }) =>
    signInPage(
      server,
      {
        userId: query.userId,
        success: query.failed === undefined ? undefined : query.failed === 'false',
        before: query.before,
      },
      true,
    ),
});

/** The audit list's query: page and filters (who, what, entity, when). */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional(),
  who: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(?:\.[a-z_]+)*$/, 'an action code or family (member, model.entity…)')
    .max(100)
    .optional(),
  entityKind: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(200).optional(),
  /** A date (YYYY-MM-DD, from its start) or a time. */
  from: z.union([z.iso.date(), isoTime]).optional(),
  /** A date (YYYY-MM-DD, to its end, included) or a time (excluded). */
  to: z.union([z.iso.date(), isoTime]).optional(),
});

/** `YYYY-MM-DD` → its first instant (UTC); a time → itself, normalised. */
function instant(value: string, endOfDay: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`);
    return new Date(endOfDay ? start + 24 * 60 * 60 * 1000 : start).toISOString();
  }
  return new Date(value).toISOString();
}

/** One page of a workspace's (or, `workspaceId` null, the platform's) audit log, with names. */
export async function auditPage(
  server: ServerContext,
  workspaceId: string | null,
  query: z.output<typeof auditQuerySchema>,
): Promise<AuditListResponse> {
  const filter: AuditFilter = {
    ...(query.who === undefined ? {} : { userId: query.who }),
    ...(query.action === undefined ? {} : { action: query.action }),
    ...(query.entityKind === undefined ? {} : { entityKind: query.entityKind }),
    ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
    ...(query.from === undefined ? {} : { from: instant(query.from, false) }),
    ...(query.to === undefined ? {} : { to: instant(query.to, true) }),
  };
  const page = await server.store.audit.list(workspaceId, {
    limit: query.limit,
    filter,
    ...(query.before === undefined ? {} : { before: query.before }),
  });
  const ids = new Set<string>();
  for (const entry of page.entries) if (entry.userId !== null) ids.add(entry.userId);
  const users: Record<string, { email: string; displayName: string }> = {};
  for (const id of ids) {
    const user = await server.store.users.findById(id);
    if (user !== undefined) users[id] = { email: user.email, displayName: user.displayName };
  }
  // The store keeps action codes as text; the platform writes only AUDIT_ACTIONS (a test
  // checks every code it writes) and older logs may hold LEGACY_AUDIT_ACTIONS.
  return { ...(page as AuditListResponse), users };
}

const platformAudit = defineRoute(json<AuditListResponse>('AuditListResponse'))({
  method: 'GET',
  path: '/api/admin/audit',
  summary:
    'The platform’s audit log (accounts, sign-ins, settings: entries of no workspace), newest first, with the filters of the workspace log (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: false,
  query: auditQuerySchema,
  handler: async ({ query, server }) => auditPage(server, null, query),
});

export const ACCOUNT_ROUTES: readonly Route[] = [
  changePassword,
  resetPassword,
  setDisabledRoute(true),
  setDisabledRoute(false),
  mySignIns,
  adminSignIns,
  platformAudit,
];
