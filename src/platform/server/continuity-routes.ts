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
import type { ContinuityResponse, LocalizedTextView, RecoveryPlanView } from '../api/types.js';
import { AnalysisError, type AnswerLocale, type PreparedJson } from '../analysis/service.js';
import type { ContinuityQuery, ContinuityQueryError } from '../analysis/continuity.js';
import { preparedJsonBody } from './compress.js';
import { analysisServiceFor, apiErrorOf, requesterOf } from './analysis-routes.js';
import { ApiError } from './errors.js';
import { defineRoute, json } from './route.js';
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

export const SCENARIO_ERRORS = {
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

export const CONTINUITY_ROUTES: readonly Route[] = [continuityPlan, continuitySchedule];
