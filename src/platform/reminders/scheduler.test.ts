import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../mail/index.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-support.js';
import type { User, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openClockedTestStore } from '../store/test-support.js';
import type { ManualClock, TestStore } from '../store/test-support.js';
import { reminderMail } from './message.js';
import { runReminders, type ReminderJobOptions } from './scheduler.js';
import type { ReminderFinding } from './select.js';

const DAY = 24 * 60 * 60 * 1000;
const LAPSED = 'admin-without-mfa@jdupont';
const LATER = 'cleartext-admin-protocol@plc-1';

describe.each(STORE_DIALECTS)('review-date reminders on %s', (dialect) => {
  let t: TestStore & { readonly time: ManualClock };
  let smtp: TestSmtpServer;
  let owner: User;
  let bob: User;
  let ws: Workspace;
  let findings: ReminderFinding[];

  const options = (): ReminderJobOptions => ({
    store: t.store,
    mailer: () =>
      Promise.resolve(
        smtpMailer(
          {
            host: smtp.host,
            port: smtp.port,
            security: 'none',
            user: null,
            password: null,
            from: 'vigie@example.test',
            fromName: null,
            verifyCertificate: true,
          },
          { connectionMs: 2000, greetingMs: 2000, socketMs: 2000 },
        ),
      ),
    findings: () => Promise.resolve(findings),
    daysBefore: 7,
    publicUrl: 'https://vigie.example.test/',
  });

  beforeEach(async () => {
    t = await openClockedTestStore(dialect, '2026-03-01T06:00:00.000Z');
    smtp = await startTestSmtpServer();
    owner = await t.store.users.create({
      email: 'owner@x.org',
      displayName: 'O',
      passwordHash: 'h',
    });
    bob = await t.store.users.create({ email: 'bob@x.org', displayName: 'Bob', passwordHash: 'h' });
    ws = await t.store.workspaces.create({ slug: 'forges', name: 'Forges', ownerId: owner.id });
    await t.store.workspaces.addMember(ws.id, bob.id, 'analyst');
    await t.store.versions.append(ws.id, null, { 'model.yaml': 'x' }, 'v1', owner.id);
    findings = [
      {
        id: LAPSED,
        title: 'Administrator without MFA',
        severity: 'high',
        decision: { status: 'accepted', reviewDate: '2026-02-20' },
      },
      {
        id: LATER,
        title: 'Cleartext administration',
        severity: 'medium',
        decision: { status: 'accepted', reviewDate: '2026-03-20' },
      },
    ];
  });
  afterEach(async () => {
    await smtp.close();
    await t.dispose();
  });

  it('sends exactly one e-mail for a lapsed decision, to the owners, whatever the runs', async () => {
    expect(await runReminders(options())).toEqual({ sent: 1, reminders: 1, failed: 0 });
    expect(await runReminders(options())).toEqual({ sent: 0, reminders: 0, failed: 0 });
    const mail = await smtp.waitForMessage(0);
    expect(smtp.messages).toHaveLength(1);
    expect(mail.to).toEqual(['owner@x.org']);
    expect(mail.subject).toContain('Forges');
    expect(mail.subject).toContain('1 lapsed decision');
    expect(mail.body).toContain(LAPSED);
    expect(mail.body).toContain('https://vigie.example.test/w/');
    expect(mail.body).not.toContain(LATER);
  });

  it('sends the upcoming reminder to the assignee when the date nears, then the lapsed one', async () => {
    await t.store.findingWork.set(ws.id, LATER, { assigneeId: bob.id }, owner.id);
    await runReminders(options());
    t.time.advance(13 * DAY); // 2026-03-14: six days before the review date
    expect(await runReminders(options())).toMatchObject({ sent: 1, reminders: 1 });
    const upcoming = await smtp.waitForMessage(1);
    expect(upcoming.to).toEqual(['bob@x.org']);
    expect(upcoming.body).toContain('in 6 days');
    t.time.advance(3 * DAY);
    expect(await runReminders(options())).toMatchObject({ sent: 0 });
    t.time.advance(4 * DAY); // 2026-03-21
    expect(await runReminders(options())).toMatchObject({ sent: 1 });
    const lapsed = await smtp.waitForMessage(2);
    expect(lapsed.to).toEqual(['bob@x.org']);
    expect(lapsed.body).toContain('passed');
    expect(smtp.messages).toHaveLength(3);
  });

  it('sends nothing to disabled accounts: an assignee disabled falls back to the active owners', async () => {
    const carol = await t.store.users.create({
      email: 'carol@x.org',
      displayName: 'Carol',
      passwordHash: 'h',
    });
    await t.store.workspaces.addMember(ws.id, carol.id, 'owner');
    await t.store.findingWork.set(ws.id, LAPSED, { assigneeId: bob.id }, owner.id);
    await t.store.users.setDisabled(bob.id, true);
    await t.store.users.setDisabled(owner.id, true);
    expect(await runReminders(options())).toEqual({ sent: 1, reminders: 1, failed: 0 });
    const mail = await smtp.waitForMessage(0);
    expect(mail.to).toEqual(['carol@x.org']);
    expect(mail.body).toContain(LAPSED);
    expect(smtp.messages).toHaveLength(1);
  });

  it('tries again at the next run when the SMTP server is down', async () => {
    await smtp.close();
    const down = await runReminders(options());
    expect(down).toMatchObject({ sent: 0, failed: 1 });
    expect(await t.store.findingWork.sentReminders(ws.id)).toEqual(new Set());
    smtp = await startTestSmtpServer();
    expect(await runReminders(options())).toMatchObject({ sent: 1, failed: 0 });
  });

  it('does nothing without a mailer', async () => {
    expect(await runReminders({ ...options(), mailer: () => Promise.resolve(null) })).toEqual({
      sent: 0,
      reminders: 0,
      failed: 0,
    });
    expect(await t.store.findingWork.sentReminders(ws.id)).toEqual(new Set());
  });
});

describe('reminder e-mail', () => {
  it('escapes model text in HTML and keeps the subject on one line', () => {
    const mail = reminderMail({
      workspaceName: 'Acme\r\nBcc: x@evil.test',
      findingsUrl: null,
      reminders: [
        {
          findingId: 'a@b',
          kind: 'lapsed',
          reviewDate: '2026-01-01',
          daysLeft: -3,
          title: '<img src=x onerror=alert(1)>',
          severity: 'high',
        },
      ],
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain('revue dépassée depuis le 2026-01-01');
    expect(mail.text).toContain('review date 2026-01-01 passed');
  });
});
