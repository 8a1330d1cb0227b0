/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) for tests: it accepts every
 * message (optionally only after authentication) and collects them, parsed just enough to
 * assert on (envelope, headers, text). Listens on a free port; `close()` stops it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string;
  /** The raw message (headers and body, as sent). */
  readonly raw: string;
  /** The body with quoted-printable soft breaks and escapes decoded (good enough to find links). */
  readonly body: string;
}

export interface TestSmtpServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Logins the server saw (user names and whether they were accepted; never passwords). */
  readonly logins: { user: string; accepted: boolean }[];
  /** Resolves with the next message received (or one already received beyond `count`). */
  waitForMessage(count?: number, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Require AUTH with these credentials (over plain text: loopback only). */
  readonly auth?: { readonly user: string; readonly password: string };
  /** Offer STARTTLS with smtp-server's built-in self-signed certificate (default false). */
  readonly starttls?: boolean;
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeHeader(value: string): string {
  // whitespace between two encoded words is not part of the text (RFC 2047)
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(decodeQuotedPrintable(data.replace(/_/g, ' ')), 'latin1').toString('utf8'),
    );
}

function parse(raw: string, from: string | null, to: readonly string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = split === -1 ? raw : raw.slice(0, split);
  const unfolded = headerText.replace(/\r\n[ \t]+/g, ' ');
  const subjectLine = /^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '';
  const body = split === -1 ? '' : raw.slice(split + 4);
  const decoded = Buffer.from(decodeQuotedPrintable(body), 'latin1').toString('utf8');
  return { from, to, subject: decodeHeader(subjectLine.trim()), raw, body: decoded };
}

export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const logins: { user: string; accepted: boolean }[] = [];
  const waiters: { count: number; resolve: (mail: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    ...(options.starttls === true ? {} : { disabledCommands: ['STARTTLS'] }),
    logger: false,
    onAuth(auth, _session, callback) {
      const accepted =
        options.auth !== undefined &&
        auth.username === options.auth.user &&
        auth.password === options.auth.password;
      logins.push({ user: auth.username ?? '', accepted });
      if (accepted) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        const mail = parse(
          Buffer.concat(chunks).toString('latin1'),
          mailFrom === false ? null : mailFrom.address,
          session.envelope.rcptTo.map((r) => r.address),
        );
        messages.push(mail);
        for (const waiter of [...waiters]) {
          if (messages.length > waiter.count) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(messages[waiter.count] as ReceivedMail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    logins,
    waitForMessage(count = messages.length, timeoutMs = 10_000) {
      const ready = messages[count];
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`No e-mail arrived within ${String(timeoutMs)} ms.`));
        }, timeoutMs);
        waiters.push({
          count,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
