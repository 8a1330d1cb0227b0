import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuditListResponse,
  InvitationLinkResponse,
  InvitationResponse,
  MailSettingsResponse,
  SignInsResponse,
  UsersResponse,
} from '../api/types.js';
import { hashPassword } from '../auth/passwords.js';
import { startTestSmtpServer } from '../mail/test-support.js';
import type { TestSmtpServer } from '../mail/test-support.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { client, expectError, signIn } from './test-support.js';
import type { TestSession } from './test-support.js';

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'correct horse battery staple 42';
const SMTP_PASSWORD = 'smtp-Secret-9876';

describe.each(STORE_DIALECTS)('people: invitations by e-mail, accounts, audit on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let time = manualClock();
  let smtp: TestSmtpServer;
  let admin: TestSession;
  let owner: TestSession;
  let workspace: Workspace;

  beforeEach(async () => {
    time = manualClock();
    testStore = await openTestStore(dialect, { clock: time.clock });
    store = testStore.store;
    app = buildApp({ store, publicUrl: 'https://vigie.example.test' });
    smtp = await startTestSmtpServer({ auth: { user: 'mailer', password: SMTP_PASSWORD } });
    const hash = await hashPassword(PASSWORD);
    admin = await signIn(
      store,
      await store.users.create({
        email: 'admin@example.test',
        displayName: 'Admin',
        passwordHash: hash,
        isAdmin: true,
      }),
    );
    owner = await signIn(
      store,
      await store.users.create({
        email: 'owner@example.test',
        displayName: 'Owner',
        passwordHash: hash,
      }),
    );
    workspace = await store.workspaces.create({
      slug: 'forges',
      name: 'Forges',
      ownerId: owner.user.id,
    });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
    await testStore.dispose();
  });

  const configureSmtp = () =>
    client(app, admin).put('/api/admin/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: 'mailer',
      password: SMTP_PASSWORD,
      from: 'vigie@example.test',
    });

  const tokenOf = (text: string): string => {
    const match = /\/invitation#([A-Za-z0-9_-]{43})/.exec(text);
    if (match?.[1] === undefined) throw new Error(`no link in ${text}`);
    return match[1];
  };

  /** Signs in (the clock then moves a second, so the history has an order). */
  const login = async (email: string, password: string, remoteAddress = '198.51.100.7') => {
    const response = await client(app).post(
      '/api/auth/login',
      { email, password },
      { remoteAddress },
    );
    time.advance(1000);
    return response;
  };

  it('mails a single-use link that creates an account once, then is refused', async () => {
    expect((await configureSmtp()).statusCode).toBe(200);
    const invited = await client(app, owner).post(`/api/workspaces/${workspace.id}/invitations`, {
      email: 'New.Person@Example.test',
      role: 'analyst',
    });
    expect(invited.statusCode, invited.body).toBe(202);
    const delivery = invited.json<InvitationResponse>().delivery;
    expect(delivery?.sent).toBe(true);
    expect(delivery?.link).toBeNull();
    const mail = await smtp.waitForMessage(0);
    expect(mail.to).toEqual(['new.person@example.test']);
    expect(mail.subject).toContain('Forges');
    const token = tokenOf(mail.body);
    expect(mail.body).toContain('https://vigie.example.test/invitation#');
    // only the hash is stored
    const stored = await store.db.selectFrom('invitation_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const lookup = await client(app).post('/api/invitation-links/lookup', { token });
    expect(lookup.json<InvitationLinkResponse>()).toMatchObject({
      status: 'valid',
      email: 'new.person@example.test',
      role: 'analyst',
      workspace: { name: 'Forges' },
      accountExists: false,
    });
    const weak = await client(app).post('/api/invitation-links/register', {
      token,
      displayName: 'New',
      password: 'password',
    });
    expectError(weak, 400, 'weak_password');
    const registered = await client(app).post('/api/invitation-links/register', {
      token,
      displayName: 'New Person',
      password: PASSWORD,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.headers['set-cookie']).toMatch(/vigie_session=/);
    const user = await store.users.findByEmail('new.person@example.test');
    expect(user).toBeDefined();
    expect(await store.workspaces.roleOf(workspace.id, user?.id ?? '')).toBe('analyst');

    const again = await client(app).post('/api/invitation-links/register', {
      token,
      displayName: 'Intruder',
      password: PASSWORD,
    });
    expectError(again, 410, 'invitation_used');
    expect(
      (await client(app).post('/api/invitation-links/lookup', { token })).json(),
    ).toMatchObject({
      status: 'used',
    });
  });

  it('shows the link to copy when no SMTP server is set, and refuses it once expired', async () => {
    const invited = await client(app, owner).post(`/api/workspaces/${workspace.id}/invitations`, {
      email: 'late@example.test',
      role: 'viewer',
      linkDays: 2,
    });
    const delivery = invited.json<InvitationResponse>().delivery;
    expect(delivery?.sent).toBe(false);
    const token = tokenOf(delivery?.link ?? '');
    expect(delivery?.linkExpiresAt).toBe(new Date(time.clock().getTime() + 2 * DAY).toISOString());
    time.advance(2 * DAY + 1000);
    const late = await client(app).post('/api/invitation-links/register', {
      token,
      displayName: 'Late',
      password: PASSWORD,
    });
    expectError(late, 410, 'invitation_expired');
    expect(await store.users.findByEmail('late@example.test')).toBeUndefined();
  });

  it('lets an existing account accept through the link only as itself', async () => {
    const invited = await client(app, owner).post(`/api/workspaces/${workspace.id}/invitations`, {
      email: 'admin@example.test',
      role: 'auditor',
    });
    const token = tokenOf(invited.json<InvitationResponse>().delivery?.link ?? '');
    expectError(
      await client(app).post('/api/invitation-links/register', {
        token,
        displayName: 'X',
        password: PASSWORD,
      }),
      409,
      'account_exists',
    );
    const stranger = await signIn(
      store,
      await store.users.create({ email: 's@example.test', displayName: 'S', passwordHash: 'h' }),
    );
    expectError(
      await client(app, stranger).post('/api/invitation-links/accept', { token }),
      403,
      'invitation_other_account',
    );
    const accepted = await client(app, admin).post('/api/invitation-links/accept', { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await store.workspaces.roleOf(workspace.id, admin.user.id)).toBe('auditor');
    expectError(
      await client(app, admin).post('/api/invitation-links/accept', { token }),
      410,
      'invitation_used',
    );
  });

  it('keeps the SMTP password write-only, tests the server, says why it fails', async () => {
    await configureSmtp();
    const shown = await client(app, admin).get('/api/admin/mail');
    expect(shown.body).not.toContain(SMTP_PASSWORD);
    expect(shown.json<MailSettingsResponse>().smtp?.passwordSet).toBe(true);
    expect(
      (await client(app, admin).post('/api/admin/mail/test', { to: 'a@example.test' })).statusCode,
    ).toBe(200);
    expect((await smtp.waitForMessage(0)).subject).toMatch(/test/i);
    // a PUT without password keeps it; a wrong one is refused by the server
    await client(app, admin).put('/api/admin/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: 'mailer',
      from: 'vigie@example.test',
    });
    expect(
      (await client(app, admin).post('/api/admin/mail/test', { to: 'b@example.test' })).statusCode,
    ).toBe(200);
    await client(app, admin).put('/api/admin/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: 'mailer',
      password: 'wrong',
      from: 'vigie@example.test',
    });
    const failed = await client(app, admin).post('/api/admin/mail/test', { to: 'c@example.test' });
    const body = expectError(failed, 502, 'mail_failed');
    expect(body.details).toMatchObject({ reason: 'auth' });
    const audit = await client(app, admin).get('/api/admin/audit?action=settings');
    expect(audit.body).not.toContain(SMTP_PASSWORD);
    expect(audit.body).not.toContain('"wrong"');
    expect(audit.json<AuditListResponse>().entries.length).toBeGreaterThanOrEqual(5);
    // administrators only
    expectError(await client(app, owner).get('/api/admin/mail'), 403, 'forbidden');
    expectError(
      await client(app, owner).post('/api/admin/mail/test', { to: 'x@example.test' }),
      403,
      'forbidden',
    );
  });

  it('disables an account at once and refuses it like a wrong password, until re-enabled', async () => {
    const wrong = await login('owner@example.test', 'not the password');
    expectError(wrong, 401, 'invalid_credentials');
    expectError(
      await client(app, owner).post(`/api/admin/users/${owner.user.id}/disable`),
      403,
      'forbidden',
    );
    const disabled = await client(app, admin).post(`/api/admin/users/${owner.user.id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expectError(await client(app, owner).get('/api/workspaces'), 401, 'unauthenticated');
    const refused = await login('owner@example.test', PASSWORD, '198.51.100.8');
    expect(refused.statusCode).toBe(wrong.statusCode);
    expect(refused.json()).toEqual(wrong.json());
    expectError(
      await client(app, admin).post(`/api/admin/users/${admin.user.id}/disable`),
      409,
      'cannot_disable_self',
    );
    const users = (await client(app, admin).get('/api/admin/users')).json<UsersResponse>().users;
    expect(users.find((u) => u.id === owner.user.id)?.disabledAt).not.toBeNull();
    await client(app, admin).post(`/api/admin/users/${owner.user.id}/enable`);
    expect((await login('owner@example.test', PASSWORD, '198.51.100.9')).statusCode).toBe(200);
    // the history says why, to administrators only
    const history = (
      await client(app, admin).get(`/api/admin/sign-ins?userId=${owner.user.id}`)
    ).json<SignInsResponse>().signIns;
    expect(history.map((s) => [s.success, s.reason])).toEqual([
      [true, null],
      [false, 'disabled'],
      [false, 'wrong_password'],
    ]);
    const again = await signIn(store, owner.user);
    const own = (await client(app, again).get('/api/auth/sign-ins')).json<SignInsResponse>()
      .signIns;
    expect(own).toHaveLength(3);
    expect(own[0]).not.toHaveProperty('reason');
    expectError(await client(app, again).get('/api/admin/sign-ins'), 403, 'forbidden');
  });

  it('makes a one-time password holder change it before anything else', async () => {
    const reset = await client(app, admin).post(`/api/admin/users/${owner.user.id}/password`);
    const { password } = reset.json<{ password: string }>();
    const signedIn = await login('owner@example.test', password);
    expect(signedIn.statusCode).toBe(200);
    const { csrfToken, user } = signedIn.json<{
      csrfToken: string;
      user: { mustChangePassword: boolean };
    }>();
    expect(user.mustChangePassword).toBe(true);
    const cookie = /vigie_session=[^;]+/.exec(String(signedIn.headers['set-cookie']))?.[0] ?? '';
    const session = { user: owner.user, cookie, csrf: csrfToken };
    expectError(await client(app, session).get('/api/workspaces'), 403, 'password_change_required');
    expect((await client(app, session).get('/api/auth/me')).statusCode).toBe(200);
    const changed = await client(app, session).post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'a brand new passphrase 77',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await client(app, session).get('/api/workspaces')).statusCode).toBe(200);
  });

  it('answers a locked unknown address exactly like a locked existing account', async () => {
    const answers = async (email: string) => {
      const out: { status: number; body: unknown }[] = [];
      for (let i = 0; i < 12; i++) {
        // a new source each time: the account-wide lock, not the per-source delay
        const response = await login(email, `wrong ${String(i)}`, `203.0.113.${String(i + 1)}`);
        const body = response.json<{ code: string; message: unknown }>();
        out.push({ status: response.statusCode, body: { code: body.code, message: body.message } });
      }
      return out;
    };
    const known = await answers('owner@example.test');
    const unknown = await answers('nobody@example.test');
    expect(unknown).toEqual(known);
    expect(known.at(-1)?.status).toBe(423);
  }, 60_000);

  it('filters the workspace audit log by who and action, with names', async () => {
    await client(app, owner).post(`/api/workspaces/${workspace.id}/invitations`, {
      email: 'x@example.test',
      role: 'viewer',
    });
    const page = await client(app, owner).get(
      `/api/workspaces/${workspace.id}/audit?who=${owner.user.id}&action=invitation&from=2026-01-01&to=2026-01-01`,
    );
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<AuditListResponse>();
    expect(body.entries.map((e) => e.action)).toEqual(['invitation.create']);
    expect(body.users?.[owner.user.id]?.displayName).toBe('Owner');
    const none = await client(app, owner).get(
      `/api/workspaces/${workspace.id}/audit?who=${admin.user.id}`,
    );
    expect(none.json<AuditListResponse>().entries).toEqual([]);
    expectError(
      await client(app, owner).get(`/api/workspaces/${workspace.id}/audit?action=DROP%20TABLE`),
      400,
      'validation',
    );
  });
});
