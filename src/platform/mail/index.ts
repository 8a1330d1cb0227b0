/** E-mail: the `Mailer` interface, its SMTP / no-op / recording transports and SMTP settings. */
export { MAIL_ERROR_CODES, MailError, noopMailer, recordingMailer } from './mailer.js';
export type {
  MailErrorCode,
  MailErrorMessage,
  MailMessage,
  MailTransportKind,
  Mailer,
  RecordingMailer,
  SentMail,
} from './mailer.js';
export { SMTP_SECURITY, smtpMailer, toMailError } from './smtp.js';
export type { SmtpSecurity, SmtpSettings, SmtpTimeouts } from './smtp.js';
export {
  SMTP_SETTINGS_KEY,
  platformMailer,
  publicSmtpSettings,
  readSmtpSettings,
  sendOrThrow,
  smtpSettingsSchema,
} from './settings.js';
export type { PlatformMailer, PublicSmtpSettings } from './settings.js';
