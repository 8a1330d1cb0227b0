/**
 * Mail settings (platform administrators): the SMTP server the platform sends through, kept in
 * the store. The password is write-only: the API answers whether one is set, never the value; a
 * PUT without `password` keeps the stored one. "Send a test e-mail" reports the server's refusal
 * in clear words (502 `mail_failed`). Every change writes an audit entry without the password.
 */
import { z } from 'zod';
import type { MailSettingsResponse, MailTestResponse, OkResponse } from '../api/types.js';
import {
  MailError,
  SMTP_SECURITY,
  SMTP_SETTINGS_KEY,
  publicSmtpSettings,
  readSmtpSettings,
  sendOrThrow,
  smtpMailer,
  smtpSettingsSchema,
} from '../mail/index.js';
import type { SmtpSettings } from '../mail/index.js';
import { ApiError, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { defineRoute, json } from './route.js';
import type { Route, ServerContext } from './route.js';

/** The 502 of a mail the SMTP server did not take, with its reason. */
export function mailFailed(error: MailError): ApiError {
  return new ApiError('mail_failed', error.userMessage, {
    reason: error.code,
    detail: error.detail,
  });
}

async function settingsResponse(server: ServerContext): Promise<MailSettingsResponse> {
  const stored = await server.store.settings.get(SMTP_SETTINGS_KEY);
  const smtp = await readSmtpSettings(server.store.settings);
  return {
    smtp: smtp === undefined ? null : publicSmtpSettings(smtp),
    updatedAt: stored?.updatedAt ?? null,
  };
}

const getSettings = defineRoute(json<MailSettingsResponse>('MailSettingsResponse'))({
  method: 'GET',
  path: '/api/admin/mail',
  summary:
    'The SMTP server the platform sends e-mail through (null while none is set); never the password (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: false,
  handler: async ({ server }) => settingsResponse(server),
});

const putSettings = defineRoute(json<MailSettingsResponse>('MailSettingsResponse'))({
  method: 'PUT',
  path: '/api/admin/mail',
  summary:
    'Sets the SMTP server. Without `password` the stored one is kept; `password: null` removes it (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: true,
  body: z.object({
    host: smtpSettingsSchema.shape.host,
    port: smtpSettingsSchema.shape.port,
    security: z.enum(SMTP_SECURITY),
    user: z.string().trim().max(320).nullable().default(null),
    password: z.string().max(1024).nullable().optional(),
    from: smtpSettingsSchema.shape.from,
    fromName: z.string().trim().max(200).nullable().default(null),
    verifyCertificate: z.boolean().default(true),
  }),
  handler: async ({ body, session, server }) => {
    const before = await readSmtpSettings(server.store.settings);
    const user = body.user === '' ? null : body.user;
    const password =
      body.password === undefined ? (before?.password ?? null) : (body.password ?? null);
    const settings: SmtpSettings = {
      host: body.host,
      port: body.port,
      security: body.security,
      user,
      password: user === null ? null : password === '' ? null : password,
      from: body.from,
      fromName: body.fromName === '' ? null : body.fromName,
      verifyCertificate: body.verifyCertificate,
    };
    await server.store.transaction(async (tx) => {
      await tx.settings.set(SMTP_SETTINGS_KEY, settings, session?.user.id ?? null);
      await tx.audit.append({
        workspaceId: null,
        userId: session?.user.id ?? null,
        action: 'settings.smtp_update',
        entityKind: 'settings',
        entityId: SMTP_SETTINGS_KEY,
        before: before === undefined ? null : publicSmtpSettings(before),
        after: publicSmtpSettings(settings),
      });
    });
    return settingsResponse(server);
  },
});

const deleteSettings = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'DELETE',
  path: '/api/admin/mail',
  summary:
    'Forgets the SMTP server: no e-mail is sent any more (invitation links are shown to copy) (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: true,
  handler: async ({ session, server }) => {
    const before = await readSmtpSettings(server.store.settings);
    if (before === undefined) throw notFound();
    await server.store.transaction(async (tx) => {
      await tx.settings.delete(SMTP_SETTINGS_KEY);
      await tx.audit.append({
        workspaceId: null,
        userId: session?.user.id ?? null,
        action: 'settings.smtp_delete',
        entityKind: 'settings',
        entityId: SMTP_SETTINGS_KEY,
        before: publicSmtpSettings(before),
      });
    });
    return { ok: true };
  },
});

const TEST_MESSAGE = {
  en: {
    subject: 'Vigie: test e-mail',
    text: 'This message confirms that Vigie can send e-mail through this SMTP server.',
  },
  fr: {
    subject: 'Vigie : e-mail de test',
    text: 'Ce message confirme que Vigie peut envoyer des e-mails par ce serveur SMTP.',
  },
} as const;

const testSettings = defineRoute(json<MailTestResponse>('MailTestResponse'))({
  method: 'POST',
  path: '/api/admin/mail/test',
  summary:
    'Sends a test e-mail through the stored SMTP server; 502 `mail_failed` says why the server did not take it (platform administrators).',
  tag: 'admin',
  access: 'admin',
  csrf: true,
  errors: { mail_failed: 'The SMTP server could not be reached or refused the message.' },
  body: z.object({ to: z.email().max(320) }),
  handler: async ({ body, request, session, server }) => {
    const settings = await readSmtpSettings(server.store.settings);
    const text = TEST_MESSAGE[localeOf(request)];
    let messageId: string | null = null;
    let failure: MailError | null = null;
    try {
      const message = { to: body.to, subject: text.subject, text: text.text };
      // the stored settings, even when a test mailer stands in for sending (AppOptions.mailer)
      const sent =
        settings === undefined
          ? await sendOrThrow(server.mailer, message)
          : await smtpMailer(settings).send(message);
      messageId = sent.messageId;
    } catch (error) {
      if (!(error instanceof MailError)) throw error;
      failure = error;
    }
    await server.store.audit.append({
      workspaceId: null,
      userId: session?.user.id ?? null,
      action: 'settings.smtp_test',
      entityKind: 'settings',
      entityId: SMTP_SETTINGS_KEY,
      after: { to: body.to, sent: failure === null, ...(failure ? { error: failure.code } : {}) },
    });
    if (failure !== null) throw mailFailed(failure);
    return { ok: true, messageId };
  },
});

export const MAIL_ROUTES: readonly Route[] = [
  getSettings,
  putSettings,
  deleteSettings,
  testSettings,
];
