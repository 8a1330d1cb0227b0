/**
 * `vigie admin unlock <email>` and `vigie admin reset-password <email>`: the way back into an
 * account (the last administrator's included) for whoever can run commands on the server's
 * machine, against the store `vigie serve` uses (VIGIE_DATA or DATABASE_URL). Both write an
 * audit entry; reset-password prints a one-time password once and signs the account out.
 */
import { ONE_TIME_PASSWORD_TTL_MS, unlockAccount } from '../../platform/auth/login-guard.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { oneTimePassword } from '../../platform/bootstrap/first-run.js';
import type { Store, User } from '../../platform/store/index.js';
import { UsageError, type Command, type CommandContext } from '../context.js';
import {
  isMissingSqliteStore,
  openPlatformStore,
  platformStoreLocation,
} from '../platform-store.js';

const ACTIONS = ['unlock', 'reset-password'] as const;
type Action = (typeof ACTIONS)[number];

function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error) return `${String(error.code)}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

async function unlock(ctx: CommandContext, store: Store, user: User): Promise<void> {
  const cleared = await unlockAccount(store, user.email);
  await store.audit.append({
    workspaceId: null,
    userId: null,
    action: 'user.unlock',
    entityKind: 'user',
    entityId: user.id,
    after: { via: 'cli', cleared },
  });
  ctx.stdout(
    `${ctx.t(cleared ? 'cli.admin.unlocked' : 'cli.admin.was-not-locked', { email: user.email })}\n`,
  );
}

async function resetPassword(ctx: CommandContext, store: Store, user: User): Promise<void> {
  const password = oneTimePassword();
  // Random, so it passes the sign-in lock for a day: attackers holding it cannot keep them out.
  await store.users.setPassword(
    user.id,
    await hashPassword(password),
    new Date(store.clock().getTime() + ONE_TIME_PASSWORD_TTL_MS),
  );
  await unlockAccount(store, user.email);
  const sessions = await store.sessions.deleteAllOfUser(user.id);
  await store.audit.append({
    workspaceId: null,
    userId: null,
    action: 'user.password_reset',
    entityKind: 'user',
    entityId: user.id,
    after: { via: 'cli', sessionsRemoved: sessions },
  });
  ctx.stdout(`${ctx.t('cli.admin.password-reset', { email: user.email, password, sessions })}\n`);
}

export const adminCommand: Command = {
  name: 'admin',
  summary: 'cli.admin.summary',
  usage: 'unlock|reset-password <email>',
  positionals: { min: 2, max: 2, names: 'unlock|reset-password <email>' },
  options: {},
  async run(ctx, { positionals }) {
    const { t } = ctx;
    const [action = '', email = ''] = positionals;
    if (!isAction(action)) {
      throw new UsageError(t('cli.admin.unknown-action', { action, actions: ACTIONS.join(', ') }));
    }
    const location = platformStoreLocation(ctx);
    if (isMissingSqliteStore(location)) {
      ctx.stderr(`${t('cli.admin.no-store', { dir: location.dataDir })}\n`);
      return 2;
    }
    let store: Store;
    try {
      store = await openPlatformStore(location);
    } catch (error) {
      ctx.stderr(`${t('cli.admin.failed', { action, reason: reason(error) })}\n`);
      return 2;
    }
    try {
      const user = await store.users.findByEmail(email);
      if (user === undefined) {
        ctx.stderr(`${t('cli.admin.no-account', { email, store: location.where })}\n`);
        return 2;
      }
      if (action === 'unlock') await unlock(ctx, store, user);
      else await resetPassword(ctx, store, user);
      return 0;
    } catch (error) {
      ctx.stderr(`${t('cli.admin.failed', { action, reason: reason(error) })}\n`);
      return 2;
    } finally {
      await store.close();
    }
  },
};
