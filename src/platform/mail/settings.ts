/**
 * The SMTP settings an administrator enters, kept in the store's `settings` table under
 * `smtp`, and the platform's mailer built from them at each send (so a change applies at once,
 * on every instance). The password is stored as entered: it is never logged, and the API never
 * answers it (`publicSmtpSettings` says only whether one is set).
 */
import { z } from 'zod';
import type { SettingsRepository } from '../store/index.js';
import { MailError, noopMailer } from './mailer.js';
import type { MailMessage, Mailer, SentMail } from './mailer.js';
import { SMTP_SECURITY, smtpMailer } from './smtp.js';
import type { SmtpSettings, SmtpTimeouts } from './smtp.js';

export const SMTP_SETTINGS_KEY = 'smtp';

/** What is stored (and what an administrator sends, the password aside). */
export const smtpSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]_-]+$/, 'a host name or an address'),
  port: z.number().int().min(1).max(65_535),
  security: z.enum(SMTP_SECURITY),
  user: z.string().max(320).nullable(),
  password: z.string().max(1024).nullable(),
  from: z.email().max(320),
  fromName: z.string().trim().max(200).nullable(),
  verifyCertificate: z.boolean(),
});

/** The settings as the API shows them: no password, only whether one is set. */
export interface PublicSmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSettings['security'];
  readonly user: string | null;
  readonly passwordSet: boolean;
  readonly from: string;
  readonly fromName: string | null;
  readonly verifyCertificate: boolean;
}

export function publicSmtpSettings(settings: SmtpSettings): PublicSmtpSettings {
  return {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    user: settings.user,
    passwordSet: settings.password !== null && settings.password !== '',
    from: settings.from,
    fromName: settings.fromName,
    verifyCertificate: settings.verifyCertificate,
  };
}

/** The stored SMTP settings, or undefined when none are (or they no longer validate). */
export async function readSmtpSettings(
  settings: Pick<SettingsRepository, 'get'>,
): Promise<SmtpSettings | undefined> {
  const stored = await settings.get(SMTP_SETTINGS_KEY);
  if (stored === undefined) return undefined;
  const parsed = smtpSettingsSchema.safeParse(stored.value);
  return parsed.success ? parsed.data : undefined;
}

/** A mailer that reads the SMTP settings of the store at each send. */
export interface PlatformMailer extends Mailer {
  /** True when SMTP settings are stored (messages then leave the platform). */
  configured(): Promise<boolean>;
}

/**
 * The platform's mailer: SMTP with the store's current settings, or the no-op mailer while
 * none are set (`send` then answers `delivered: false`). `override` replaces both (tests).
 */
export function platformMailer(
  settings: Pick<SettingsRepository, 'get'>,
  options: { readonly override?: Mailer; readonly timeouts?: SmtpTimeouts } = {},
): PlatformMailer {
  const { override } = options;
  if (override !== undefined) {
    return {
      kind: override.kind,
      send: (message) => override.send(message),
      configured: () => Promise.resolve(override.kind !== 'none'),
    };
  }
  return {
    kind: 'smtp',
    async send(message: MailMessage): Promise<SentMail> {
      const smtp = await readSmtpSettings(settings);
      if (smtp === undefined) return noopMailer.send(message);
      return smtpMailer(smtp, options.timeouts).send(message);
    },
    configured: async () => (await readSmtpSettings(settings)) !== undefined,
  };
}

/** Sends with `mailer`, throwing `MailError('not_configured')` when nothing would leave. */
export async function sendOrThrow(mailer: Mailer, message: MailMessage): Promise<SentMail> {
  const sent = await mailer.send(message);
  if (!sent.delivered) throw new MailError('not_configured');
  return sent;
}
