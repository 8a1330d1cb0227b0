import { durationMinutes, formatDuration } from '../../domain/duration.js';
import type { LocalizedText } from '../../design/text.js';
import { text } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { recoveryOf } from '../recovery-time.js';
import {
  chainTo,
  listSchedule,
  type Precedence,
  type ScheduledTask,
  type Wait,
} from './list-scheduler.js';
import { buildPrecedences, recoveryScope } from './precedence.js';

export type ScheduleSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A problem found while planning, about the listed entities. */
export interface ScheduleIssue {
  readonly code: string;
  readonly severity: ScheduleSeverity;
  readonly subjects: readonly string[];
  readonly message: LocalizedText;
}

/** A default the plan relied on. */
export interface ScheduleAssumption {
  readonly subject: string;
  readonly message: LocalizedText;
}

export interface RecoveryPlanOptions {
  /** The assets to recover; default: every asset supporting a process and what it needs. */
  readonly assets?: readonly string[];
  /** Durations in minutes that replace the declared or assumed ones, by asset id. */
  readonly durations?: Readonly<Record<string, number>>;
  /** Precedences to use instead of those built from the model. */
  readonly precedences?: readonly Precedence[];
  /** Tasks run in parallel; default: the sum of the declared teams' `parallel` (1 each), else 1. */
  readonly teams?: number;
}

export interface PlannedTask {
  readonly asset: string;
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  /** The parallel slot, from 1. */
  readonly team: number;
  /** The declared team owning that slot, when teams are declared and `teams` is not forced. */
  readonly teamId?: string;
  readonly waitedFor?: Wait;
}

export interface ProcessRecovery {
  readonly process: string;
  /** RTO in minutes, when declared. */
  readonly rto?: number;
  /** Minutes until the last of its assets is back. */
  readonly achievable: number;
  readonly status: 'met' | 'missed' | 'no-rto';
  /** The tasks that decide it, first to last (the last is its last asset back). */
  readonly chain: readonly string[];
}

export interface RecoveryPlan {
  readonly teams: number;
  readonly makespan: number;
  /** By start, then team. */
  readonly tasks: readonly PlannedTask[];
  /** By id. */
  readonly processes: readonly ProcessRecovery[];
  readonly criticalPath: readonly string[];
  readonly precedences: readonly Precedence[];
  readonly issues: readonly ScheduleIssue[];
  readonly assumptions: readonly ScheduleAssumption[];
}

interface Slots {
  readonly count: number;
  readonly owners: readonly (string | undefined)[];
}

function slotsOf(graph: ModelGraph, forced: number | undefined, issues: ScheduleIssue[]): Slots {
  if (forced !== undefined) {
    if (Number.isInteger(forced) && forced >= 1) return { count: forced, owners: [] };
    issues.push({
      code: 'schedule-invalid-teams',
      severity: 'medium',
      subjects: [],
      message: text(
        `The number of teams must be a whole number of at least 1 (got ${String(forced)}); 1 is used.`,
        `Le nombre d'équipes doit être un entier d'au moins 1 (reçu ${String(forced)}) ; 1 est utilisé.`,
      ),
    });
    return { count: 1, owners: [] };
  }
  const owners = (graph.model.organisation?.continuity?.teams ?? []).flatMap((team) =>
    Array.from({ length: team.parallel ?? 1 }, () => team.id),
  );
  return { count: Math.max(1, owners.length), owners };
}

function durationsOf(
  graph: ModelGraph,
  assets: readonly string[],
  overrides: Readonly<Record<string, number>>,
  issues: ScheduleIssue[],
  assumptions: ScheduleAssumption[],
): Map<string, number> {
  const durations = new Map<string, number>();
  for (const id of assets) {
    const override = overrides[id];
    if (override !== undefined) {
      if (Number.isFinite(override) && override >= 0) {
        durations.set(id, override);
        continue;
      }
      issues.push({
        code: 'schedule-invalid-duration',
        severity: 'medium',
        subjects: [id],
        message: text(
          `The recovery duration given for ${id} (${String(override)}) is not a positive number of minutes; the model's is used.`,
          `La durée de reprise donnée pour ${id} (${String(override)}) n'est pas un nombre positif de minutes ; celle du modèle est utilisée.`,
        ),
      });
    }
    const asset = graph.asset(id);
    if (asset === undefined) continue;
    const recovery = recoveryOf(asset);
    const minutes = Number.isFinite(recovery.minutes) ? recovery.minutes : 0;
    durations.set(id, minutes);
    if (recovery.assumedDuration) {
      const shown = formatDuration(minutes);
      assumptions.push({
        subject: id,
        message: text(
          `Recovery of ${id} assumed to take ${shown} (default for a ${asset.kind}${recovery.method === 'failover' ? ' that fails over' : ''}).`,
          `Reprise de ${id} supposée durer ${shown} (valeur par défaut pour ${asset.kind}${recovery.method === 'failover' ? ' avec basculement' : ''}).`,
        ),
      });
    }
  }
  return durations;
}

/** RTO (minutes) and availability need of the processes each asset supports directly. */
function ranksOf(graph: ModelGraph, scheduled: ReadonlySet<string>): Map<string, number[]> {
  const ranks = new Map<string, [number, number]>();
  for (const process of graph.model.processes) {
    const minutes = process.rto === undefined ? Number.NaN : durationMinutes(process.rto);
    const rto = Number.isFinite(minutes) ? minutes : Number.POSITIVE_INFINITY;
    const need = -(process.needs?.availability ?? 0);
    for (const asset of graph.supportOf(process.id).assets) {
      if (!scheduled.has(asset)) continue;
      const current = ranks.get(asset);
      if (current === undefined || rto < current[0] || (rto === current[0] && need < current[1]))
        ranks.set(asset, [rto, need]);
    }
  }
  return ranks;
}

/**
 * Plans the recovery of a model's assets on its teams: which asset each team brings back when,
 * per process whether its RTO is met and which chain of tasks decides it. The scheduling
 * algorithm and its guarantees are described in `list-scheduler.ts`; the rank of an asset is the
 * lowest RTO of the processes it supports, then their highest availability need, inherited by
 * what it needs.
 */
export function planRecovery(graph: ModelGraph, options: RecoveryPlanOptions = {}): RecoveryPlan {
  const issues: ScheduleIssue[] = [];
  const assumptions: ScheduleAssumption[] = [];
  const requested = options.assets ?? recoveryScope(graph);
  const unknown = requested.filter((id) => graph.asset(id) === undefined);
  for (const id of [...new Set(unknown)].sort()) {
    issues.push({
      code: 'schedule-unknown-asset',
      severity: 'medium',
      subjects: [id],
      message: text(
        `${id} is not an asset of the model; it is left out of the schedule.`,
        `${id} n'est pas un actif du modèle ; il est laissé hors du planning.`,
      ),
    });
  }
  const assets = [...new Set(requested.filter((id) => graph.asset(id) !== undefined))].sort();
  const durations = durationsOf(graph, assets, options.durations ?? {}, issues, assumptions);
  const slots = slotsOf(graph, options.teams, issues);
  if (options.teams === undefined && slots.owners.length === 0) {
    assumptions.push({
      subject: graph.model.organisation?.id ?? '',
      message: text(
        'No recovery team is declared: one team recovering one asset at a time is assumed.',
        "Aucune équipe de reprise n'est déclarée : une seule équipe reprenant un actif à la fois est supposée.",
      ),
    });
  }
  const precedences = options.precedences ?? buildPrecedences(graph, assets);
  const ranks = ranksOf(graph, new Set(assets));
  const result = listSchedule(
    assets.map((id) => ({
      id,
      duration: durations.get(id) ?? 0,
      rank: ranks.get(id) ?? [Number.POSITIVE_INFINITY, 0],
    })),
    precedences,
    slots.count,
  );
  for (const { before, after } of result.brokenPrecedences) {
    issues.push({
      code: 'schedule-cycle',
      severity: 'high',
      subjects: [after, before],
      message: text(
        `${after} and ${before} need each other (a dependency cycle): ${after} is scheduled without waiting for ${before}. Break the cycle in the model.`,
        `${after} et ${before} dépendent l'un de l'autre (cycle de dépendances) : ${after} est planifié sans attendre ${before}. Cassez le cycle dans le modèle.`,
      ),
    });
  }
  const processes = processRecoveries(graph, result.tasks, issues);
  return {
    teams: slots.count,
    makespan: result.makespan,
    tasks: result.tasks.map((task) => plannedTask(task, slots)),
    processes,
    criticalPath: result.criticalPath,
    precedences,
    issues,
    assumptions,
  };
}

function plannedTask(task: ScheduledTask, slots: Slots): PlannedTask {
  const owner = slots.owners[task.slot];
  return {
    asset: task.id,
    start: task.start,
    end: task.end,
    duration: task.end - task.start,
    team: task.slot + 1,
    ...(owner === undefined ? {} : { teamId: owner }),
    ...(task.waitedFor === undefined ? {} : { waitedFor: task.waitedFor }),
  };
}

/** Per process with at least one scheduled asset: when its last asset is back, against its RTO. */
function processRecoveries(
  graph: ModelGraph,
  tasks: readonly ScheduledTask[],
  issues: ScheduleIssue[],
): ProcessRecovery[] {
  const byAsset = new Map(tasks.map((task) => [task.id, task]));
  const recoveries: ProcessRecovery[] = [];
  const processes = [...graph.model.processes].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const process of processes) {
    let last: ScheduledTask | undefined;
    for (const asset of graph.supportOf(process.id).assets) {
      const task = byAsset.get(asset);
      if (task === undefined) continue;
      if (last === undefined || task.end > last.end || (task.end === last.end && task.id < last.id))
        last = task;
    }
    if (last === undefined) continue;
    const rto = process.rto === undefined ? Number.NaN : durationMinutes(process.rto);
    const hasRto = Number.isFinite(rto);
    const status = !hasRto ? 'no-rto' : last.end <= rto ? 'met' : 'missed';
    const chain = chainTo(byAsset, last.id);
    recoveries.push({
      process: process.id,
      ...(hasRto ? { rto } : {}),
      achievable: last.end,
      status,
      chain,
    });
    if (status === 'missed') {
      issues.push({
        code: 'schedule-rto-missed',
        severity: 'high',
        subjects: [process.id, ...chain],
        message: text(
          `${process.id} is back after ${formatDuration(last.end)} at best with these teams, beyond its RTO of ${formatDuration(rto)}; decided by ${chain.join(' → ')}.`,
          `${process.id} n'est rétabli qu'après ${formatDuration(last.end)} au mieux avec ces équipes, au-delà de son RTO de ${formatDuration(rto)} ; imposé par ${chain.join(' → ')}.`,
        ),
      });
    }
  }
  return recoveries;
}
