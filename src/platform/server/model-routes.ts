/**
 * The workspace model versions API: list, read (files, diagnostics, counts), append a validated
 * version with optimistic concurrency, and diff two versions. Members read; owners and analysts
 * write.
 */
import { z } from 'zod';
import { describeBytes } from '../limits.js';
import { readVersionFiles } from '../analysis/version-files.js';
import { commitModelEdit, filesProblem } from '../models/commit.js';
import type { ChangeOutcome, CommitFailure, ModelChange, ModelCommand } from '../models/commit.js';
import type { EditError } from '../models/edit.js';
import type { ValidationSummary } from '../models/validation.js';
import { findingsDiff } from '../models/diff-task.js';
import type {
  DiffResponse,
  FindingsDiffResponse,
  FindingsResponse,
  SaveResponse,
  VersionResponse,
  VersionsResponse,
} from '../api/types.js';
import type { Store, VersionSummary } from '../store/index.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { analysisServiceFor, apiErrorOf, requesterOf } from './analysis-routes.js';
import { defineRoute, json } from './route.js';
import type { Route, ServerContext } from './route.js';

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

/** An edit's failure as an API error: 404 for an unknown entity, 409 for a taken id, else 400. */
function editError(error: EditError): ApiError {
  const details = {
    message: error.message,
    ...(error.file === undefined ? {} : { file: error.file }),
    ...(error.line === undefined ? {} : { line: error.line, column: error.column }),
  };
  if (error.code === 'not_found') {
    return new ApiError('entity_not_found', { en: 'Not found.', fr: 'Introuvable.' }, details);
  }
  if (error.code === 'duplicate_id') {
    return new ApiError(
      'duplicate_id',
      {
        en: 'This id is already used in the model.',
        fr: 'Cet identifiant est déjà utilisé dans le modèle.',
      },
      details,
    );
  }
  if (error.code === 'entity_referenced') {
    return new ApiError(
      'entity_referenced',
      {
        en: 'Other entities reference this one.',
        fr: 'D’autres entités font référence à celle-ci.',
      },
      { ...details, referrers: error.referrers ?? [] },
    );
  }
  return badRequest(error.code, details);
}

/** A failed commit as the API answers it. */
function commitError(failure: CommitFailure): ApiError {
  switch (failure.code) {
    case 'conflict':
      return staleVersion(failure.expectedLatest, failure.actualLatest);
    case 'edit_failed':
      return editError(failure.error);
    case 'no_files':
      return badRequest('no_files');
    case 'too_many_files':
      return badRequest('too_many_files', { max: failure.max, actual: failure.actual });
    case 'invalid_file_name':
      return badRequest('invalid_file_name', { files: failure.files });
    case 'model_too_large':
      return modelTooLarge(failure.maxBytes, failure.totalBytes);
    case 'invalid_model':
      return invalidModel({
        errors: failure.validation.errors,
        diagnostics: failure.validation.diagnostics,
      });
  }
}

/**
 * Refuses bad names (400), too many files (400) and models whose files total more than
 * `maxModelBytes` (413, the same limit as for a zip import).
 */
export function checkFiles(files: Readonly<Record<string, string>>, maxModelBytes: number): void {
  const problem = filesProblem(files, maxModelBytes);
  if (problem !== undefined) throw commitError(problem);
}

/** A committed change as the API answers it. */
export interface Saved<C extends ModelChange> {
  readonly version: VersionView;
  readonly validation: ValidationSummary;
  readonly outcome: ChangeOutcome<C>;
}

/**
 * Every route that writes a version (POST /versions, the entity and decision edits, the zip
 * import) goes through `commitModelEdit`: 409 when `expectedLatest` is not the latest version,
 * the edit's own errors, the file limits (400/413), 422 for an invalid model; the version and
 * its audit entry are stored together or not at all (a full disk: 507).
 */
export async function commitEdit<C extends ModelChange>(
  server: ServerContext,
  command: ModelCommand<C>,
): Promise<Saved<C>> {
  const { store } = server;
  let result: Awaited<ReturnType<typeof commitModelEdit<C>>>;
  try {
    result = await commitModelEdit(
      { store, threads: analysisServiceFor(store), maxModelBytes: server.limits.maxModelBytes },
      command,
    );
  } catch (error) {
    throw apiErrorOf(error);
  }
  if (!result.ok) throw commitError(result.error);
  const [version] = await viewsOf(store, [result.value.version]);
  if (version === undefined) throw notFound();
  return { version, validation: result.value.validation, outcome: result.value.outcome };
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
    // bad files are refused before a stale base (the commit checks the base first)
    checkFiles(body.files, server.limits.maxModelBytes);
    const saved = await commitEdit(server, {
      workspaceId: params.workspaceId,
      expectedLatest: body.expectedLatest,
      change: { op: 'replace', files: body.files },
      message: () => body.message,
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
    'What changed from version `a` to version `b`: the entities added, removed and changed (with the changed fields, old and new values), and per file, added, removed or changed, with unified line hunks.',
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

const diffFindings = defineRoute(json<FindingsDiffResponse>('FindingsDiffResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:a/diff/:b/findings',
  summary:
    "The findings opened (open in `b`, not open in `a`) and closed (open in `a`, gone or decided in `b`) from version `a` to version `b`, from both versions' analyses.",
  tag: 'model',
  errors: {
    analysis_busy: 'A version is not analysed yet and too many analyses are queued (Retry-After).',
    invalid_model: "A version's model has errors: it has no findings.",
    analysis_failed: 'The analysis thread could not finish (out of time or memory).',
  },
  access: { permission: 'model.read' },
  csrf: false,
  params: diffParams,
  query: z.object({ lang: z.enum(['fr', 'en']).default('en') }),
  handler: async ({ params, query, server, session }) => {
    const service = analysisServiceFor(server.store);
    const by = requesterOf({ session });
    const findingsOf = async (number: number): Promise<FindingsResponse> => {
      try {
        const answer = await service.findings(params.workspaceId, number, query.lang, {}, by);
        return JSON.parse(answer.json.toString('utf8')) as FindingsResponse;
      } catch (error) {
        throw apiErrorOf(error);
      }
    };
    const from = await findingsOf(params.a);
    const to = await findingsOf(params.b);
    return findingsDiff(from, to);
  },
});

export const MODEL_ROUTES: readonly Route[] = [
  listVersions,
  getVersion,
  createVersion,
  diffVersions,
  diffFindings,
];
