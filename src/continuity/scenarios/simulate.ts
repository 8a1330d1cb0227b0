import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import type { RecoveryPlan } from '../schedule/plan.js';
import { directory } from './directory.js';
import { evaluateOutage } from './evaluate.js';
import { link } from './link.js';
import { parseScenario, scenarioText } from './parse.js';
import { provider } from './provider.js';
import { ransomware } from './ransomware.js';
import { siteLoss } from './site-loss.js';
import { supplier } from './supplier.js';
import type {
  SavedScenarioRun,
  ScenarioDefinition,
  ScenarioKind,
  ScenarioOptions,
  ScenarioResult,
  ScenarioSpec,
} from './types.js';

/** Every scenario kind, in the order of `SCENARIO_KINDS`. */
export const SCENARIOS: Readonly<Record<ScenarioKind, ScenarioDefinition>> = {
  'site-loss': siteLoss,
  ransomware,
  provider,
  directory,
  supplier,
  link,
};

const EMPTY_PLAN: RecoveryPlan = {
  teams: 1,
  makespan: 0,
  tasks: [],
  processes: [],
  criticalPath: [],
  precedences: [],
  issues: [],
  assumptions: [],
};

function failed(spec: ScenarioSpec, title: LocalizedText, error: LocalizedText): ScenarioResult {
  return {
    scenario: scenarioText(spec),
    kind: spec.kind,
    ...(spec.target === undefined ? {} : { target: spec.target }),
    title,
    error,
    lost: [],
    backups: [],
    dataLoss: [],
    processes: [],
    plan: EMPTY_PLAN,
    missing: [],
    runbook: [],
    assumptions: [],
  };
}

/**
 * Simulates a disaster scenario on a model: what is lost, which backups survive, the data lost,
 * the processes against their RTO and RPO, what is missing to recover and the runbook. Never
 * throws: an unknown target (or any failure) gives a result with `error` set and nothing else.
 */
export function simulateScenario(
  graph: ModelGraph,
  spec: ScenarioSpec,
  options: ScenarioOptions = {},
): ScenarioResult {
  const definition = SCENARIOS[spec.kind] as ScenarioDefinition | undefined;
  if (definition === undefined)
    return failed(
      spec,
      text('Unknown scenario', 'Scénario inconnu'),
      text(
        `Unknown scenario kind "${spec.kind as string}".`,
        `Type de scénario inconnu « ${spec.kind as string} ».`,
      ),
    );
  const title = definition.titleOf(spec.target, (id) => label(graph, id));
  try {
    const outage = definition.strike(graph, spec.target, options);
    if ('error' in outage) return failed(spec, title, outage.error);
    const evaluation = evaluateOutage(graph, outage, options);
    return {
      scenario: scenarioText(spec),
      kind: spec.kind,
      ...(spec.target === undefined ? {} : { target: spec.target }),
      title,
      lost: [...outage.lost].sort((a, b) => (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0)),
      ...evaluation,
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(
      spec,
      title,
      text(
        `The scenario could not be simulated: ${detail}`,
        `Le scénario n'a pas pu être simulé : ${detail}`,
      ),
    );
  }
}

/** Runs the scenarios saved in the model (`organisation.continuity.scenarios`), in their order. */
export function runSavedScenarios(
  graph: ModelGraph,
  options: ScenarioOptions = {},
): readonly SavedScenarioRun[] {
  return (graph.model.organisation?.continuity?.scenarios ?? []).map((saved) => {
    const parsed = parseScenario(saved.scenario);
    const teams = options.teams ?? saved.teams;
    const result = parsed.ok
      ? simulateScenario(graph, parsed.spec, {
          ...options,
          ...(teams === undefined ? {} : { teams }),
        })
      : failed(
          { kind: 'directory' },
          text('Invalid scenario', 'Scénario invalide'),
          parsed.message,
        );
    return {
      id: saved.id,
      ...(saved.name === undefined ? {} : { name: saved.name }),
      scenario: saved.scenario,
      result: parsed.ok ? result : { ...result, scenario: saved.scenario },
    };
  });
}
