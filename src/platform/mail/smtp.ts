/**
 * The SMTP transport, on nodemailer: one connection per message (mail is rare here: invitations,
 * reminders), STARTTLS or implicit TLS or none (local relays only), optional authentication,
 * bounded timeouts. nodemailer's own logger stays off and errors are mapped to `MailError`s
 * whose detail never holds the password.
 */
import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import { MailError } from './mailer.js';
import type { MailErrorCode, MailMessage, Mailer, SentMail } from './mailer.js';

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
/**
 * `starttls`: plain connection upgraded with STARTTLS, which the server must offer (port 587);
 * `tls`: TLS from the first byte (port 465); `none`: no encryption (a relay on the same host).
 */
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** Null: no authentication. */
  readonly user: string | null;
  readonly password: string | null;
  /** The sender address of every message. */
  readonly from: string;
  /** Shown before the sender address (default "Vigie"). */
  readonly fromName: string | null;
  /** Refuse certificates that do not verify (default true; off for a self-signed relay). */
  readonly verifyCertificate: boolean;
}

export interface SmtpTimeouts {
  /** Milliseconds to open the connection (default 10 s). */
  readonly connectionMs?: number;
  /** Milliseconds to wait for the server's greeting (default 10 s). */
  readonly greetingMs?: number;
  /** Milliseconds of silence before giving up (default 30 s). */
  readonly socketMs?: number;
}

const NODEMAILER_CODES: Readonly<Record<string, MailErrorCode>> = {
  ECONNECTION: 'connection',
  EDNS: 'connection',
  ESOCKET: 'connection',
  ECONNREFUSED: 'connection',
  ENOTFOUND: 'connection',
  EAI_AGAIN: 'connection',
  ETIMEDOUT: 'timeout',
  ETLS: 'tls',
  EREQUIRETLS: 'tls',
  EAUTH: 'auth',
  ENOAUTH: 'auth',
  EENVELOPE: 'rejected',
  EMESSAGE: 'rejected',
};

/** A nodemailer error as a `MailError`, with `secret` removed from any detail. */
export function toMailError(error: unknown, secret: string | null): MailError {
  if (error instanceof MailError) return error;
  const raw = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof raw.code === 'string' ? raw.code : '';
  let mapped = NODEMAILER_CODES[code] ?? 'unknown';
  const message = typeof raw.message === 'string' ? raw.message : '';
  if (mapped === 'connection' && /ssl|tls|certificate|wrong version/i.test(message)) mapped = 'tls';
  if (mapped === 'unknown' && /ssl|tls|certificate/i.test(message)) mapped = 'tls';
  const parts = [
    code,
    typeof raw.responseCode === 'number' ? String(raw.responseCode) : '',
    typeof raw.response === 'string' ? raw.response : message,
  ].filter((part) => part !== '');
  let detail = parts.join(' ').replace(/\s+/g, ' ').slice(0, 300);
  if (secret !== null && secret !== '') detail = detail.split(secret).join('***');
  return new MailError(mapped, detail === '' ? null : detail);
}

function quoteName(name: string): string {
  return `"${name.replace(/["\\\r\n]/g, '')}"`;
}

/** A mailer sending through the SMTP server of `settings`. */
export function smtpMailer(settings: SmtpSettings, timeouts: SmtpTimeouts = {}): Mailer {
  const auth =
    settings.user === null || settings.user === ''
      ? undefined
      : { user: settings.user, pass: settings.password ?? '' };
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(auth === undefined ? {} : { auth }),
    tls: {
      rejectUnauthorized: settings.verifyCertificate,
      ...(isIP(settings.host) === 0 ? { servername: settings.host } : {}),
    },
    connectionTimeout: timeouts.connectionMs ?? 10_000,
    greetingTimeout: timeouts.greetingMs ?? 10_000,
    socketTimeout: timeouts.socketMs ?? 30_000,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const from = `${quoteName(settings.fromName ?? 'Vigie')} <${settings.from}>`;
  return {
    kind: 'smtp',
    async send(message: MailMessage): Promise<SentMail> {
      try {
        // nodemailer types the answer loosely: only the message id is read
        const info = (await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
        })) as { readonly messageId?: unknown };
        return {
          delivered: true,
          messageId: typeof info.messageId === 'string' ? info.messageId : null,
        };
      } catch (error) {
        throw toMailError(error, settings.password);
      } finally {
        transport.close();
      }
    },
  };
}
