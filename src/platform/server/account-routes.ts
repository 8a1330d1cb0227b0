/**
 * Account routes: a user changes their own password; an administrator resets someone's password
 * to a one-time password. Both store an argon2id hash, sign out the sessions that may belong to
 * someone else and write an audit entry (never with a password in it). Checking the current
 * password goes through the same login guard as sign-in (delays, account lock).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { checkPassword } from '../auth/password-policy.js';
import type { PasswordProblem } from '../auth/password-policy.js';
import { ONE_TIME_PASSWORD_TTL_MS, unlockAccount } from '../auth/login-guard.js';
import { hashPassword } from '../auth/passwords.js';
import { millisOf } from '../clock.js';
import type { PasswordChangeResponse, PasswordResetResponse } from '../api/types.js';
import type { Store } from '../store/index.js';
import { ApiError, notFound } from './errors.js';
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

export const ACCOUNT_ROUTES: readonly Route[] = [changePassword, resetPassword];
