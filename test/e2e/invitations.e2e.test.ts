/**
 * End to end: nobody joins a workspace without consent. The demo's owner invites an existing
 * account and an address without one, revokes the second; the invitee sees the invitation on
 * the workspaces page and accepts it, and the workspace appears in their list. In English, in
 * Debian's Chromium, against the platform served in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { startBrowser, startPlatform } from './support.js';
import type { Driver, Platform } from './support.js';

const DEMO = 'Forges de l’Est';
const INVITEE = {
  email: 'camille.durand@example.test',
  password: 'violet lantern across nine rivers',
};
const TIMEOUT = 15_000;
const STEP = 60_000;

let platform: Platform | undefined;
let owner: Driver | undefined;
let invitee: Driver | undefined;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor({ timeout: TIMEOUT });
}

describe('invitations in the web UI', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    await platform.server.store.users.create({
      email: INVITEE.email,
      displayName: 'Camille Durand',
      passwordHash: await hashPassword(INVITEE.password),
    });
    owner = await startBrowser(platform.url, 'en-GB');
    invitee = await startBrowser(platform.url, 'en-GB');
    for (const driver of [owner, invitee]) {
      driver.page.on('dialog', (dialog) => {
        void dialog.accept();
      });
    }
  }, 120_000);

  afterAll(async () => {
    await owner?.close().catch(() => undefined);
    await invitee?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it(
    'the owner invites an account and an unknown address alike, and revokes one',
    async () => {
      if (platform === undefined || owner === undefined) throw new Error('not started');
      const page = owner.page;
      await signIn(page, platform.email, platform.password);
      await page.getByRole('link', { name: `Open ${DEMO}` }).click();
      await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
      await page.goto(`${new URL(page.url()).pathname}/members`);
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor({ timeout: TIMEOUT });

      const invite = async (email: string, role: string): Promise<string> => {
        await page.getByLabel('E-mail address').fill(email);
        await page.getByLabel('Role', { exact: true }).selectOption(role);
        await page.getByRole('button', { name: 'Send the invitation' }).click();
        const status = page.getByRole('status').filter({ hasText: email });
        await status.waitFor({ timeout: TIMEOUT });
        return (await status.textContent()) ?? '';
      };
      const known = await invite(INVITEE.email, 'analyst');
      const unknown = await invite('nobody@example.test', 'viewer');
      // The same answer whether an account uses the address or not.
      expect(known.replace(INVITEE.email, 'X').replace('analyst', 'R')).toBe(
        unknown.replace('nobody@example.test', 'X').replace('viewer', 'R'),
      );
      const pending = page.getByRole('region', { name: /Pending invitations/ });
      await pending
        .getByRole('row', { name: /nobody@example\.test/ })
        .waitFor({ timeout: TIMEOUT });
      expect(await pending.getByRole('row').count()).toBe(3); // header + 2

      await pending
        .getByRole('button', { name: 'Revoke the invitation of nobody@example.test' })
        .click();
      await page
        .getByRole('status')
        .filter({ hasText: 'The invitation of nobody@example.test has been revoked.' })
        .waitFor({ timeout: TIMEOUT });
      await expect.poll(() => pending.getByRole('row').count(), { timeout: TIMEOUT }).toBe(2);
      // Not a member yet (the list is named by its count, in the right plural: '1 member').
      const members = page.getByRole('region', { name: /^\d+ members?$/ });
      expect(await members.textContent()).not.toContain(INVITEE.email);
      // The only 4xx: the session check before signing in.
      expect(owner.problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    },
    STEP,
  );

  it(
    'the invitee sees the invitation, accepts it and finds the workspace',
    async () => {
      if (invitee === undefined) throw new Error('not started');
      const page = invitee.page;
      await signIn(page, INVITEE.email, INVITEE.password);
      expect(await page.getByRole('link', { name: `Open ${DEMO}` }).count()).toBe(0);
      const invitations = page.getByRole('region', { name: /Invitations waiting for your answer/ });
      await invitations.waitFor({ timeout: TIMEOUT });
      expect(await invitations.textContent()).toContain(
        `${DEMO}: Administrator invites you as analyst`,
      );
      await invitations.getByRole('button', { name: `Accept the invitation to ${DEMO}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `You are now a member of ${DEMO}.` })
        .waitFor({ timeout: TIMEOUT });
      await page.getByRole('link', { name: `Open ${DEMO}` }).waitFor({ timeout: TIMEOUT });
      expect(await page.getByText('Your role: analyst').count()).toBe(1);
      expect(await invitations.count()).toBe(0);
      expect(invitee.problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    },
    STEP,
  );
});
