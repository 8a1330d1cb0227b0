/**
 * First run of the platform: when the store has no account yet, create the platform
 * administrator with a random one-time password and the demo workspace (Forges de l'Est) with its
 * model as version 1, in one transaction. Runs under a store lock, so several instances starting
 * together on one PostgreSQL create them once. Returns the password only to the caller that created the account
 * (it is printed once, never stored in clear nor logged).
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords.js';
import type { ModelFiles, Store } from '../store/index.js';

export const ADMIN_EMAIL = 'admin@vigie.local';
export const DEMO_SLUG = 'forges-de-l-est';
const LOCK = 'bootstrap:first-run';

export interface FirstRunResult {
  /** Set only when this call created the administrator. */
  readonly admin?: { readonly email: string; readonly password: string };
  readonly demoWorkspaceId?: string;
}

/** A password of 20 characters from an alphabet without look-alikes (~115 bits). */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let out = '';
  for (const byte of bytes) {
    if (byte >= alphabet.length * 4) continue; // rejection sampling: no modulo bias
    out += alphabet[byte % alphabet.length] ?? '';
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : oneTimePassword();
}

export async function firstRun(
  store: Store,
  demo: { readonly name: string; readonly files: ModelFiles } | undefined,
  holder: string,
): Promise<FirstRunResult> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await store.users.list()).length > 0) return {};
    if (await store.locks.acquire(LOCK, holder, 60_000)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    if ((await store.users.list()).length > 0) return {};
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    // One transaction: the administrator, the demo workspace, its version and their audit
    // entries are stored together or not at all (a failed first run leaves no account behind,
    // so the next start runs it again).
    const demoWorkspaceId = await store.transaction(async (tx) => {
      const admin = await tx.users.create({
        email: ADMIN_EMAIL,
        displayName: 'Administrator',
        passwordHash,
        isAdmin: true,
      });
      await tx.audit.append({
        workspaceId: null,
        userId: admin.id,
        action: 'user.create',
        entityKind: 'user',
        entityId: admin.id,
        after: { email: admin.email, isAdmin: true },
      });
      if (demo === undefined) return undefined;
      const workspace = await tx.workspaces.create({
        slug: DEMO_SLUG,
        name: demo.name,
        ownerId: admin.id,
      });
      await tx.versions.append(workspace.id, null, demo.files, 'Demo organisation', admin.id);
      await tx.audit.append({
        workspaceId: workspace.id,
        userId: admin.id,
        action: 'workspace.create',
        entityKind: 'workspace',
        entityId: workspace.id,
        after: { slug: DEMO_SLUG, name: demo.name },
      });
      return workspace.id;
    });
    const admin = { email: ADMIN_EMAIL, password };
    return demoWorkspaceId === undefined ? { admin } : { admin, demoWorkspaceId };
  } finally {
    await store.locks.release(LOCK, holder);
  }
}
