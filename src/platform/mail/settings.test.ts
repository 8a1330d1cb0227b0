import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { MailError, recordingMailer } from './mailer.js';
import {
  SMTP_SETTINGS_KEY,
  platformMailer,
  publicSmtpSettings,
  readSmtpSettings,
  sendOrThrow,
} from './settings.js';
import { startTestSmtpServer } from './test-support.js';
import type { TestSmtpServer } from './test-support.js';

describe.each(STORE_DIALECTS)('SMTP settings in the store on %s', (dialect) => {
  let t: TestStore;
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    smtp = await startTestSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
    await t.dispose();
  });

  const settings = (port: number) => ({
    host: '127.0.0.1',
    port,
    security: 'none' as const,
    user: 'mailer',
    password: 'pw-123',
    from: 'vigie@example.org',
    fromName: null,
    verifyCertificate: true,
  });

  it('sends nothing while no SMTP server is set, then through the one set', async () => {
    const mailer = platformMailer(t.store.settings);
    expect(await mailer.configured()).toBe(false);
    const message = { to: 'a@example.org', subject: 'Hello', text: 'Body' };
    expect((await mailer.send(message)).delivered).toBe(false);
    await expect(sendOrThrow(mailer, message)).rejects.toBeInstanceOf(MailError);

    await t.store.settings.set(SMTP_SETTINGS_KEY, { ...settings(smtp.port), user: null }, null);
    expect(await mailer.configured()).toBe(true);
    expect((await mailer.send(message)).delivered).toBe(true);
    expect((await smtp.waitForMessage(0)).subject).toBe('Hello');
  });

  it('reads back what was stored, and shows it without the password', async () => {
    await t.store.settings.set(SMTP_SETTINGS_KEY, settings(2525), null);
    const read = await readSmtpSettings(t.store.settings);
    expect(read).toEqual(settings(2525));
    const shown = publicSmtpSettings(settings(2525));
    expect(shown.passwordSet).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('pw-123');
    // a stored value that no longer validates counts as not configured
    await t.store.settings.set(SMTP_SETTINGS_KEY, { host: '' }, null);
    expect(await readSmtpSettings(t.store.settings)).toBeUndefined();
    expect(await t.store.settings.delete(SMTP_SETTINGS_KEY)).toBe(true);
    expect(await t.store.settings.get(SMTP_SETTINGS_KEY)).toBeUndefined();
  });

  it('uses the override mailer when given one', async () => {
    const recorder = recordingMailer();
    const mailer = platformMailer(t.store.settings, { override: recorder });
    expect(await mailer.configured()).toBe(true);
    await mailer.send({ to: 'b@example.org', subject: 's', text: 't' });
    expect(recorder.messages.map((m) => m.to)).toEqual(['b@example.org']);
  });
});
