/**
 * End to end (issue 12): people and mail. The owner invites an address; the e-mail reaches a
 * real SMTP server on loopback; a new person creates their account through its link and lands in
 * the workspace; the link is then refused. An administrator resets that person's password: at
 * next sign-in they must choose their own before anything else. The owner's audit log, filtered
 * by who, shows the change as named fields. In English, in Debian's Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SMTP_SETTINGS_KEY } from '../../src/platform/mail/index.js';
import { startTestSmtpServer } from '../../src/platform/mail/test-support.js';
import type { TestSmtpServer } from '../../src/platform/mail/test-support.js';
import { startBrowser, startPlatform } from './support.js';
import type { Driver, Platform } from './support.js';

const DEMO = 'Forges de l’Est';
const NEWCOMER = 'dominique.martin@example.test';
const PASSWORD = 'amber kettle over seven hills';
const NEW_PASSWORD = 'quiet harbour beneath eleven stars';
const TIMEOUT = 15_000;
const STEP = 90_000;

let platform: Platform | undefined;
let smtp: TestSmtpServer | undefined;
let owner: Driver | undefined;
let newcomer: Driver | undefined;
let link = '';
let workspacePath = '';

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('people and mail in the web UI', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    smtp = await startTestSmtpServer();
    await platform.server.store.settings.set(
      SMTP_SETTINGS_KEY,
      {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: null,
        password: null,
        from: 'vigie@example.test',
        fromName: null,
        verifyCertificate: true,
      },
      null,
    );
    owner = await startBrowser(platform.url, 'en-GB');
    newcomer = await startBrowser(platform.url, 'en-GB');
    for (const driver of [owner, newcomer]) {
      driver.page.on('dialog', (dialog) => {
        void dialog.accept();
      });
    }
  }, 120_000);

  afterAll(async () => {
    await owner?.close().catch(() => undefined);
    await newcomer?.close().catch(() => undefined);
    await smtp?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it(
    'an invitation e-mail lets a new person create an account once',
    async () => {
      if (platform === undefined || owner === undefined || newcomer === undefined || !smtp) {
        throw new Error('not started');
      }
      const page = owner.page;
      await signIn(page, platform.email, platform.password);
      await page.getByRole('link', { name: `Open ${DEMO}` }).click();
      await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
      workspacePath = new URL(page.url()).pathname;
      await page.goto(`${workspacePath}/members`);
      await page.getByLabel('E-mail address').fill(NEWCOMER);
      await page.getByLabel('Role', { exact: true }).selectOption('analyst');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByText(`An e-mail with a single-use link was sent to ${NEWCOMER}.`).waitFor({
        timeout: TIMEOUT,
      });
      // other mail may leave too (reminders): take the one addressed to the newcomer
      let mail = smtp.messages.find((m) => m.to.includes(NEWCOMER));
      for (let n = 0; mail === undefined && n < 20; n++) {
        await smtp.waitForMessage(smtp.messages.length);
        mail = smtp.messages.find((m) => m.to.includes(NEWCOMER));
      }
      if (mail === undefined) throw new Error('no invitation e-mail');
      expect(mail.subject).toContain(DEMO);
      const found = /https?:\/\/[^\s]+\/invitation#[A-Za-z0-9_-]{43}/.exec(mail.body);
      expect(found).not.toBeNull();
      link = found?.[0] ?? '';
      expect(link.startsWith(platform.url)).toBe(true);

      const p = newcomer.page;
      await p.goto(link);
      await p.getByRole('heading', { name: 'Invitation', level: 1 }).waitFor({ timeout: TIMEOUT });
      await p.getByLabel('Name').fill('Dominique Martin');
      await p.getByLabel('New password', { exact: true }).fill(PASSWORD);
      await p.getByLabel('Confirm the new password').fill(PASSWORD);
      await p.getByRole('button', { name: 'Create my account and join' }).click();
      await p.waitForURL(/\/w\/[0-9a-f-]{36}$/, { timeout: TIMEOUT });

      // the link works once
      const again = await newcomer.browser.newContext({ baseURL: platform.url });
      const q = await again.newPage();
      await q.goto(link);
      await q.getByText('This invitation link has already been used').waitFor({ timeout: TIMEOUT });
      await again.close();
    },
    STEP,
  );

  it(
    'a one-time password must be replaced at sign-in before anything else',
    async () => {
      if (platform === undefined || owner === undefined || newcomer === undefined) {
        throw new Error('not started');
      }
      const page = owner.page;
      await page.goto('/admin/users');
      await page.getByRole('button', { name: 'Reset the password of Dominique Martin' }).click();
      const secret = page.locator('.one-time-password');
      await secret.waitFor({ timeout: TIMEOUT });
      const oneTime = ((await secret.textContent()) ?? '').trim();
      expect(oneTime.length).toBeGreaterThan(20);

      const p = newcomer.page;
      await signIn(p, NEWCOMER, oneTime);
      await p.getByRole('heading', { name: 'Choose your password', level: 1 }).waitFor({
        timeout: TIMEOUT,
      });
      await p.goto(workspacePath);
      await p.getByRole('heading', { name: 'Choose your password', level: 1 }).waitFor({
        timeout: TIMEOUT,
      });
      await p.getByLabel('Current password').fill(oneTime);
      await p.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await p.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
      await p.getByRole('button', { name: 'Change the password' }).click();
      await p
        .getByRole('heading', { name: 'Choose your password', level: 1 })
        .waitFor({ state: 'detached', timeout: TIMEOUT });
    },
    STEP,
  );

  it(
    'the audit log filtered by who shows the change as named fields',
    async () => {
      if (platform === undefined || owner === undefined) throw new Error('not started');
      const user = await platform.server.store.users.findByEmail(NEWCOMER);
      expect(user).toBeDefined();
      const page = owner.page;
      await page.goto(`${workspacePath}/audit?who=${user?.id ?? ''}`);
      await page
        .getByRole('heading', { name: 'Audit log', level: 1 })
        .waitFor({ timeout: TIMEOUT });
      const show = page.getByRole('button', { name: /Show changes/ });
      await show.first().waitFor({ timeout: TIMEOUT });
      expect(await show.count()).toBe(1);
      await show.first().click();
      const diff = page.getByRole('table', { name: 'Changed fields' });
      await diff.waitFor({ timeout: TIMEOUT });
      await diff.getByRole('rowheader', { name: 'role' }).waitFor({ timeout: TIMEOUT });
      expect(await diff.textContent()).toContain('analyst');
    },
    STEP,
  );
});
