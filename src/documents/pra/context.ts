/**
 * What every PRA section reads: the document input, the locale, and the continuity engines run
 * once — business impact analysis, backup assessment, the recovery plan of the whole information
 * system and the disaster scenarios (saved with the model, else a default set picked from it).
 */
import {
  analyseBia,
  assessBackups,
  planRecovery,
  type BackupAssessment,
  type BiaResult,
  type RecoveryPlan,
} from '../../continuity/index.js';
import type { LocalizedText } from '../../design/text.js';
import { CLOUD_SERVICE_KINDS } from '../../domain/model/vocabulary.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind } from '../../model/predicates.js';
import type { DocumentInput } from '../../presentation/input.js';
import type { DocumentLocale } from '../model.js';
import {
  runSavedScenarios,
  simulateScenario,
  type GanttDrawer,
  type ScenarioKind,
  type ScenarioResult,
} from './engines.js';
import { PRA_TEXTS } from './texts.js';

/** Default scenarios of one kind are at most this many (sites, providers), in id order. */
export const MAX_DEFAULT_SCENARIOS_PER_KIND = 8;

/** One scenario of the plan: saved with the model, or picked by default. */
export interface PlanScenario {
  readonly id: string;
  readonly name: LocalizedText;
  readonly scenario: string;
  readonly saved: boolean;
  /** Absent when the scenario engine is not available. */
  readonly result?: ScenarioResult;
}

export interface PraSettings {
  /** Recovery tasks run in parallel (default: the declared teams, else 1). */
  readonly teams?: number;
  /** Draws Gantt charts; without it the schedules are given as tables only. */
  readonly gantt?: GanttDrawer;
}

export interface PraContext {
  readonly input: DocumentInput;
  readonly graph: ModelGraph;
  readonly locale: DocumentLocale;
  readonly fr: boolean;
  readonly today: string;
  readonly bia: BiaResult;
  readonly backups: BackupAssessment;
  /** The recovery of every asset the processes rest on. */
  readonly plan: RecoveryPlan;
  readonly scenarios: readonly PlanScenario[];
  /** True when the model saves no scenario and the default set is used. */
  readonly defaultScenarios: boolean;
  readonly gantt?: GanttDrawer;
  t(value: LocalizedText): string;
  /** The name of an entity, else its id. */
  nameOf(id: string): string;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Pick {
  readonly kind: ScenarioKind;
  readonly target?: string;
}

/**
 * The default scenarios, picked from the model generically: the loss of each site, a ransomware
 * from the first workstation (by id) in a user zone, the loss of the directory when the model has
 * one, and the loss of each cloud or SaaS service.
 */
export function defaultScenarioPicks(graph: ModelGraph): Pick[] {
  const { model } = graph;
  const picks: Pick[] = [];
  const sites = model.sites.map((s) => s.id).sort(byId);
  for (const site of sites.slice(0, MAX_DEFAULT_SCENARIOS_PER_KIND))
    picks.push({ kind: 'site-loss', target: site });
  const workstations = model.assets
    .filter((a) => a.kind === 'workstation' || a.kind === 'laptop')
    .map((a) => a.id)
    .sort(byId);
  const entry = workstations.find((id) => isInZoneKind(graph, id, ['user'])) ?? workstations[0];
  if (entry !== undefined) picks.push({ kind: 'ransomware', target: entry });
  if (model.assets.some((a) => a.kind === 'directory')) picks.push({ kind: 'directory' });
  const providers = model.assets
    .filter((a) => CLOUD_SERVICE_KINDS.includes(a.kind))
    .map((a) => a.id)
    .sort(byId);
  for (const provider of providers.slice(0, MAX_DEFAULT_SCENARIOS_PER_KIND))
    picks.push({ kind: 'provider', target: provider });
  return picks;
}

function defaultName(kind: ScenarioKind, target: string | undefined): LocalizedText {
  switch (kind) {
    case 'site-loss':
      return PRA_TEXTS.defaultScenarioName['site-loss'](target ?? '');
    case 'ransomware':
      return PRA_TEXTS.defaultScenarioName.ransomware(target ?? '');
    case 'provider':
      return PRA_TEXTS.defaultScenarioName.provider(target ?? '');
    case 'directory':
      return PRA_TEXTS.defaultScenarioName.directory();
    default: {
      const label = PRA_TEXTS.scenarioKinds[kind] ?? { en: kind, fr: kind };
      return target === undefined
        ? label
        : { en: `${label.en}: ${target}`, fr: `${label.fr} : ${target}` };
    }
  }
}

function scenariosOf(
  graph: ModelGraph,
  today: string,
  teams: number | undefined,
): { scenarios: PlanScenario[]; defaults: boolean } {
  const options = { today, ...(teams === undefined ? {} : { teams }) };
  const saved = graph.model.organisation?.continuity?.scenarios ?? [];
  if (saved.length > 0) {
    const runs = new Map(runSavedScenarios(graph, options).map((run) => [run.id, run]));
    return {
      defaults: false,
      scenarios: saved.map((s) => {
        const run = runs.get(s.id);
        const [kind, ...rest] = s.scenario.split(':');
        const target = rest.length === 0 ? undefined : rest.join(':');
        const name =
          s.name === undefined
            ? (run?.result.title ?? defaultName(kind as ScenarioKind, target))
            : { en: s.name, fr: s.name };
        return {
          id: s.id,
          name,
          scenario: s.scenario,
          saved: true,
          ...(run === undefined ? {} : { result: run.result }),
        };
      }),
    };
  }
  const scenarios = defaultScenarioPicks(graph).map((pick, index): PlanScenario => {
    const scenario = pick.target === undefined ? pick.kind : `${pick.kind}:${pick.target}`;
    const result = simulateScenario(graph, pick, options);
    return {
      id: `default-${String(index + 1)}`,
      name: result.error === undefined ? result.title : defaultName(pick.kind, pick.target),
      scenario,
      saved: false,
      result,
    };
  });
  return { scenarios, defaults: true };
}

export function createPraContext(input: DocumentInput, settings: PraSettings = {}): PraContext {
  const { graph, locale, today } = input;
  const teams = settings.teams;
  const { scenarios, defaults } = scenariosOf(graph, today, teams);
  return {
    input,
    graph,
    locale,
    fr: locale === 'fr',
    today,
    bia: analyseBia(graph),
    backups: assessBackups(graph, { today }),
    plan: planRecovery(graph, teams === undefined ? {} : { teams }),
    scenarios,
    defaultScenarios: defaults,
    ...(settings.gantt === undefined ? {} : { gantt: settings.gantt }),
    t: (value) => value[locale],
    nameOf: (id) => {
      const entity = graph.get(id)?.entity;
      return entity !== undefined && 'name' in entity && typeof entity.name === 'string'
        ? entity.name
        : id;
    },
  };
}
