/**
 * API errors: every failure answers `{ code, message: { en, fr }, details? }` with the HTTP status
 * `ERROR_STATUS` gives its code — the one place that maps error codes to statuses (the OpenAPI
 * document reads it too).
 */
import type { ZodError } from 'zod';
import { describeBytes } from '../limits.js';

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  // 400: the request is wrong (validation, body, model files, edits, zip archives)
  bad_request: 400,
  validation: 400,
  invalid_json: 400,
  invalid_query: 400,
  weak_password: 400,
  wrong_password: 400,
  no_files: 400,
  too_many_files: 400,
  invalid_file_name: 400,
  unknown_kind: 400,
  id_immutable: 400,
  id_required: 400,
  yaml_unparsable: 400,
  unsupported_layout: 400,
  zip_invalid: 400,
  zip_bomb: 400,
  zip_path_traversal: 400,
  zip_encrypted: 400,
  zip_unsupported: 400,
  inventory_unreadable: 400,
  unknown_template: 400,
  invalid_scenario: 400,
  invalid_scope: 400,
  // 401, 403, 404: who may do what (404 also hides workspaces the caller is no member of)
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  password_change_required: 403,
  invitation_other_account: 403,
  not_found: 404,
  entity_not_found: 404,
  // 409: the state changed or forbids it
  conflict: 409,
  duplicate_id: 409,
  entity_referenced: 409,
  last_owner: 409,
  email_taken: 409,
  slug_taken: 409,
  already_member: 409,
  too_many_invitations: 409,
  invitation_pending: 409,
  account_exists: 409,
  cannot_disable_self: 409,
  // 410: a single-use or expiring link that no longer works
  invitation_used: 410,
  invitation_expired: 410,
  invitation_revoked: 410,
  not_ready: 409,
  // 413, 415: the body
  payload_too_large: 413,
  model_too_large: 413,
  zip_too_large: 413,
  unsupported_media_type: 415,
  // 422: valid request, unusable content
  invalid_model: 422,
  document_failed: 422,
  unknown_scenario_target: 422,
  // 423, 429: slow down
  account_locked: 423,
  login_throttled: 429,
  rate_limited: 429,
  analysis_busy: 429,
  quota_exceeded: 429,
  // 5xx: the server
  internal: 500,
  mail_failed: 502,
  analysis_failed: 503,
  storage_full: 507,
} as const satisfies Readonly<Record<string, number>>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The codes answered with `status`. */
export type ErrorCodeOf<S extends number> = {
  [K in ErrorCode]: (typeof ERROR_STATUS)[K] extends S ? K : never;
}[ErrorCode];

/** The HTTP status of an error code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

export interface Message {
  readonly en: string;
  readonly fr: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: Message;
  details?: unknown;
}

export class ApiError extends Error {
  /** From `ERROR_STATUS`. */
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly userMessage: Message,
    readonly details?: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(userMessage.en);
    this.name = 'ApiError';
    this.status = statusOf(code);
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.userMessage }
      : { code: this.code, message: this.userMessage, details: this.details };
  }
}

export const badRequest = (code: ErrorCodeOf<400>, details?: unknown): ApiError =>
  new ApiError(code, { en: 'The request is invalid.', fr: 'La requête est invalide.' }, details);

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
  new ApiError('unauthenticated', {
    en: 'You must sign in.',
    fr: 'Vous devez vous connecter.',
  });

export const invalidCredentials = (): ApiError =>
  new ApiError('invalid_credentials', {
    en: 'Wrong email or password.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
  });

export const forbidden = (): ApiError =>
  new ApiError('forbidden', {
    en: 'You are not allowed to do this.',
    fr: "Vous n'êtes pas autorisé à faire cela.",
  });

/** A one-time password is in use: the person must choose their own before anything else. */
export const passwordChangeRequired = (): ApiError =>
  new ApiError('password_change_required', {
    en: 'Choose a new password before going on: the current one was given to you by an administrator.',
    fr: 'Choisissez un nouveau mot de passe avant de continuer : l’actuel vous a été donné par un administrateur.',
  });

export const csrfError = (): ApiError =>
  new ApiError('csrf', {
    en: 'Missing or invalid CSRF token.',
    fr: 'Jeton CSRF absent ou invalide.',
  });

export const notFound = (): ApiError =>
  new ApiError('not_found', { en: 'Not found.', fr: 'Introuvable.' });

export const conflict = (code: ErrorCodeOf<409>, message: Message): ApiError =>
  new ApiError(code, message);

export const unsupportedMediaType = (): ApiError =>
  new ApiError('unsupported_media_type', {
    en: 'The request body must be JSON (content-type: application/json).',
    fr: 'Le corps de la requête doit être du JSON (content-type: application/json).',
  });

/** The same answer whether an account uses the address or not (no account enumeration). */
export const accountLocked = (retryAfterSeconds: number): ApiError =>
  new ApiError(
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
    'rate_limited',
    { en: 'Too many requests, try again later.', fr: 'Trop de requêtes, réessayez plus tard.' },
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );

/** 413 for a request body over the route's limit, saying the limit when it is known. */
export const payloadTooLarge = (maxBytes?: number): ApiError =>
  maxBytes === undefined
    ? new ApiError('payload_too_large', {
        en: 'The request body is too large.',
        fr: 'Le corps de la requête est trop volumineux.',
      })
    : new ApiError(
        'payload_too_large',
        {
          en: `The request body is too large: the limit is ${describeBytes(maxBytes, 'en')}.`,
          fr: `Le corps de la requête est trop volumineux : la limite est de ${describeBytes(maxBytes, 'fr')}.`,
        },
        { maxBytes },
      );

/** A write failed for lack of space (disk, quota, PostgreSQL disk_full): nothing was saved. */
export const storageFull = (): ApiError =>
  new ApiError('storage_full', {
    en: 'The server has run out of storage space, so nothing was saved. Try again once an administrator has freed space.',
    fr: 'Le serveur n’a plus d’espace de stockage : rien n’a été enregistré. Réessayez quand un administrateur aura libéré de la place.',
  });

export const internalError = (): ApiError =>
  new ApiError('internal', {
    en: 'An internal error occurred.',
    fr: 'Une erreur interne est survenue.',
  });
