/**
 * The workspace model versions API: list, read (files, diagnostics, counts), append a validated
 * version with optimistic concurrency, and diff two versions. Members read; owners and analysts
 * write.
 */
import { z } from 'zod';
import { describeBytes } from '../limits.js';
import { readVersionFiles } from '../analysis/version-files.js';
import { isModelFileName } from '../models/validation.js';
import type { ValidationSummary } from '../models/validation.js';
import type { Locale } from '../../i18n/index.js';
import type {
  DiffResponse,
  SaveResponse,
  VersionResponse,
  VersionsResponse,
} from '../api/types.js';
import { ConflictError } from '../store/index.js';
import type { AuditEntryInput, Store, VersionSummary } from '../store/index.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { analysisServiceFor, apiErrorOf, requesterOf } from './analysis-routes.js';
import { defineRoute, json } from './route.js';
import type { Route, ServerContext } from './route.js';

export const MAX_MODEL_FILES = 50;

export const versionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'a version number')
  .transform(Number);
const workspaceParams = z.object({ workspaceId: z.uuid() });
const versionParams = z.object({ workspaceId: z.uuid(), number: versionNumber });
const diffParams = z.object({ workspaceId: z.uuid(), a: versionNumber, b: versionNumber });

/**
 * 413 for a model over the operator's limit (VIGIE_MAX_MODEL_BYTES), whether it came from the
 * editor or a zip: the message says the limit (and the model's size when known).
 */
export const modelTooLarge = (maxBytes: number, totalBytes?: number): ApiError =>
  new ApiError(
    'model_too_large',
    totalBytes === undefined
      ? {
          en: `The model is too large: its files total more than the limit of ${describeBytes(maxBytes, 'en')} for a model.`,
          fr: `Le modèle est trop volumineux : ses fichiers dépassent la limite de ${describeBytes(maxBytes, 'fr')} par modèle.`,
        }
      : {
          en: `The model is too large: its files total ${describeBytes(totalBytes, 'en')}, over the limit of ${describeBytes(maxBytes, 'en')} for a model.`,
          fr: `Le modèle est trop volumineux : ses fichiers totalisent ${describeBytes(totalBytes, 'fr')}, au-delà de la limite de ${describeBytes(maxBytes, 'fr')} par modèle.`,
        },
    totalBytes === undefined ? { maxBytes } : { maxBytes, totalBytes },
  );

export const invalidModel = (details: unknown): ApiError =>
  new ApiError(
    'invalid_model',
    {
      en: 'The model has errors; no version was saved.',
      fr: "Le modèle contient des erreurs ; aucune version n'a été enregistrée.",
    },
    details,
  );

export const staleVersion = (
  expectedLatest: number | null,
  actualLatest: number | null,
): ApiError =>
  new ApiError(
    'conflict',
    {
      en: 'The model was changed meanwhile by someone else; reload it and apply your edits again.',
      fr: 'Le modèle a été modifié entre-temps ; rechargez-le et refaites vos modifications.',
    },
    { expectedLatest, actualLatest },
  );

export interface VersionView {
  number: number;
  message: string;
  author: { id: string; displayName: string } | null;
  created: string;
}

export async function viewsOf(
  store: Store,
  versions: readonly VersionSummary[],
): Promise<VersionView[]> {
  const names = new Map<string, string>();
  for (const id of new Set(versions.map((v) => v.authorId))) {
    if (id === null) continue;
    const user = await store.users.findById(id);
    if (user !== undefined) names.set(id, user.displayName);
  }
  return versions.map((v) => {
    const displayName = v.authorId === null ? undefined : names.get(v.authorId);
    return {
      number: v.number,
      message: v.message,
      author:
        v.authorId === null || displayName === undefined ? null : { id: v.authorId, displayName },
      created: v.createdAt,
    };
  });
}

/**
 * Refuses bad names (400), too many files (400) and models whose files total more than
 * `maxModelBytes` (413, the same limit as for a zip import).
 */
export function checkFiles(files: Readonly<Record<string, string>>, maxModelBytes: number): void {
  const names = Object.keys(files);
  if (names.length === 0) throw badRequest('no_files');
  if (names.length > MAX_MODEL_FILES) {
    throw badRequest('too_many_files', { max: MAX_MODEL_FILES, actual: names.length });
  }
  const invalid = names.filter((name) => !isModelFileName(name));
  if (invalid.length > 0) throw badRequest('invalid_file_name', { files: invalid.slice(0, 10) });
  let total = 0;
  for (const name of names) total += Buffer.byteLength(files[name] ?? '', 'utf8');
  if (total > maxModelBytes) throw modelTooLarge(maxModelBytes, total);
}

/** A new version to save, and the audit entry recorded with it. */
export interface SaveRequest {
  readonly workspaceId: string;
  /** The latest version the author saw (null: the workspace has none yet). */
  readonly expectedLatest: number | null;
  readonly files: Record<string, string>;
  readonly message: string;
  readonly authorId: string | null;
  readonly locale: Locale;
  /** The audit entry (workspace and user filled in), given the new version's number. */
  readonly audit: (number: number) => Omit<AuditEntryInput, 'workspaceId' | 'userId'>;
}

export interface Saved {
  readonly version: VersionView;
  readonly validation: ValidationSummary;
  readonly number: number;
}

/**
 * The one save flow of every route that writes a version (POST /versions, the entity and
 * decision edits, the zip import): file limits (400/413), validation (422), then the version
 * and its audit entry in ONE transaction — both are stored or neither is, so a failure (a full
 * disk: 507) never leaves a version without its audit entry — and 409 when `expectedLatest` is
 * no longer the latest.
 */
export async function saveVersion(server: ServerContext, request: SaveRequest): Promise<Saved> {
  checkFiles(request.files, server.limits.maxModelBytes);
  let validation: ValidationSummary;
  try {
    // in the model thread: validating a large model takes seconds
    validation = await analysisServiceFor(server.store).validateFiles(
      request.files,
      request.locale,
    );
  } catch (error) {
    throw apiErrorOf(error);
  }
  if (!validation.valid) {
    throw invalidModel({ errors: validation.errors, diagnostics: validation.diagnostics });
  }
  const { store } = server;
  let saved: VersionSummary;
  try {
    saved = await store.transaction(async (tx) => {
      const version = await tx.versions.append(
        request.workspaceId,
        request.expectedLatest,
        request.files,
        request.message,
        request.authorId,
      );
      await tx.audit.append({
        ...request.audit(version.number),
        workspaceId: request.workspaceId,
        userId: request.authorId,
      });
      return version;
    });
  } catch (error) {
    if (error instanceof ConflictError) {
      const actual = (await store.versions.list(request.workspaceId))[0]?.number ?? null;
      throw staleVersion(request.expectedLatest, actual);
    }
    throw error;
  }
  const [version] = await viewsOf(store, [saved]);
  if (version === undefined) throw notFound();
  return { version, validation, number: saved.number };
}

const listVersions = defineRoute(json<VersionsResponse>('VersionsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions',
  summary: "The model's versions, newest first (number, message, author, creation time).",
  tag: 'model',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => ({
    versions: await viewsOf(server.store, await server.store.versions.list(params.workspaceId)),
  }),
});

const getVersion = defineRoute(json<VersionResponse>('VersionResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number',
  summary: "One version's files, its validation diagnostics and its entity counts.",
  tag: 'model',
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  handler: async ({ params, server, request, reply, session }) => {
    const { store } = server;
    const summary = (await store.versions.list(params.workspaceId)).find(
      (v) => v.number === params.number,
    );
    const files = await readVersionFiles(store, params.workspaceId, params.number);
    if (summary === undefined || files === undefined) throw notFound();
    const [view] = await viewsOf(store, [summary]);
    if (view === undefined) throw notFound();
    let validation: Buffer;
    try {
      // from the analysis thread: a large model is never loaded on this thread
      validation = (
        await analysisServiceFor(store).validation(
          params.workspaceId,
          params.number,
          localeOf(request),
          requesterOf({ session }),
        )
      ).json;
    } catch (error) {
      throw apiErrorOf(error);
    }
    // the stored files' JSON as it is: neither parsed nor serialised again here
    const viewJson = JSON.stringify(view);
    void reply.type('application/json; charset=utf-8');
    return Buffer.concat([
      Buffer.from(`{"version":${viewJson.slice(0, -1)},"files":`),
      files.filesJson,
      Buffer.from('},"validation":'),
      validation,
      Buffer.from('}'),
    ]);
  },
});

const createVersion = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/versions',
  summary:
    'Saves the model files as a new version if they validate (422 otherwise) and `expectedLatest` is still the latest (409 otherwise); 413 `model_too_large` over the model size limit (VIGIE_MAX_MODEL_BYTES, the same as for a zip import).',
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  // a whole model travels in the body (the YAML editor's save)
  bodyLimit: 'upload',
  params: workspaceParams,
  body: z.object({
    expectedLatest: z.number().int().min(1).nullable(),
    files: z.record(z.string(), z.string()),
    message: z.string().trim().min(1).max(1000),
  }),
  handler: async ({ params, body, session, server, request }) => {
    checkFiles(body.files, server.limits.maxModelBytes);
    // Cheap early check so a stale editor does not pay for validation; the save re-checks.
    const current = (await server.store.versions.list(params.workspaceId))[0]?.number ?? null;
    if (current !== body.expectedLatest) throw staleVersion(body.expectedLatest, current);
    const saved = await saveVersion(server, {
      workspaceId: params.workspaceId,
      expectedLatest: body.expectedLatest,
      files: body.files,
      message: body.message,
      authorId: session?.user.id ?? null,
      locale: localeOf(request),
      audit: (number) => ({
        action: 'model.version',
        entityKind: 'model_version',
        entityId: String(number),
        before: { number: body.expectedLatest },
        after: { number, message: body.message },
      }),
    });
    return { version: saved.version, validation: saved.validation };
  },
});

const diffVersions = defineRoute(json<DiffResponse>('DiffResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:a/diff/:b',
  summary:
    'Per file, what changed from version `a` to version `b`: added, removed or changed, with unified line hunks.',
  tag: 'model',
  access: { permission: 'model.read' },
  csrf: false,
  params: diffParams,
  handler: async ({ params, server, reply }) => {
    let json: Buffer | undefined;
    try {
      // in the model thread: two large versions take most of a second to compare
      json = await analysisServiceFor(server.store).diff(params.workspaceId, params.a, params.b);
    } catch (error) {
      throw apiErrorOf(error);
    }
    if (json === undefined) throw notFound();
    void reply.type('application/json; charset=utf-8');
    return json;
  },
});

export const MODEL_ROUTES: readonly Route[] = [
  listVersions,
  getVersion,
  createVersion,
  diffVersions,
];
