import { durationMinutes, formatDurationText } from '../../domain/duration.js';
import type { LocalizedText } from '../../design/text.js';
import { text } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { recoveredByOthers, recoveryOf } from '../recovery-time.js';
import { listSchedule, type Precedence, type ScheduledTask, type Wait } from './list-scheduler.js';
import {
  buildPrecedences,
  implicitPrecedences,
  prerequisitesOf,
  recoveryScope,
} from './precedence.js';

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
  /**
   * The backup each restored asset is restored from, or null when rebuilt without one: its
   * storage and backup server are recovered first (see `restoreSourcesOf`). Ignored with
   * `precedences`.
   */
  readonly restoreFrom?: Readonly<Record<string, string | null>>;
}

export interface PlannedTask {
  readonly asset: string;
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  /** The parallel slot, from 1; 0 for a supplier's work, which holds no team. */
  readonly team: number;
  /** The declared team owning that slot, when teams are declared and `teams` is not forced. */
  readonly teamId?: string;
  readonly waitedFor?: Wait;
  /** Done by a supplier or provider (recovery method `supplier`): no team slot held. */
  readonly external?: true;
}

export interface ProcessRecovery {
  readonly process: string;
  /** RTO in minutes, when declared. */
  readonly rto?: number;
  /**
   * Minutes until the last of its own tasks is done: those of its supporting assets (its assets,
   * where its data is stored, their hosts, the processes it depends on) and of what they need
   * (the precedences, transitively). Unrelated tasks never count.
   */
  readonly achievable: number;
  readonly status: 'met' | 'missed' | 'no-rto';
  /**
   * The tasks that decide it, first to last: from its last task back along the precedences
   * (each step the prerequisite that finished last), so a dependency path, never a team wait.
   */
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
      assumptions.push({
        subject: id,
        message: text(
          `Recovery of ${id} assumed to take ${formatDurationText(minutes, 'en')} (default for a ${asset.kind}${recovery.method === 'failover' ? ' that fails over' : ''}).`,
          `Reprise de ${id} supposée durer ${formatDurationText(minutes, 'fr')} (valeur par défaut pour ${asset.kind}${recovery.method === 'failover' ? ' avec basculement' : ''}).`,
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
  const precedences =
    options.precedences ??
    buildPrecedences(
      graph,
      assets,
      options.restoreFrom === undefined ? {} : { restoreFrom: options.restoreFrom },
    );
  const ranks = ranksOf(graph, new Set(assets));
  const external = new Set(
    assets.filter((id) => {
      const asset = graph.asset(id);
      return asset !== undefined && recoveredByOthers(asset);
    }),
  );
  const bound = teamSlots(graph, assets, external, slots, issues, assumptions);
  const result = listSchedule(
    assets.map((id) => ({
      id,
      duration: durations.get(id) ?? 0,
      rank: ranks.get(id) ?? [Number.POSITIVE_INFINITY, 0],
      ...(external.has(id) ? { external: true } : {}),
      ...slotsField(bound.get(id)),
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
  const processes = processRecoveries(graph, result.tasks, precedences, issues);
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

const slotsField = (slots: number[] | undefined): { slots?: number[] } =>
  slots === undefined ? {} : { slots };

function plannedTask(task: ScheduledTask, slots: Slots): PlannedTask {
  const owner = task.slot < 0 ? undefined : slots.owners[task.slot];
  return {
    asset: task.id,
    start: task.start,
    end: task.end,
    duration: task.end - task.start,
    team: task.slot + 1,
    ...(owner === undefined ? {} : { teamId: owner }),
    ...(task.waitedFor === undefined ? {} : { waitedFor: task.waitedFor }),
    ...(task.slot < 0 ? { external: true as const } : {}),
  };
}

/**
 * The slots each asset with a declared `recovery.team` may run on: that team's, binding. An
 * asset without one runs on any team (skills are not matched). A team not declared in the
 * organisation is reported and the asset runs on any team; with a forced number of teams the
 * declared teams do not exist and nothing is bound (an assumption says so).
 */
function teamSlots(
  graph: ModelGraph,
  assets: readonly string[],
  external: ReadonlySet<string>,
  slots: Slots,
  issues: ScheduleIssue[],
  assumptions: ScheduleAssumption[],
): Map<string, number[]> {
  const bound = new Map<string, number[]>();
  const slotsOfTeam = new Map<string, number[]>();
  slots.owners.forEach((owner, slot) => {
    if (owner === undefined) return;
    slotsOfTeam.set(owner, [...(slotsOfTeam.get(owner) ?? []), slot]);
  });
  const ignored: string[] = [];
  for (const id of assets) {
    const team = graph.asset(id)?.recovery?.team;
    if (team === undefined || external.has(id)) continue;
    if (slots.owners.length === 0) {
      ignored.push(id);
      continue;
    }
    const own = slotsOfTeam.get(team);
    if (own !== undefined) {
      bound.set(id, own);
      continue;
    }
    issues.push({
      code: 'schedule-unknown-team',
      severity: 'medium',
      subjects: [id, team],
      message: text(
        `${id} is to be recovered by ${team}, which is not a declared recovery team; any team is assumed.`,
        `${id} doit être repris par ${team}, qui n'est pas une équipe de reprise déclarée ; n'importe quelle équipe est supposée.`,
      ),
    });
  }
  if (
    ignored.length > 0 &&
    slots.owners.length === 0 &&
    graph.model.organisation?.continuity?.teams?.length
  )
    assumptions.push({
      subject: graph.model.organisation.id ?? '',
      message: text(
        `With a given number of teams, the declared recovery teams of ${String(ignored.length)} asset(s) are not kept: any team recovers any asset.`,
        `Avec un nombre d'équipes imposé, les équipes de reprise déclarées de ${String(ignored.length)} actif(s) ne sont pas retenues : toute équipe reprend tout actif.`,
      ),
    });
  return bound;
}

/**
 * Per process: when it is back and what decides it, the one definition the scenarios reuse. Its
 * own tasks are those of its supporting assets (`graph.supportOf`: its assets, where its data is
 * stored, their hosts, the processes it depends on) and of everything they need, transitively:
 * the plan's precedences for a scheduled asset, the model's prerequisites for one that is not
 * (an intact server still waits for its lost firewall). It is back when the last of these tasks
 * ends; tasks of other processes, and team waits on them, do not count. A process with no task
 * of its own is not listed.
 */
function processRecoveries(
  graph: ModelGraph,
  tasks: readonly ScheduledTask[],
  precedences: readonly Precedence[],
  issues: ScheduleIssue[],
): ProcessRecovery[] {
  const byAsset = new Map(tasks.map((task) => [task.id, task]));
  const before = new Map<string, string[]>();
  for (const precedence of precedences) {
    if (!byAsset.has(precedence.after) || !byAsset.has(precedence.before)) continue;
    const list = before.get(precedence.after) ?? [];
    list.push(precedence.before);
    before.set(precedence.after, list);
  }
  const implicit = implicitNeeds(graph, byAsset);
  const needs = (id: string): readonly string[] => [
    ...prerequisitesOf(graph, id).map(({ asset }) => asset),
    ...(implicit.get(id) ?? []),
  ];
  const recoveries: ProcessRecovery[] = [];
  const processes = [...graph.model.processes].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const process of processes) {
    const own = new Set<string>();
    const queue = [
      ...graph.supportOf(process.id).assets,
      ...(process.assets ?? []).filter((id) => graph.asset(id) !== undefined),
    ];
    let last: ScheduledTask | undefined;
    for (let i = 0; i < queue.length; i += 1) {
      const id = queue[i] as string;
      if (own.has(id)) continue;
      own.add(id);
      const task = byAsset.get(id);
      if (task === undefined) {
        for (const next of needs(id)) if (!own.has(next)) queue.push(next);
        continue;
      }
      // what a scheduled task needs ended before it started: it cannot end later
      if (last === undefined || task.end > last.end || (task.end === last.end && task.id < last.id))
        last = task;
    }
    if (last === undefined) continue;
    const rto = process.rto === undefined ? Number.NaN : durationMinutes(process.rto);
    const hasRto = Number.isFinite(rto);
    const status = !hasRto ? 'no-rto' : last.end <= rto ? 'met' : 'missed';
    const chain = precedenceChain(byAsset, before, last.id);
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
          `${process.id} is back after ${formatDurationText(last.end, 'en')} at best with these teams, beyond its RTO of ${formatDurationText(rto, 'en')}; decided by ${chain.join(' → ')}.`,
          `${process.id} n'est rétabli qu'après ${formatDurationText(last.end, 'fr')} au mieux avec ces équipes, au-delà de son RTO de ${formatDurationText(rto, 'fr')} ; imposé par ${chain.join(' → ')}.`,
        ),
      });
    }
  }
  return recoveries;
}

/**
 * What the unscheduled assets a process may rest on implicitly need (the infrastructure order
 * of `implicitPrecedences`), computed once over the scheduled assets, the processes' supporting
 * assets and their declared prerequisites.
 */
function implicitNeeds(
  graph: ModelGraph,
  scheduled: ReadonlyMap<string, ScheduledTask>,
): Map<string, string[]> {
  const scope = new Set(scheduled.keys());
  const queue: string[] = [];
  for (const process of graph.model.processes)
    for (const id of [...graph.supportOf(process.id).assets, ...(process.assets ?? [])])
      if (!scope.has(id) && graph.asset(id) !== undefined) {
        scope.add(id);
        queue.push(id);
      }
  if (queue.length === 0) return new Map();
  for (let i = 0; i < queue.length; i += 1) {
    for (const { asset } of prerequisitesOf(graph, queue[i] as string)) {
      if (scope.has(asset)) continue;
      scope.add(asset);
      queue.push(asset);
    }
  }
  const needs = new Map<string, string[]>();
  for (const { before, after } of implicitPrecedences(graph, [...scope].sort())) {
    if (scheduled.has(after)) continue;
    needs.set(after, [...(needs.get(after) ?? []), before]);
  }
  return needs;
}

/** From a task back along the precedences, each step the prerequisite that ended last. */
function precedenceChain(
  byAsset: ReadonlyMap<string, ScheduledTask>,
  before: ReadonlyMap<string, readonly string[]>,
  id: string,
): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let current: string | undefined = id; current !== undefined && !seen.has(current);) {
    seen.add(current);
    chain.push(current);
    const start = byAsset.get(current)?.start ?? 0;
    let next: ScheduledTask | undefined;
    for (const pred of before.get(current) ?? []) {
      const task = byAsset.get(pred);
      if (task === undefined || task.end > start || seen.has(pred)) continue; // a broken cycle edge
      if (next === undefined || task.end > next.end || (task.end === next.end && task.id < next.id))
        next = task;
    }
    current = next?.id;
  }
  return chain.reverse();
}
