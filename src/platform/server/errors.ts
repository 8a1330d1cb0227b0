/** API errors: every failure answers `{ code, message: { en, fr }, details? }`. */
import type { ZodError } from 'zod';
import { describeBytes } from '../limits.js';

export interface Message {
  readonly en: string;
  readonly fr: string;
}

export interface ErrorBody {
  code: string;
  message: Message;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: Message,
    readonly details?: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(userMessage.en);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.userMessage }
      : { code: this.code, message: this.userMessage, details: this.details };
  }
}

export const badRequest = (code: string, details?: unknown): ApiError =>
  new ApiError(
    400,
    code,
    { en: 'The request is invalid.', fr: 'La requête est invalide.' },
    details,
  );

export const validationError = (where: string, error: ZodError): ApiError =>
  badRequest(
    'validation',
    error.issues.map((issue) => ({
      in: where,
      path: issue.path.map(String),
      code: issue.code,
      message: issue.message,
    })),
  );

export const unauthorized = (): ApiError =>
  new ApiError(401, 'unauthenticated', {
    en: 'You must sign in.',
    fr: 'Vous devez vous connecter.',
  });

export const invalidCredentials = (): ApiError =>
  new ApiError(401, 'invalid_credentials', {
    en: 'Wrong email or password.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
  });

export const forbidden = (): ApiError =>
  new ApiError(403, 'forbidden', {
    en: 'You are not allowed to do this.',
    fr: "Vous n'êtes pas autorisé à faire cela.",
  });

export const csrfError = (): ApiError =>
  new ApiError(403, 'csrf', {
    en: 'Missing or invalid CSRF token.',
    fr: 'Jeton CSRF absent ou invalide.',
  });

export const notFound = (): ApiError =>
  new ApiError(404, 'not_found', { en: 'Not found.', fr: 'Introuvable.' });

export const conflict = (code: string, message: Message): ApiError =>
  new ApiError(409, code, message);

export const unsupportedMediaType = (): ApiError =>
  new ApiError(415, 'unsupported_media_type', {
    en: 'The request body must be JSON (content-type: application/json).',
    fr: 'Le corps de la requête doit être du JSON (content-type: application/json).',
  });

/** The same answer whether an account uses the address or not (no account enumeration). */
export const accountLocked = (retryAfterSeconds: number): ApiError =>
  new ApiError(
    423,
    'account_locked',
    {
      en: 'Too many failed sign-ins: signing in to this account is locked for a while, except from a device or network it signed in from before. An administrator can unlock it.',
      fr: 'Trop de connexions échouées : la connexion à ce compte est bloquée pour un moment, sauf depuis un appareil ou un réseau déjà utilisé pour s’y connecter. Un administrateur peut la débloquer.',
    },
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

/** Growing delay between attempts from one source on one account (same for unknown ones). */
export const loginThrottled = (retryAfterSeconds: number): ApiError =>
  new ApiError(
    429,
    'login_throttled',
    {
      en: 'Too many failed attempts: wait a moment before trying again.',
      fr: 'Trop de tentatives échouées : patientez un moment avant de réessayer.',
    },
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

export const rateLimited = (retryAfterSeconds: number): ApiError =>
  new ApiError(
    429,
    'rate_limited',
    { en: 'Too many requests, try again later.', fr: 'Trop de requêtes, réessayez plus tard.' },
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );

/** 413 for a request body over the route's limit, saying the limit when it is known. */
export const payloadTooLarge = (maxBytes?: number): ApiError =>
  maxBytes === undefined
    ? new ApiError(413, 'payload_too_large', {
        en: 'The request body is too large.',
        fr: 'Le corps de la requête est trop volumineux.',
      })
    : new ApiError(
        413,
        'payload_too_large',
        {
          en: `The request body is too large: the limit is ${describeBytes(maxBytes, 'en')}.`,
          fr: `Le corps de la requête est trop volumineux : la limite est de ${describeBytes(maxBytes, 'fr')}.`,
        },
        { maxBytes },
      );

/** A write failed for lack of space (disk, quota, PostgreSQL disk_full): nothing was saved. */
export const storageFull = (): ApiError =>
  new ApiError(507, 'storage_full', {
    en: 'The server has run out of storage space, so nothing was saved. Try again once an administrator has freed space.',
    fr: 'Le serveur n’a plus d’espace de stockage : rien n’a été enregistré. Réessayez quand un administrateur aura libéré de la place.',
  });

export const internalError = (): ApiError =>
  new ApiError(500, 'internal', {
    en: 'An internal error occurred.',
    fr: 'Une erreur interne est survenue.',
  });
