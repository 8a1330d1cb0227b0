import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountKey, beginAttempt } from '../src/platform/auth/login-guard.js';
import { verifyPassword } from '../src/platform/auth/passwords.js';
import { LOCKOUT_THRESHOLD } from '../src/platform/auth/throttle.js';
import { firstRun } from '../src/platform/bootstrap/first-run.js';
import { openStore } from '../src/platform/store/index.js';
import type { Store } from '../src/platform/store/index.js';
import { TEST_DATABASE_URL, openTestStore } from '../src/platform/store/test-support.js';
import type { TestStore } from '../src/platform/store/test-support.js';
import { vigie } from './support/cli.js';

const ADMIN = 'admin@vigie.local';
const scratch = mkdtempSync(join(tmpdir(), 'vigie-admin-cli-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Locks the account as an attacker would: failures from LOCKOUT_THRESHOLD addresses. */
async function lockOut(store: Store, email: string): Promise<void> {
  const user = await store.users.findByEmail(email);
  for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
    await beginAttempt(
      store,
      { email, user, ip: `203.0.113.${String(i)}`, deviceToken: undefined },
      Date.now(),
    );
  }
}

/** Read-only: true while the account-wide lock of `email` runs. */
async function isLockedOut(store: Store, email: string): Promise<boolean> {
  const row = await store.loginThrottle.readAccount(accountKey(email));
  return row?.until !== null && row?.until !== undefined && Date.parse(row.until) > Date.now();
}

async function auditActions(store: Store): Promise<{ action: string; after: string | null }[]> {
  return (
    await store.db
      .selectFrom('audit_log')
      .select(['action', 'after_json as after'])
      .where('action', 'in', ['user.unlock', 'user.password_reset'])
      .orderBy('id')
      .execute()
  ).map((r) => ({ action: r.action, after: r.after }));
}

describe('vigie admin on SQLite (VIGIE_DATA)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let n = 0;
  beforeEach(async () => {
    n += 1;
    dataDir = join(scratch, `data-${String(n)}`);
    env = { VIGIE_DATA: dataDir };
    const store = await openStore({ dataDir });
    await firstRun(store, undefined, 'test');
    await lockOut(store, ADMIN);
    await store.close();
  });

  const withStore = async <T>(work: (store: Store) => Promise<T>): Promise<T> => {
    const store = await openStore({ dataDir });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };

  it('unlock lets the locked-out administrator in again and writes an audit entry', async () => {
    expect(await withStore((s) => isLockedOut(s, ADMIN))).toBe(true);
    const out = await vigie(['admin', 'unlock', 'Admin@Vigie.local'], env);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`Sign-in to ${ADMIN} unlocked`);
    expect(out.code).toBe(0);
    expect(await withStore((s) => isLockedOut(s, ADMIN))).toBe(false);
    const again = await vigie(['admin', 'unlock', ADMIN], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was not locked');
    const audit = await withStore(auditActions);
    expect(audit.map((a) => a.action)).toEqual(['user.unlock', 'user.unlock']);
    expect(audit[0]?.after).toContain('"via":"cli"');
  });

  it('reset-password prints a working one-time password once, unlocks and signs out', async () => {
    const before = await withStore(async (store) => {
      const admin = await store.users.findByEmail(ADMIN);
      await store.sessions.create({
        tokenHash: 'session-1',
        userId: admin?.id ?? '',
        csrfToken: 'c',
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return admin?.passwordHash;
    });
    const out = await vigie(['admin', 'reset-password', ADMIN], env);
    expect(out.code).toBe(0);
    const password = /password for admin@vigie\.local: (\S+) /.exec(out.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(out.stdout).toContain('Sessions signed out: 1');
    await withStore(async (store) => {
      const admin = await store.users.findByEmail(ADMIN);
      expect(admin?.passwordHash).not.toBe(before);
      expect(await verifyPassword(admin?.passwordHash ?? null, password)).toBe(true);
      expect(await store.sessions.findValid('session-1')).toBeUndefined();
      expect(await isLockedOut(store, ADMIN)).toBe(false);
      // Attackers holding the lock again cannot keep the one-time password out.
      await lockOut(store, ADMIN);
      expect(await isLockedOut(store, ADMIN)).toBe(true);
      const decision = await beginAttempt(
        store,
        { email: ADMIN, user: admin, ip: '198.51.100.99', deviceToken: undefined },
        Date.now(),
      );
      expect(decision.ok).toBe(true);
      const audit = await auditActions(store);
      expect(audit.map((a) => a.action)).toEqual(['user.password_reset']);
      expect(JSON.stringify(audit)).not.toContain(password);
    });
  });

  it('refuses an unknown e-mail with exit 2 and a clear message, touching nothing', async () => {
    for (const action of ['unlock', 'reset-password']) {
      const out = await vigie(['admin', action, 'nobody@example.test'], env);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('no account uses the e-mail address nobody@example.test');
    }
    const fr = await vigie(['admin', 'unlock', 'nobody@example.test', '--lang', 'fr'], env);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('aucun compte n’utilise l’adresse e-mail nobody@example.test');
    expect(await withStore(auditActions)).toEqual([]);
    expect(await withStore((s) => isLockedOut(s, ADMIN))).toBe(true);
  });

  it('refuses an unknown action, a missing e-mail and a data directory without Vigie', async () => {
    const unknown = await vigie(['admin', 'delete', ADMIN], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown action "delete"; available: unlock, reset-password');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect((await vigie(['admin', 'unlock'], env)).code).toBe(2);
    const empty = join(scratch, 'nothing-here');
    const missing = await vigie(['admin', 'unlock', ADMIN], { VIGIE_DATA: empty });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`no Vigie data in ${empty}`);
  });

  it('is listed in vigie --help', async () => {
    const help = await vigie(['--help']);
    expect(help.stdout).toMatch(/admin\s+Account recovery/);
  });
});

describe('vigie admin on PostgreSQL (DATABASE_URL, VIGIE_DB_SCHEMA)', () => {
  let test: TestStore;
  beforeEach(async () => {
    test = await openTestStore('postgres');
    await firstRun(test.store, undefined, 'test');
    await lockOut(test.store, ADMIN);
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('unlocks the account in the configured schema', async () => {
    const env = {
      DATABASE_URL: TEST_DATABASE_URL,
      VIGIE_DB_SCHEMA: test.config.schema ?? '',
      VIGIE_DATA: join(scratch, 'unused'),
    };
    expect(await isLockedOut(test.store, ADMIN)).toBe(true);
    const out = await vigie(['admin', 'unlock', ADMIN], env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(await isLockedOut(test.store, ADMIN)).toBe(false);
    const missing = await vigie(['admin', 'reset-password', 'nobody@example.test'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('store: PostgreSQL');
  });
});

describe('vigie serve with VIGIE_TRUST_PROXY', () => {
  it('refuses an invalid value at start-up with exit 2 and says what is wrong', async () => {
    const dataDir = join(scratch, 'serve-data');
    const out = await vigie(['serve', '--port', '0'], {
      VIGIE_DATA: dataDir,
      VIGIE_TRUST_PROXY: '10.0.0.1, proxy.example',
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('VIGIE_TRUST_PROXY is invalid: "proxy.example" is neither');
    expect(out.stdout).toBe('');
    const fr = await vigie(['serve', '--port', '0', '--lang', 'fr'], {
      VIGIE_DATA: dataDir,
      VIGIE_TRUST_PROXY: 'true',
    });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('VIGIE_TRUST_PROXY est invalide : "true" n’est ni');
  });
});
