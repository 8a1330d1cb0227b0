import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MailError, recordingMailer } from './mailer.js';
import { smtpMailer, toMailError } from './smtp.js';
import type { SmtpSettings } from './smtp.js';
import { startTestSmtpServer } from './test-support.js';
import type { TestSmtpServer } from './test-support.js';

const PASSWORD = 'S3cret-smtp-password!';

function settingsFor(server: { port: number }, extra: Partial<SmtpSettings> = {}): SmtpSettings {
  return {
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    user: null,
    password: null,
    from: 'vigie@example.org',
    fromName: 'Vigie test',
    verifyCertificate: true,
    ...extra,
  };
}

/** A port on loopback where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    probe.close(() => {
      resolve();
    });
  });
  return port;
}

describe('SMTP mailer against smtp-server on loopback', () => {
  let smtp: TestSmtpServer | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
    vi.restoreAllMocks();
  });

  it('delivers a message with its subject, recipient, sender and text', async () => {
    smtp = await startTestSmtpServer();
    const sent = await smtpMailer(settingsFor(smtp)).send({
      to: 'alice@example.org',
      subject: 'Invitation à « Usine » — Vigie',
      text: 'Bonjour,\nOuvrez https://vigie.example.org/invitation#abc pour accepter.',
      html: '<p>Bonjour</p>',
    });
    expect(sent.delivered).toBe(true);
    expect(sent.messageId).toMatch(/@/);
    const mail = await smtp.waitForMessage(0);
    expect(mail.to).toEqual(['alice@example.org']);
    expect(mail.from).toBe('vigie@example.org');
    expect(mail.subject).toBe('Invitation à « Usine » — Vigie');
    expect(mail.body).toContain('https://vigie.example.org/invitation#abc');
    expect(mail.raw).toMatch(/^From: "?Vigie test"? <vigie@example\.org>/m);
  });

  it('authenticates with the user name and password', async () => {
    smtp = await startTestSmtpServer({ auth: { user: 'mailer', password: PASSWORD } });
    const mailer = smtpMailer(settingsFor(smtp, { user: 'mailer', password: PASSWORD }));
    await mailer.send({ to: 'bob@example.org', subject: 'Hi', text: 'Hello' });
    expect(smtp.logins).toEqual([{ user: 'mailer', accepted: true }]);
    expect(smtp.messages).toHaveLength(1);
  });

  it('upgrades with STARTTLS (self-signed certificate accepted only when told so)', async () => {
    smtp = await startTestSmtpServer({ starttls: true });
    const strict = smtpMailer(settingsFor(smtp, { security: 'starttls' }));
    const refused = await strict.send({ to: 'a@example.org', subject: 'x', text: 'y' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(MailError);
    expect((refused as MailError).code).toBe('tls');
    const lenient = smtpMailer(
      settingsFor(smtp, { security: 'starttls', verifyCertificate: false }),
    );
    await lenient.send({ to: 'a@example.org', subject: 'x', text: 'y' });
    expect(smtp.messages).toHaveLength(1);
  });

  it('refuses STARTTLS security when the server does not offer it', async () => {
    smtp = await startTestSmtpServer();
    const error = await smtpMailer(settingsFor(smtp, { security: 'starttls' }))
      .send({ to: 'a@example.org', subject: 'x', text: 'y' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(['tls', 'connection', 'unknown']).toContain((error as MailError).code);
    expect(smtp.messages).toHaveLength(0);
  });

  it('says the credentials were refused, without the password anywhere', async () => {
    smtp = await startTestSmtpServer({ auth: { user: 'mailer', password: 'other' } });
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
    const error = await smtpMailer(settingsFor(smtp, { user: 'mailer', password: PASSWORD }))
      .send({ to: 'a@example.org', subject: 'x', text: 'y' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    const mailError = error as MailError;
    expect(mailError.code).toBe('auth');
    expect(mailError.userMessage.fr).toContain('mot de passe');
    const everything = [
      mailError.message,
      mailError.detail ?? '',
      JSON.stringify(mailError),
      ...logged,
    ];
    for (const text of everything) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    }
  });

  it('gives a clear error for a host where nothing listens', async () => {
    const port = await closedPort();
    const error = await smtpMailer(settingsFor({ port }))
      .send({ to: 'a@example.org', subject: 'x', text: 'y' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('connection');
    expect((error as MailError).userMessage.en).toMatch(/host name and port/);
  });

  it('gives up on a server that never greets, after the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const error = await smtpMailer(settingsFor({ port }), { greetingMs: 300, socketMs: 500 })
        .send({ to: 'a@example.org', subject: 'x', text: 'y' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailError);
      expect((error as MailError).code).toBe('timeout');
    } finally {
      silent.close();
    }
  });
});

describe('mail errors and the recording mailer', () => {
  it('masks the password in a server answer that echoes it', () => {
    const error = toMailError(
      { code: 'EAUTH', responseCode: 535, response: `535 bad ${PASSWORD}` },
      PASSWORD,
    );
    expect(error.code).toBe('auth');
    expect(error.detail).toBe('EAUTH 535 535 bad ***');
  });

  it('maps unknown failures to a generic message', () => {
    expect(toMailError(new Error('boom'), null).code).toBe('unknown');
  });

  it('records what it is given', async () => {
    const mailer = recordingMailer();
    const sent = await mailer.send({ to: 'a@example.org', subject: 's', text: 't' });
    expect(sent.delivered).toBe(true);
    expect(mailer.messages).toEqual([{ to: 'a@example.org', subject: 's', text: 't' }]);
  });
});
