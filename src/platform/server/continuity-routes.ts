/**
 * The disaster recovery plan API (issue 14): a version's business impact analysis, backups
 * assessment, recovery schedule and saved scenarios; re-planning on another number of teams;
 * simulating a scenario and drawing its recovery as a Gantt chart; recording a continuity
 * exercise in the model. Every member reads and simulates; owners and analysts record exercises
 * (a new version, like every model edit).
 *
 * The engines run in the analysis thread on the graph it already holds for the version
 * (analysis/continuity.ts through the analysis service): a scenario on a 10,000-asset model
 * takes a second or two and never blocks this thread; each answer is kept per version, day,
 * teams and scenario in the service's answers LRU, so asking again costs nothing.
 */
import { z } from 'zod';
import { exerciseSchema } from '../../domain/model/organisation.js';
import type {
  ContinuityResponse,
  DiagnosticView,
  LocalizedTextView,
  RecoveryPlanView,
  SaveResponse,
  ScenarioResultView,
} from '../api/types.js';
import { AnalysisError, type AnswerLocale, type PreparedJson } from '../analysis/service.js';
import type { ContinuityQuery, ContinuityQueryError } from '../analysis/continuity.js';
import { preparedJsonBody } from './compress.js';
import { analysisServiceFor, apiErrorOf, requesterOf } from './analysis-routes.js';
import { ApiError } from './errors.js';
import { localeOf } from './locale.js';
import { commitEdit } from './model-routes.js';
import { defineRoute, file, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

/** Most parallel recovery teams a plan may be asked for (the model's own limit). */
export const MAX_TEAMS = 100;

const versionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'a version number')
  .transform(Number);
const versionParams = z.object({ workspaceId: z.uuid(), number: versionNumber });
/** Raw query values, checked in the handler to answer a message in both languages. */
const rawText = z.string().max(100).optional();

/** What every continuity answer may also say (the analysis service's errors). */
const ANALYSIS_ERRORS = {
  analysis_busy:
    'The version is not analysed yet and the user (2) or the workspace (4) already has that many analyses queued; `Retry-After` says when to ask again.',
  invalid_model: "The version's model has errors (the continuity plan needs a valid model).",
  analysis_failed: 'The analysis thread could not finish (out of time or memory).',
} as const;

const SCENARIO_ERRORS = {
  ...ANALYSIS_ERRORS,
  invalid_scenario:
    'The scenario is not `site-loss:<site>`, `ransomware:<asset>`, `provider:<id>`, `directory`, `supplier:<id>` or `link:<site>`; the message says why.',
  unknown_scenario_target:
    'The scenario is well written but its target is not in this version of the model (a site, asset or contact id); the message names it.',
} as const;

/** 400 `validation` on one query or body field, with a message in both languages. */
function invalidField(
  where: 'query' | 'body',
  field: string,
  message: LocalizedTextView,
): ApiError {
  return new ApiError('validation', message, [
    { in: where, path: [field], code: 'invalid_value', message: message.en },
  ]);
}

/** `teams` as given in a query: a whole number from 1 to MAX_TEAMS, or absent. */
export function parseTeams(
  raw: string | number | undefined,
  where: 'query' | 'body' = 'query',
): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : /^[0-9]{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_TEAMS) {
    const shown = String(raw).slice(0, 20);
    throw invalidField(where, 'teams', {
      en: `The number of teams must be a whole number from 1 to ${String(MAX_TEAMS)} (got "${shown}").`,
      fr: `Le nombre d’équipes doit être un nombre entier de 1 à ${String(MAX_TEAMS)} (reçu « ${shown} »).`,
    });
  }
  return value;
}

/** `today` as given in a query: a real calendar date YYYY-MM-DD, or absent. */
export function parseToday(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match === null ? undefined : new Date(`${raw}T00:00:00Z`);
  if (
    date === undefined ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== raw
  ) {
    const shown = raw.slice(0, 20);
    throw invalidField('query', 'today', {
      en: `The date must be a calendar date written YYYY-MM-DD (got "${shown}").`,
      fr: `La date doit être une date du calendrier écrite AAAA-MM-JJ (reçu « ${shown} »).`,
    });
  }
  return raw;
}

/** The scenario engine's refusal as an API error (400 or 422 with the engine's message). */
function scenarioError(error: ContinuityQueryError): ApiError {
  return new ApiError(error.code, error.message, { scenario: error.scenario });
}

function isScenarioError(details: unknown): details is ContinuityQueryError {
  if (typeof details !== 'object' || details === null) return false;
  const code = (details as { code?: unknown }).code;
  return code === 'invalid_scenario' || code === 'unknown_scenario_target';
}

/** The service's errors as API errors, a scenario's refusal included. */
function continuityError(error: unknown): unknown {
  if (error instanceof AnalysisError && isScenarioError(error.details)) {
    return scenarioError(error.details);
  }
  return apiErrorOf(error);
}

type VersionInput = HandlerInput<{ workspaceId: string; number: number }, unknown, unknown>;

/** One continuity answer of the version in the route's parameters. */
async function continuityAnswer(
  input: VersionInput,
  query: ContinuityQuery,
  locale: AnswerLocale = 'en',
): Promise<PreparedJson> {
  const { params, server, session } = input;
  try {
    return await analysisServiceFor(server.store).continuity(
      params.workspaceId,
      params.number,
      locale,
      query,
      requesterOf({ session }),
    );
  } catch (error) {
    throw continuityError(error);
  }
}

/** A prebuilt JSON answer as sent (gzipped when accepted and large). */
async function answerJson(input: VersionInput, query: ContinuityQuery): Promise<string | Buffer> {
  return preparedJsonBody(input.request, input.reply, await continuityAnswer(input, query));
}

const continuityPlan = defineRoute(json<ContinuityResponse>('ContinuityResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/continuity',
  summary:
    'The disaster recovery plan of a version: business impact analysis (`bia`), backups against RPO with the 3-2-1-1-0 grid and ransomware exposure (`backups`, restore tests aged against `today`, default the current date), the recovery schedule on `teams` parallel teams (1–100, default the declared teams) and the scenarios saved in the model re-run (`scenarios`: each with a summary — impacted processes, missed RTOs and RPOs, lost backups, status ok|broken|error). Durations in minutes, texts in both languages. 400 `validation` for a bad `teams` or `today`.',
  tag: 'continuity',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  query: z.object({ teams: rawText, today: rawText }),
  handler: (input) => {
    const teams = parseTeams(input.query.teams);
    const today = parseToday(input.query.today);
    return answerJson(input, {
      kind: 'plan',
      ...(teams === undefined ? {} : { teams }),
      ...(today === undefined ? {} : { today }),
    });
  },
});

const continuitySchedule = defineRoute(json<RecoveryPlanView>('RecoveryPlanView'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/continuity/schedule',
  summary:
    'The recovery schedule alone, re-planned on `teams` parallel teams (1–100, default the declared teams): tasks, per process the achievable time against its RTO and the deciding chain, critical path, issues and assumptions (minutes).',
  tag: 'continuity',
  errors: ANALYSIS_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  query: z.object({ teams: rawText }),
  handler: (input) => {
    const teams = parseTeams(input.query.teams);
    return answerJson(input, { kind: 'schedule', ...(teams === undefined ? {} : { teams }) });
  },
});

const simulateBody = z.strictObject({
  scenario: z.string().max(500),
  /** Parallel recovery teams; default: the declared teams. */
  teams: z.number().optional(),
});

const simulateRoute = defineRoute(json<ScenarioResultView>('ScenarioResultView'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/versions/:number/continuity/simulate',
  summary:
    'Simulates a disaster scenario on a version: `site-loss:<site>`, `ransomware:<asset>` (from an entry point, over the attack graph), `provider:<id>`, `directory`, `supplier:<id>` or `link:<site>`, recovered by `teams` parallel teams (1–100, default the declared teams). Answers what is lost, which backups survive, the data-loss window per data set, the processes against RTO and RPO, the recovery schedule, what is missing to recover and the runbook. 400 `invalid_scenario` for a malformed scenario, 422 `unknown_scenario_target` when its target is not in the model (messages from the engine, in both languages). Read-only (POST for the body): every member may simulate.',
  tag: 'continuity',
  errors: SCENARIO_ERRORS,
  access: { permission: 'model.read' },
  csrf: true,
  params: versionParams,
  body: simulateBody,
  handler: (input) => {
    const teams = parseTeams(input.body.teams, 'body');
    return answerJson(input, {
      kind: 'simulate',
      scenario: input.body.scenario.trim(),
      ...(teams === undefined ? {} : { teams }),
    });
  },
});

/** Headers of an SVG drawn from the model: never run as a page of the application's origin. */
const SVG_HEADERS = {
  'content-type': 'image/svg+xml; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'cache-control': 'private, no-cache',
} as const;

const ganttRoute = defineRoute(file('The Gantt chart (SVG).', 'image/svg+xml'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/continuity/simulate/gantt.svg',
  summary:
    'The recovery schedule as a Gantt chart (SVG: one row per asset by team, critical path highlighted, per process its RTO marker): of the recovery `scenario` calls for (its lost assets marked), else of the whole plan; on `teams` parallel teams (1–100). Texts in `lang` (fr or en); without it, in the language the model names, else English. Same errors as the simulation.',
  tag: 'continuity',
  errors: SCENARIO_ERRORS,
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  query: z.object({
    scenario: z.string().max(500).optional(),
    teams: rawText,
    lang: z.enum(['fr', 'en']).optional(),
  }),
  handler: async (input) => {
    const teams = parseTeams(input.query.teams);
    const scenario = input.query.scenario?.trim();
    const answer = await continuityAnswer(
      input,
      {
        kind: 'gantt',
        ...(scenario === undefined || scenario === '' ? {} : { scenario }),
        ...(teams === undefined ? {} : { teams }),
      },
      input.query.lang ?? 'model',
    );
    const { svg } = JSON.parse(answer.json.toString('utf8')) as { svg: string };
    void input.reply.headers(SVG_HEADERS);
    return svg;
  },
});

const exerciseBody = z.strictObject({
  /** The latest version the author saw: 409 `conflict` when another was saved since. */
  baseVersion: z.number().int().min(1).max(999_999_999),
  exercise: exerciseSchema,
  message: z.string().trim().min(1).max(1000).optional(),
});

/** The version message written when the request gives none, in the request's language. */
function exerciseMessage(locale: 'fr' | 'en', date: string, scenario: string): string {
  return locale === 'fr'
    ? `Exercice de continuité du ${date} : ${scenario}`
    : `Continuity exercise of ${date}: ${scenario}`;
}

interface BodyProblem {
  readonly in: 'body';
  readonly path: readonly string[];
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
}

/**
 * A model made invalid by the new exercise alone (a measured process that does not exist): its
 * errors located in the request body, as a 400. Any other invalid model stays a 422, as for
 * every edit (the model had errors before).
 */
function located(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'invalid_model') return error;
  const details = error.details as { diagnostics?: readonly DiagnosticView[] } | undefined;
  const errors = (details?.diagnostics ?? []).filter((d) => d.severity === 'error');
  const index = /^organisation\.continuity\.exercises\[(\d+)\]/.exec(errors[0]?.path ?? '')?.[1];
  if (index === undefined) return error;
  const prefix = `organisation.continuity.exercises[${index}]`;
  const problems: BodyProblem[] = [];
  for (const d of errors) {
    if (d.path === undefined || !d.path.startsWith(prefix)) return error;
    const rest = d.path
      .slice(prefix.length)
      .split(/[.[\]]+/)
      .filter((part) => part !== '');
    problems.push({
      in: 'body',
      path: ['exercise', ...rest],
      code: d.code,
      message: d.message,
      file: d.file,
      line: d.line,
    });
  }
  return new ApiError(
    'validation',
    {
      en: 'The exercise is invalid: see where in the details.',
      fr: 'L’exercice est invalide : voir où dans le détail.',
    },
    problems,
  );
}

const recordExercise = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/continuity/exercises',
  summary:
    'Records a continuity exercise (date, kind restore-test|tabletop|failover|full-scale, scenario, measured recovery times per process, problems found) in the model’s `organisation.continuity.exercises`, keeping the files as written; saves a new version with its audit entry (409 `conflict` when `baseVersion` is not the latest). 400 `validation` located in the body for a bad exercise, an unknown process included; 422 `invalid_model` when the model has other errors.',
  tag: 'continuity',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: z.object({ workspaceId: z.uuid() }),
  body: exerciseBody,
  errors: {
    conflict: '`baseVersion` is not the latest version.',
    invalid_model: 'The model has errors beyond the exercise.',
    entity_not_found: 'The model declares no organisation.',
  },
  handler: async ({ params, body, session, server, request }) => {
    const locale = localeOf(request);
    const { exercise } = body;
    try {
      const saved = await commitEdit(server, {
        workspaceId: params.workspaceId,
        expectedLatest: body.baseVersion,
        change: { op: 'exercise', exercise },
        message: () => body.message ?? exerciseMessage(locale, exercise.date, exercise.scenario),
        authorId: session?.user.id ?? null,
        locale,
        audit: (number, edit) => ({
          action: 'model.entity.create',
          entityKind: 'organisation',
          entityId: edit.id,
          before: { version: body.baseVersion },
          after: { version: number, file: edit.file, fields: edit.after },
        }),
      });
      return { version: saved.version, validation: saved.validation };
    } catch (error) {
      throw located(error);
    }
  },
});

export const CONTINUITY_ROUTES: readonly Route[] = [
  continuityPlan,
  continuitySchedule,
  simulateRoute,
  ganttRoute,
  recordExercise,
];
