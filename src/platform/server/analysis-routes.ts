/**
 * The per-version analysis API: dashboard, findings, attack paths, diagrams and the model
 * explorer. Every member reads. Answers come from the analysis service as prebuilt JSON strings
 * (versions are immutable, so a warm request recomputes nothing).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type {
  ArchitectureDiagramResponse,
  AttackPathsResponse,
  DashboardResponse,
  DiagramResponse,
  DocumentView,
  EntityDetailResponse,
  EntityListResponse,
  FindingDetailResponse,
  FindingsResponse,
  Lang,
  WorkspaceView,
} from '../api/types.js';
import { ENTITY_KINDS } from '../api/types.js';
import {
  DEFAULT_GROUPS_PER_PAGE,
  MAX_GROUPS_PER_PAGE,
  pageAttackPaths,
} from '../api/attack-path-groups.js';
import { AnalysisError, createAnalysisService, isThreadFailure } from '../analysis/service.js';
import type {
  AnalysisService,
  AnalysisServiceOptions,
  AnswerLocale,
  PreparedJson,
  Requester,
} from '../analysis/service.js';
import type { Store } from '../store/index.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { jsonBody, preparedJsonBody } from './compress.js';
import { defineRoute, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

const services = new WeakMap<Store, AnalysisService>();

/**
 * The analysis service of a store (one per store, so its cache is shared by all requests);
 * `options` apply when it is created.
 */
export function analysisServiceFor(
  store: Store,
  options?: AnalysisServiceOptions,
): AnalysisService {
  let service = services.get(store);
  if (service === undefined) {
    service = createAnalysisService(store, options);
    services.set(store, service);
  }
  return service;
}

/** Stops the analysis thread of a store's service (the server closes). */
export async function closeAnalysisService(store: Store): Promise<void> {
  const service = services.get(store);
  services.delete(store);
  await service?.close();
}

const versionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'a version number')
  .transform(Number);
// absent: the model's own language, read from the analysis the thread holds (no extra parse)
const lang = z
  .enum(['fr', 'en'])
  .optional()
  .transform((value): AnswerLocale => value ?? 'model');
/** The route summaries' note on `lang`. */
const LANG_NOTE =
  ' Texts in `lang` (fr or en); without it, in the language the model names (`organisation.locale`), else English.';
const text = z.string().max(200).optional();
const workspaceParams = z.object({ workspaceId: z.uuid() });
const versionParams = z.object({ workspaceId: z.uuid(), number: versionNumber });
const langQuery = z.object({ lang });
const kind = z.enum(ENTITY_KINDS);

/** What every analysis answer may also say. */
const ANALYSIS_ERRORS = {
  analysis_busy:
    'The version is not analysed yet and the user (2) or the workspace (4) already has that many analyses queued; `Retry-After` says when to ask again.',
  invalid_model:
    "The version's model has errors (findings, attack paths and diagrams need a valid model).",
  analysis_failed: 'The analysis thread could not finish (out of time or memory).',
} as const;

const invalidModel = (details: unknown): ApiError =>
  new ApiError(
    'invalid_model',
    {
      en: 'The model of this version has errors; fix them to see its analyses.',
      fr: 'Le modèle de cette version contient des erreurs ; corrigez-les pour voir ses analyses.',
    },
    details,
  );

const analysisBusy = (details: { retryAfter: number; scope: string; limit: number }): ApiError =>
  new ApiError(
    'analysis_busy',
    details.scope === 'user'
      ? {
          en: `You already have ${String(details.limit)} analyses of other versions running; try again in ${String(details.retryAfter)} s.`,
          fr: `Vous avez déjà ${String(details.limit)} analyses d’autres versions en cours ; réessayez dans ${String(details.retryAfter)} s.`,
        }
      : {
          en: `This workspace already has ${String(details.limit)} analyses of other versions running; try again in ${String(details.retryAfter)} s.`,
          fr: `Cet espace de travail a déjà ${String(details.limit)} analyses d’autres versions en cours ; réessayez dans ${String(details.retryAfter)} s.`,
        },
    details,
    { 'retry-after': String(details.retryAfter) },
  );

const analysisUnavailable = (): ApiError =>
  new ApiError('analysis_failed', {
    en: 'The analysis of this version could not be completed (it ran out of time or memory). Try again later, or split the model.',
    fr: 'L’analyse de cette version n’a pas pu aboutir (temps ou mémoire épuisés). Réessayez plus tard ou découpez le modèle.',
  });

/** Who asks (the analysis service bounds cold analyses per user). */
export function requesterOf(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'session'>,
): Requester {
  return { userId: input.session?.user.id ?? 'anonymous' };
}

/** The service's errors as API errors. */
export function apiErrorOf(error: unknown): unknown {
  if (error instanceof AnalysisError) {
    if (error.code === 'not_found') return notFound();
    if (error.code === 'invalid_model') return invalidModel(error.details);
    if (error.code === 'busy')
      return analysisBusy(error.details as { retryAfter: number; scope: string; limit: number });
    return badRequest('invalid_query', error.details);
  }
  if (isThreadFailure(error)) return analysisUnavailable();
  return error;
}

/** A prebuilt JSON answer as sent: its gzip (made in the analysis thread) when accepted. */
async function answerJson(
  request: Pick<FastifyRequest, 'headers'>,
  reply: Pick<FastifyReply, 'header' | 'type'>,
  body: Promise<PreparedJson>,
): Promise<string | Buffer> {
  try {
    return preparedJsonBody(request, reply, await body);
  } catch (error) {
    throw apiErrorOf(error);
  }
}

/** The prebuilt JSON text of an answer, mapping the service's errors to API errors. */
async function answer(
  reply: { type: (contentType: string) => unknown },
  body: Promise<string>,
): Promise<string> {
  try {
    const json = await body;
    reply.type('application/json; charset=utf-8');
    return json;
  } catch (error) {
    throw apiErrorOf(error);
  }
}

interface DocumentRow {
  id: string;
  version_number: number;
  kind: string;
  format: string;
  locale: string;
  status: DocumentView['status'];
  file_name: string | null;
  size: number | null;
  error: string | null;
  created_by_name: string | null;
  created_at: string;
  finished_at: string | null;
}

const toDocumentView = (row: DocumentRow): DocumentView => ({
  id: row.id,
  version: row.version_number,
  kind: row.kind as DocumentView['kind'],
  format: row.format as DocumentView['format'],
  lang: row.locale as Lang,
  status: row.status,
  progress: null,
  fileName: row.file_name,
  size: row.size,
  error: row.error,
  createdBy: row.created_by_name,
  created: row.created_at,
  finished: row.finished_at,
});

/**
 * The dashboard's continuity summary of the latest version as JSON text (missed RTOs, broken
 * saved scenarios), kept with the version's other answers; `null` without a version, with an
 * invalid model, or when it cannot be computed now (the rest of the dashboard still shows).
 */
async function dashboardContinuity(
  store: Store,
  workspaceId: string,
  latest: number | null,
  session: HandlerInput<unknown, unknown, unknown>['session'],
): Promise<string> {
  if (latest === null) return 'null';
  try {
    const answer = await analysisServiceFor(store).continuity(
      workspaceId,
      latest,
      'en',
      { kind: 'dashboard' },
      requesterOf({ session }),
    );
    return answer.json.toString('utf8');
  } catch {
    return 'null';
  }
}

const dashboard = defineRoute(json<DashboardResponse>('DashboardResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/dashboard',
  summary:
    'The latest version at a glance: open findings, trend over the 20 latest versions, hygiene per chapter, top attack paths, validation, the disaster recovery plan (`continuity`: processes whose RTO the recovery schedule misses, saved scenarios broken by the version) and the latest documents.' +
    LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  query: langQuery,
  handler: async ({ params, query, role, reply, server, session }) => {
    const { db } = server.store;
    // the workspace, its latest version number and documents: reused for a second under load
    const [workspace, documents] = await server.recent(`dashboard|${params.workspaceId}`, () =>
      Promise.all([
        db
          .selectFrom('workspaces')
          .select(['id', 'slug', 'name', 'created_at'])
          .select((eb) =>
            eb
              .selectFrom('model_versions')
              .select((v) => v.fn.max('number').as('latest'))
              .where('model_versions.workspace_id', '=', params.workspaceId)
              .as('latest'),
          )
          .where('id', '=', params.workspaceId)
          .executeTakeFirst(),
        db
          .selectFrom('documents')
          .leftJoin('users', 'users.id', 'documents.created_by')
          .select([
            'documents.id',
            'documents.version_number',
            'documents.kind',
            'documents.format',
            'documents.locale',
            'documents.status',
            'documents.file_name',
            'documents.size',
            'documents.error',
            'users.display_name as created_by_name',
            'documents.created_at',
            'documents.finished_at',
          ])
          .where('documents.workspace_id', '=', params.workspaceId)
          .orderBy('documents.created_at', 'desc')
          .orderBy('documents.id', 'desc')
          .limit(10)
          .execute(),
      ]),
    );
    if (workspace === undefined || role === null) throw notFound();
    const view: WorkspaceView = {
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      createdAt: workspace.created_at,
      role,
    };
    const latest = workspace.latest;
    const members = await answer(
      reply,
      analysisServiceFor(server.store).dashboardMembers(
        params.workspaceId,
        latest,
        query.lang,
        requesterOf({ session }),
      ),
    );
    const continuity = await dashboardContinuity(server.store, params.workspaceId, latest, session);
    return `{"workspace":${JSON.stringify(view)},${members},"continuity":${continuity},"documents":${JSON.stringify(documents.map(toDocumentView))}}`;
  },
});

const findings = defineRoute(json<FindingsResponse>('FindingsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/findings',
  summary:
    'Findings of a version (risk decisions applied), most severe first, filtered by severity, status, family, subject, zone (nested zones included), site and text; facets and places over the whole list.' +
    LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  query: z.object({
    lang,
    severity: text,
    status: text,
    family: text,
    subject: text,
    zone: text,
    site: text,
    q: text,
  }),
  handler: ({ params, query, reply, server, request, session }) => {
    const { lang: locale, ...filter } = query;
    return answerJson(
      request,
      reply,
      analysisServiceFor(server.store).findings(
        params.workspaceId,
        params.number,
        locale,
        filter,
        requesterOf({ session }),
      ),
    );
  },
});

const finding = defineRoute(json<FindingDetailResponse>('FindingDetailResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/findings/:findingId',
  summary: 'One finding with its detail, remediation, rationale and references.' + LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams.extend({ findingId: z.string().min(1).max(250) }),
  query: langQuery,
  handler: ({ params, query, reply, server, request, session }) =>
    answerJson(
      request,
      reply,
      analysisServiceFor(server.store).finding(
        params.workspaceId,
        params.number,
        query.lang,
        params.findingId,
        requesterOf({ session }),
      ),
    ),
});

const attackPaths = defineRoute(json<AttackPathsResponse>('AttackPathsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/attack-paths',
  summary:
    'Attack paths to the crown jewels (3 per target, 50 targets at most), choke points and targets; `target` keeps one target; `offset` and `limit` page the paths by target group (most likely target first) and add `page`.' +
    LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  query: z.object({
    lang,
    target: text,
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_GROUPS_PER_PAGE).optional(),
  }),
  handler: async ({ params, query, reply, server, request, session }) => {
    const body = analysisServiceFor(server.store).attackPaths(
      params.workspaceId,
      params.number,
      query.lang,
      query.target,
      requesterOf({ session }),
    );
    if (query.offset === undefined && query.limit === undefined) {
      return answerJson(request, reply, body);
    }
    let full: AttackPathsResponse;
    try {
      full = JSON.parse((await body).json.toString('utf8')) as AttackPathsResponse;
    } catch (error) {
      throw apiErrorOf(error);
    }
    const page = pageAttackPaths(full, query.offset ?? 0, query.limit ?? DEFAULT_GROUPS_PER_PAGE);
    return jsonBody(request, reply, JSON.stringify(page));
  },
});

const attackPathDiagram = defineRoute(json<DiagramResponse>('DiagramResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/attack-paths/:pathId/diagram',
  summary: 'One attack path drawn as SVG (`pathId` is `<targetId>.<rank>`).' + LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams.extend({
    pathId: z.string().regex(/^[a-z0-9-]{1,100}\.[1-9][0-9]{0,3}$/, '<targetId>.<rank>'),
  }),
  query: langQuery,
  handler: ({ params, query, reply, server, request, session }) =>
    answerJson(
      request,
      reply,
      analysisServiceFor(server.store).attackPathDiagram(
        params.workspaceId,
        params.number,
        query.lang,
        params.pathId,
        requesterOf({ session }),
      ),
    ),
});

const architectureDiagram = defineRoute(
  json<ArchitectureDiagramResponse>('ArchitectureDiagramResponse'),
)({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/diagram',
  summary:
    'The zones diagram as SVG: `view` is `zones` (default), `site:<id>` or `zone:<id>`; lists the views available.' +
    LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  query: z.object({ lang, view: z.string().min(1).max(200).default('zones') }),
  handler: ({ params, query, reply, server, request, session }) =>
    answerJson(
      request,
      reply,
      analysisServiceFor(server.store).architectureDiagram(
        params.workspaceId,
        params.number,
        query.lang,
        query.view,
        requesterOf({ session }),
      ),
    ),
});

const entities = defineRoute(json<EntityListResponse>('EntityListResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/entities/:kind',
  summary:
    'The entities of one kind as a table (columns per kind), filtered by text, zone and site, sorted by a column.' +
    LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams.extend({ kind: z.string().max(50) }),
  query: z.object({
    lang,
    q: text,
    zone: text,
    site: text,
    sort: z.string().max(50).optional(),
    dir: z.enum(['asc', 'desc']).default('asc'),
  }),
  handler: ({ params, query, reply, server, request, session }) => {
    const parsed = kind.safeParse(params.kind);
    if (!parsed.success) throw notFound();
    const { lang: locale, ...rest } = query;
    return answerJson(
      request,
      reply,
      analysisServiceFor(server.store).entities(
        params.workspaceId,
        params.number,
        locale,
        parsed.data,
        rest,
        requesterOf({ session }),
      ),
    );
  },
});

const entity = defineRoute(json<EntityDetailResponse>('EntityDetailResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/entities/:kind/:id',
  summary:
    'One entity as written, where it is declared, its relations, the findings naming it and its propagated needs.' +
    LANG_NOTE,
  tag: 'analysis',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams.extend({ kind: z.string().max(50), id: z.string().min(1).max(100) }),
  query: langQuery,
  handler: ({ params, query, reply, server, request, session }) => {
    const parsed = kind.safeParse(params.kind);
    if (!parsed.success) throw notFound();
    return answerJson(
      request,
      reply,
      analysisServiceFor(server.store).entity(
        params.workspaceId,
        params.number,
        query.lang,
        parsed.data,
        params.id,
        requesterOf({ session }),
      ),
    );
  },
});

export const ANALYSIS_ROUTES: readonly Route[] = [
  dashboard,
  findings,
  finding,
  attackPaths,
  attackPathDiagram,
  architectureDiagram,
  entities,
  entity,
];
