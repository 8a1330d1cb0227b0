/**
 * The disaster recovery plan's answers (issue 14), computed in the analysis thread on the model
 * graph the thread already holds for the version (answers.ts delegates its `continuity` query
 * here): the business impact analysis, the backups assessment, the recovery schedule, the saved
 * scenarios re-run, one scenario simulated, its Gantt chart, and the dashboard's summary. The
 * engines (src/continuity) are pure; this module only picks their options and shapes the
 * answers of api/types.ts (each engine result is checked assignable to its view at compile
 * time). What is computed per version and day with the default options (the schedule on the
 * declared teams, the saved scenarios) is kept per graph, so that the dashboard and the
 * continuity page share it.
 */
import {
  analyseBia,
  assessBackups,
  parseScenario,
  planRecovery,
  runSavedScenarios,
  simulateScenario,
} from '../../continuity/index.js';
import { ganttSvg } from '../../diagrams/gantt.js';
import type { Locale } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import type {
  BackupAssessmentView,
  BiaView,
  ContinuityResponse,
  DashboardContinuityView,
  LocalizedTextView,
  RecoveryPlanView,
  SavedScenarioView,
  ScenarioResultView,
  ScenarioSummaryView,
} from '../api/types.js';

/** One continuity answer of a version, as data (it crosses to the analysis thread). */
export type ContinuityQuery =
  | { readonly kind: 'plan'; readonly teams?: number; readonly today?: string }
  | { readonly kind: 'schedule'; readonly teams?: number }
  | { readonly kind: 'simulate'; readonly scenario: string; readonly teams?: number }
  | { readonly kind: 'gantt'; readonly scenario?: string; readonly teams?: number }
  | { readonly kind: 'dashboard' };

/** A stable text key of a continuity query, for caches. */
export function continuityQueryKey(query: ContinuityQuery): string {
  switch (query.kind) {
    case 'plan':
      return `plan|${String(query.teams ?? '')}|${query.today ?? ''}`;
    case 'schedule':
      return `schedule|${String(query.teams ?? '')}`;
    case 'simulate':
      return `simulate|${String(query.teams ?? '')}|${query.scenario}`;
    case 'gantt':
      return `gantt|${String(query.teams ?? '')}|${query.scenario ?? ''}`;
    case 'dashboard':
      return 'dashboard';
  }
}

/** Why a continuity query cannot be answered (the server answers 400 or 422 with `message`). */
export interface ContinuityQueryError {
  readonly code: 'invalid_scenario' | 'unknown_scenario_target';
  readonly scenario: string;
  readonly message: LocalizedTextView;
}

export type ContinuityAnswer =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ContinuityQueryError };

export interface ContinuityContext {
  readonly number: number;
  /** The day the version is analysed for (the default `today`). */
  readonly today: string;
  readonly locale: Locale;
}

/** Default-option results kept per graph (a version in the thread), by option key. */
const kept = new WeakMap<ModelGraph, Map<string, unknown>>();
/** Entries kept per graph: a few team counts and dates. */
const KEPT_PER_GRAPH = 16;

function keep<T>(graph: ModelGraph, key: string, compute: () => T): T {
  let entries = kept.get(graph);
  if (entries === undefined) {
    entries = new Map();
    kept.set(graph, entries);
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  if (entries.size >= KEPT_PER_GRAPH) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, value);
  return value;
}

function schedule(graph: ModelGraph, teams: number | undefined): RecoveryPlanView {
  return keep(graph, `schedule|${String(teams ?? '')}`, (): RecoveryPlanView =>
    planRecovery(graph, teams === undefined ? {} : { teams }),
  );
}

/** The scenarios saved in the model, re-run, each summed up. */
function savedScenarios(
  graph: ModelGraph,
  options: { readonly teams?: number; readonly today: string },
): readonly SavedScenarioView[] {
  return keep(graph, `saved|${String(options.teams ?? '')}|${options.today}`, () =>
    runSavedScenarios(graph, options).map((run): SavedScenarioView => {
      const result: ScenarioResultView = run.result;
      return {
        id: run.id,
        ...(run.name === undefined ? {} : { name: run.name }),
        scenario: run.scenario,
        summary: summarizeScenario(result),
        ...(result.error === undefined ? {} : { error: result.error }),
      };
    }),
  );
}

/** One scenario simulated, or why it cannot be (malformed, unknown target). */
function simulate(
  graph: ModelGraph,
  scenario: string,
  options: { readonly teams?: number; readonly today: string },
): { ok: true; value: ScenarioResultView } | { ok: false; error: ContinuityQueryError } {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) {
    return { ok: false, error: { code: 'invalid_scenario', scenario, message: parsed.message } };
  }
  const key = `scenario|${String(options.teams ?? '')}|${options.today}|${parsed.spec.kind}:${parsed.spec.target ?? ''}`;
  const result: ScenarioResultView = keep(graph, key, () =>
    simulateScenario(graph, parsed.spec, options),
  );
  if (result.error !== undefined) {
    return {
      ok: false,
      error: { code: 'unknown_scenario_target', scenario, message: result.error },
    };
  }
  return { ok: true, value: result };
}

const SCHEDULE_TITLE = { en: 'Recovery schedule', fr: 'Plan de reprise' } as const;

/** The Gantt chart of the schedule, or of the recovery a scenario calls for. */
function gantt(
  graph: ModelGraph,
  context: ContinuityContext,
  query: { readonly scenario?: string; readonly teams?: number },
): ContinuityAnswer {
  const teams = query.teams === undefined ? {} : { teams: query.teams };
  let plan: RecoveryPlanView = schedule(graph, query.teams);
  let title = `${SCHEDULE_TITLE[context.locale]} — ${graph.model.organisation?.name ?? ''}`;
  let highlight: readonly string[] = [];
  if (query.scenario !== undefined) {
    const simulated = simulate(graph, query.scenario, { today: context.today, ...teams });
    if (!simulated.ok) return simulated;
    plan = simulated.value.plan;
    title = simulated.value.title[context.locale];
    highlight = simulated.value.lost.map((lost) => lost.asset);
  }
  const ids = [...plan.tasks.map((t) => t.asset), ...plan.processes.map((p) => p.process)];
  const names = Object.fromEntries(ids.map((id) => [id, label(graph, id)]));
  const svg = ganttSvg(plan, {
    locale: context.locale,
    title,
    processes: true,
    highlight,
    names,
  });
  return { ok: true, value: { svg } };
}

/** A scenario result in a few numbers: `broken` when an RTO is missed. */
export function summarizeScenario(result: ScenarioResultView): ScenarioSummaryView {
  if (result.error !== undefined) {
    return { impacted: 0, missedRto: 0, missedRpo: 0, lostBackups: 0, status: 'error' };
  }
  const impacted = result.processes.filter((p) => p.impacted);
  const missedRto = impacted.filter(
    (p) => p.rtoStatus === 'missed' || p.rtoStatus === 'unrecoverable',
  ).length;
  return {
    impacted: impacted.length,
    missedRto,
    missedRpo: impacted.filter((p) => p.rpoStatus === 'missed' || p.rpoStatus === 'lost').length,
    lostBackups: result.backups.filter((b) => !b.survives).length,
    status: missedRto > 0 ? 'broken' : 'ok',
  };
}

function dashboard(graph: ModelGraph, today: string): DashboardContinuityView {
  const plan = schedule(graph, undefined);
  const scenarios = savedScenarios(graph, { today });
  const missedRto: DashboardContinuityView['missedRto'][number][] = [];
  for (const p of plan.processes) {
    if (p.status === 'missed' && p.rto !== undefined) {
      missedRto.push({ process: p.process, rto: p.rto, achievable: p.achievable });
    }
  }
  const brokenScenarios: DashboardContinuityView['brokenScenarios'][number][] = [];
  for (const s of scenarios) {
    const { status } = s.summary;
    if (status === 'broken' || status === 'error') {
      brokenScenarios.push({ ...s, summary: { ...s.summary, status } });
    }
  }
  return { missedRto, scenarios: scenarios.length, brokenScenarios };
}

/** The value of a continuity query on a valid version's graph. */
export function answerContinuity(
  graph: ModelGraph,
  context: ContinuityContext,
  query: ContinuityQuery,
): ContinuityAnswer {
  switch (query.kind) {
    case 'plan': {
      const today = query.today ?? context.today;
      const bia: BiaView = keep(graph, 'bia', () => analyseBia(graph));
      const backups: BackupAssessmentView = keep(graph, `backups|${today}`, () =>
        assessBackups(graph, { today }),
      );
      const value: ContinuityResponse = {
        version: context.number,
        today,
        bia,
        backups,
        schedule: schedule(graph, query.teams),
        scenarios: savedScenarios(graph, {
          today,
          ...(query.teams === undefined ? {} : { teams: query.teams }),
        }),
      };
      return { ok: true, value };
    }
    case 'schedule':
      return { ok: true, value: schedule(graph, query.teams) };
    case 'dashboard':
      return { ok: true, value: dashboard(graph, context.today) };
    case 'simulate':
      return simulate(graph, query.scenario, {
        today: context.today,
        ...(query.teams === undefined ? {} : { teams: query.teams }),
      });
    case 'gantt':
      return gantt(graph, context, query);
  }
}
