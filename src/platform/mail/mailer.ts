/**
 * Sending e-mail: one `Mailer` interface (`send({ to, subject, text, html? })`) with three
 * transports — SMTP (`smtpMailer`, on nodemailer), a no-op one for a platform without SMTP
 * settings (nothing leaves; callers show what they would have sent, e.g. an invitation link to
 * copy), and a recording one for tests. Failures are `MailError`s with a code and a message in
 * both languages; nothing here ever logs or returns a password.
 */

export interface MailMessage {
  /** One address. */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface SentMail {
  /** False when nothing left the platform (no SMTP configured). */
  readonly delivered: boolean;
  readonly messageId: string | null;
}

export type MailTransportKind = 'smtp' | 'none' | 'recording';

export interface Mailer {
  readonly kind: MailTransportKind;
  /** Sends one message; throws `MailError` when the SMTP server cannot take it. */
  send(message: MailMessage): Promise<SentMail>;
}

export const MAIL_ERROR_CODES = [
  'not_configured',
  'connection',
  'timeout',
  'tls',
  'auth',
  'rejected',
  'unknown',
] as const;
export type MailErrorCode = (typeof MAIL_ERROR_CODES)[number];

export interface MailErrorMessage {
  readonly en: string;
  readonly fr: string;
}

const MESSAGES: Readonly<Record<MailErrorCode, MailErrorMessage>> = {
  not_configured: {
    en: 'No SMTP server is configured: set one in the administration.',
    fr: 'Aucun serveur SMTP n’est configuré : renseignez-en un dans l’administration.',
  },
  connection: {
    en: 'Could not connect to the SMTP server: check its host name and port.',
    fr: 'Connexion au serveur SMTP impossible : vérifiez son nom d’hôte et son port.',
  },
  timeout: {
    en: 'The SMTP server did not answer in time: check its host name, port and the network.',
    fr: 'Le serveur SMTP n’a pas répondu à temps : vérifiez son nom d’hôte, son port et le réseau.',
  },
  tls: {
    en: 'The secure connection to the SMTP server failed: check the security mode (STARTTLS or TLS) and its certificate.',
    fr: 'La connexion sécurisée au serveur SMTP a échoué : vérifiez le mode de sécurité (STARTTLS ou TLS) et son certificat.',
  },
  auth: {
    en: 'The SMTP server refused the user name or password.',
    fr: 'Le serveur SMTP a refusé l’identifiant ou le mot de passe.',
  },
  rejected: {
    en: 'The SMTP server refused the message (sender or recipient address).',
    fr: 'Le serveur SMTP a refusé le message (adresse de l’expéditeur ou du destinataire).',
  },
  unknown: {
    en: 'The e-mail could not be sent.',
    fr: 'L’e-mail n’a pas pu être envoyé.',
  },
};

/** Why a message could not be sent, in both languages, with the server's technical detail. */
export class MailError extends Error {
  readonly userMessage: MailErrorMessage;

  constructor(
    readonly code: MailErrorCode,
    /** The transport's code and the server's answer (never a password). */
    readonly detail: string | null = null,
  ) {
    super(detail === null ? MESSAGES[code].en : `${MESSAGES[code].en} (${detail})`);
    this.name = 'MailError';
    this.userMessage = MESSAGES[code];
  }
}

/** A mailer that sends nothing (the platform has no SMTP settings). */
export const noopMailer: Mailer = {
  kind: 'none',
  send: () => Promise.resolve({ delivered: false, messageId: null }),
};

/** A mailer keeping what it is given (tests): `messages` in sending order. */
export interface RecordingMailer extends Mailer {
  readonly messages: MailMessage[];
}

export function recordingMailer(): RecordingMailer {
  const messages: MailMessage[] = [];
  return {
    kind: 'recording',
    messages,
    send: (message) => {
      messages.push({ ...message });
      return Promise.resolve({ delivered: true, messageId: `recorded-${String(messages.length)}` });
    },
  };
}
