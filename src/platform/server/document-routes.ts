/**
 * Documents (DAT, analysis report) generated in the background: a request queues a
 * `document.generate` job that any instance's worker runs; members list and read the status;
 * the file is downloaded as an attachment (never rendered inside the application's origin).
 * Owners, analysts and auditors request documents; every member reads them. Requests are held to
 * the operator's quotas (documents waiting at once, and per hour, per user and per workspace):
 * over one, 429 `quota_exceeded` says which and when to try again (also in `Retry-After`).
 * A request without a language gets the model's (`organisation.locale`), else the requester's
 * (`Accept-Language`), else English: {@link defaultDocumentLanguage}.
 */
import { z } from 'zod';
import type {
  DocumentLanguageResponse,
  DocumentResponse,
  DocumentView,
  DocumentsResponse,
  Lang,
} from '../api/types.js';
import { DOCUMENT_JOB_KIND } from '../documents/document-job.js';
import { describeDelay } from '../limits.js';
import type { Store } from '../store/index.js';
import type { DocumentQuotaName, DocumentRecord, QuotaExceeded } from '../store/documents.js';
import { analysisServiceFor, apiErrorOf, requesterOf } from './analysis-routes.js';
import { ApiError, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { defineRoute, file, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

const LIST_LIMIT = 50;

const workspaceParams = z.object({ workspaceId: z.uuid() });
const documentParams = z.object({ workspaceId: z.uuid(), documentId: z.uuid() });

export const documentRequestSchema = z.strictObject({
  version: z.number().int().min(1).max(999_999_999),
  kind: z.enum(['dat', 'analysis', 'pra']),
  format: z.enum(['pdf', 'docx', 'html', 'md']),
  /** Absent: {@link defaultDocumentLanguage}. */
  lang: z.enum(['fr', 'en']).optional(),
});

const languageQuery = z.object({
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'a version number')
    .transform(Number),
});

/**
 * The language of a document asked without one: the one the version's model names
 * (`organisation.locale`, read from its analysis, computed at most once), else the requester's
 * (`Accept-Language`), else English. 404 for a version that does not exist.
 */
export async function defaultDocumentLanguage(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'server' | 'session' | 'request'>,
  workspaceId: string,
  version: number,
): Promise<{ readonly lang: Lang; readonly modelLocale: Lang | null }> {
  let modelLocale: Lang | null;
  try {
    modelLocale = await analysisServiceFor(input.server.store).modelLocale(
      workspaceId,
      version,
      requesterOf(input),
    );
  } catch (error) {
    throw apiErrorOf(error);
  }
  return { lang: modelLocale ?? localeOf(input.request), modelLocale };
}

/** Names of the users who requested the documents, looked up once each. */
async function viewsOf(store: Store, records: readonly DocumentRecord[]): Promise<DocumentView[]> {
  const names = new Map<string, string>();
  for (const id of new Set(records.map((r) => r.createdBy))) {
    if (id === null) continue;
    const user = await store.users.findById(id);
    if (user !== undefined) names.set(id, user.displayName);
  }
  return records.map((r) => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    format: r.format,
    lang: r.locale,
    status: r.status,
    progress: null,
    fileName: r.fileName,
    size: r.size,
    error: r.error,
    createdBy: r.createdBy === null ? null : (names.get(r.createdBy) ?? null),
    created: r.createdAt,
    finished: r.finishedAt,
  }));
}

async function viewOf(store: Store, record: DocumentRecord): Promise<DocumentView> {
  const [view] = await viewsOf(store, [record]);
  if (view === undefined) throw new Error('unreachable');
  return view;
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 and
 * RFC 8187): quotes, backslashes and control characters never reach the header.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const notReady = (status: string): ApiError =>
  new ApiError(
    'not_ready',
    {
      en: 'The document is not ready yet; try again in a moment.',
      fr: "Le document n'est pas encore prêt ; réessayez dans un instant.",
    },
    { status },
  );

const generationFailed = (error: string | null): ApiError =>
  new ApiError(
    'document_failed',
    {
      en: 'The document could not be generated.',
      fr: "Le document n'a pas pu être produit.",
    },
    { error },
  );

const QUOTA_MESSAGES: Readonly<
  Record<DocumentQuotaName, { en: (limit: number) => string; fr: (limit: number) => string }>
> = {
  queued_per_user: {
    en: (n) =>
      `You already have ${String(n)} documents waiting to be generated, the most one person may have at once.`,
    fr: (n) =>
      `Vous avez déjà ${String(n)} documents en attente de production, le maximum pour une personne à la fois.`,
  },
  queued_per_workspace: {
    en: (n) =>
      `This workspace already has ${String(n)} documents waiting to be generated, the most it may have at once.`,
    fr: (n) =>
      `Cet espace de travail a déjà ${String(n)} documents en attente de production, le maximum à la fois.`,
  },
  per_hour_per_user: {
    en: (n) =>
      `You have requested ${String(n)} documents in the last hour, the most one person may request per hour.`,
    fr: (n) =>
      `Vous avez demandé ${String(n)} documents dans la dernière heure, le maximum par personne et par heure.`,
  },
  per_hour_per_workspace: {
    en: (n) =>
      `${String(n)} documents were requested in this workspace in the last hour, the most per hour.`,
    fr: (n) =>
      `${String(n)} documents ont été demandés dans cet espace de travail dans la dernière heure, le maximum par heure.`,
  },
};

/** 429 naming the quota and when to try again (in the message, the details and Retry-After). */
export function quotaExceeded(error: QuotaExceeded): ApiError {
  const { quota, limit, retryAfterSeconds } = error;
  const messages = QUOTA_MESSAGES[quota];
  return new ApiError(
    'quota_exceeded',
    {
      en: `${messages.en(limit)} Try again in ${describeDelay(retryAfterSeconds, 'en')}.`,
      fr: `${messages.fr(limit)} Réessayez dans ${describeDelay(retryAfterSeconds, 'fr')}.`,
    },
    { quota, limit, retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

const requestDocument = defineRoute(json<DocumentResponse>('DocumentResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/documents',
  summary:
    'Requests a DAT, an analysis report or a disaster recovery plan (`pra`) of a model version in a format and language; it is generated in the background (202, status `queued`). Without `lang`, the document is in the language the model names (`organisation.locale`), else in the requester’s (`Accept-Language`), else in English. 429 `quota_exceeded` (with `Retry-After`) beyond the documents a user or a workspace may have waiting or request per hour.',
  tag: 'documents',
  access: { permission: 'documents.request' },
  csrf: true,
  status: 202,
  params: workspaceParams,
  body: documentRequestSchema,
  handler: async ({ params, body, session, server, request }) => {
    const { store } = server;
    const version = await store.versions.get(params.workspaceId, body.version);
    if (version === undefined) throw notFound();
    const lang =
      body.lang ??
      (
        await defaultDocumentLanguage(
          { server, session, request },
          params.workspaceId,
          body.version,
        )
      ).lang;
    const userId = session?.user.id ?? null;
    // The document, its job and the audit entry are stored together, or none of them, within
    // the quotas counted in the database.
    const requested = await store.transaction(async (tx) => {
      const outcome = await tx.documents.request(
        {
          workspaceId: params.workspaceId,
          version: body.version,
          kind: body.kind,
          format: body.format,
          locale: lang,
          createdBy: userId,
        },
        server.limits.documents,
        { kind: DOCUMENT_JOB_KIND, payload: (documentId) => ({ documentId }) },
      );
      if (outcome.ok) {
        await tx.audit.append({
          workspaceId: params.workspaceId,
          userId,
          action: 'document.request',
          entityKind: 'document',
          entityId: outcome.value.id,
          after: { ...body, lang },
        });
      }
      return outcome;
    });
    if (!requested.ok) throw quotaExceeded(requested.error);
    const record = requested.value;
    return { document: await viewOf(store, record) };
  },
});

const documentLanguage = defineRoute(json<DocumentLanguageResponse>('DocumentLanguageResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/documents/language',
  summary:
    'The language a document of `version` gets when requested without `lang`: the one the model names (`organisation.locale`, also given as `modelLocale`, null when it names none), else the requester’s (`Accept-Language`), else English.',
  tag: 'documents',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  query: languageQuery,
  handler: async ({ params, query, session, server, request }) => {
    const resolved = await defaultDocumentLanguage(
      { server, session, request },
      params.workspaceId,
      query.version,
    );
    return { version: query.version, ...resolved };
  },
});

const listDocuments = defineRoute(json<DocumentsResponse>('DocumentsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/documents',
  summary: 'The 50 latest documents of the workspace, newest first.',
  tag: 'documents',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => ({
    documents: await viewsOf(
      server.store,
      await server.store.documents.list(params.workspaceId, LIST_LIMIT),
    ),
  }),
});

const getDocument = defineRoute(json<DocumentResponse>('DocumentResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/documents/:documentId',
  summary: "One document's status (queued, running, done, failed), file name, size and error.",
  tag: 'documents',
  access: { permission: 'model.read' },
  csrf: false,
  params: documentParams,
  handler: async ({ params, server }) => {
    const record = await server.store.documents.get(params.workspaceId, params.documentId);
    if (record === undefined) throw notFound();
    return { document: await viewOf(server.store, record) };
  },
});

const downloadDocument = defineRoute(
  file(
    'The generated document (attachment).',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/html',
    'text/markdown',
  ),
)({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/documents/:documentId/download',
  summary:
    'The generated file, as an attachment (409 `not_ready` while queued or running, 422 `document_failed` when generation failed).',
  tag: 'documents',
  access: { permission: 'model.read' },
  csrf: false,
  params: documentParams,
  handler: async ({ params, server, reply }) => {
    const { store } = server;
    const record = await store.documents.get(params.workspaceId, params.documentId);
    if (record === undefined) throw notFound();
    if (record.status === 'failed') throw generationFailed(record.error);
    if (record.status !== 'done') throw notReady(record.status);
    const file = await store.documents.getContent(params.workspaceId, params.documentId);
    if (file === undefined) throw notReady(record.status);
    void reply.headers({
      'content-type': file.contentType,
      'content-length': String(file.content.length),
      'content-disposition': contentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      // Should a browser render it anyway (HTML), it runs in a sandbox without scripts.
      'content-security-policy':
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
      'cache-control': 'private, no-cache',
    });
    return file.content;
  },
});

export const DOCUMENT_ROUTES: readonly Route[] = [
  requestDocument,
  documentLanguage,
  listDocuments,
  getDocument,
  downloadDocument,
];
