/**
 * The common part of every disaster scenario: from what a scenario kind strikes (an `Outage`:
 * lost assets, which of them lose their data, lost backups) to its consequences.
 *
 * - Impacted processes: a process is impacted when an asset it rests on is lost — the assets of
 *   the business impact analysis (`analyseBia`: its assets, where its data is stored, their hosts,
 *   the infrastructure they need, the processes it depends on), computed once per graph.
 * - Copies: the backups of a lost asset, of the data sets stored on it and of its hosts (an image
 *   of the host restores its guests); of a data set, its backups and those of the assets storing it.
 * - Data loss: for each data set whose every storage lost its data, and each asset recovered by
 *   restore that lost its data and is backed up itself or is of a stateful kind with no data set
 *   declared on it, the window is the age of the newest surviving copy,
 *   taken as its frequency (a copy with no frequency: one day, an assumption); no surviving
 *   copy: the data is lost (`windowMinutes: null`).
 * - Unrecoverable: a lost asset recovered by restore that holds data worth a backup (data sets
 *   stored on it, or backups declared for it, its data sets or its hosts) and has no surviving
 *   copy (`no-surviving-backup`); and what the kind says. A stateful asset with neither is
 *   reinstalled (its own data shows as lost in the data-loss list).
 *   A process running on one directly (its assets, its data's storage, their hosts, the processes
 *   it depends on: `graph.supportOf`) cannot be recovered (`rtoStatus: unrecoverable`,
 *   `achievable: null`); infrastructure it needs (directory, network…) is rebuilt empty and its
 *   time counts.
 * - Hardware: when the kind destroys hardware (site loss), a physical asset (not hosted, not a
 *   software kind) recovered by restore or rebuild with no `recovery.spare` waits for its
 *   replacement first: its `repairTime`, else 3 days (an assumption), added to its recovery
 *   (`no-spare-hardware`).
 * - Schedule: `planRecovery` of the lost assets (its dependencies, priorities and teams); a
 *   process is back when the last of its lost assets is; RTO met or missed on that time.
 * - RPO: the worst data loss among the entities a process uses (lost, else window over RPO).
 * - Runbook: the schedule's tasks in order, each with its action (per recovery method, or the
 *   kind's wording), the assets it waits for and the declared procedure.
 */
import { formatDuration } from '../../domain/duration.js';
import { STATEFUL_KINDS, type Asset } from '../../domain/model/index.js';
import {
  backupsCovering,
  isIsolatedCopy,
  minutesOf,
} from '../../design/analyses/backup-coverage.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import { analyseBia, type BiaResult } from '../bia/bia.js';
import { recoveryOf } from '../recovery-time.js';
import { planRecovery, type PlannedTask, type RecoveryPlan } from '../schedule/plan.js';
import type {
  BackupFate,
  DataLoss,
  MissingItem,
  Outage,
  ProcessOutcome,
  RunbookStep,
  ScenarioAssumption,
  ScenarioOptions,
} from './types.js';

/** Age assumed for a surviving copy whose frequency is not declared: one day. */
export const DEFAULT_COPY_FREQUENCY_MINUTES = 24 * 60;
/** Time assumed to get replacement hardware when no spare and no repair time are declared. */
export const DEFAULT_HARDWARE_DELIVERY_MINUTES = 3 * 24 * 60;

/** Kinds that are software, not a box one can lose in a fire. */
const SOFTWARE_KINDS: ReadonlySet<string> = new Set([
  'virtual-machine',
  'application',
  'web-application',
  'service',
  'database',
  'saas',
  'cloud-service',
]);

/** A physical device: not hosted on another asset and not a software kind. */
export function isHardware(asset: Asset): boolean {
  return asset.hostedOn === undefined && !SOFTWARE_KINDS.has(asset.kind);
}

/** The site of a backup's copies: declared, else its zone's, else its target's. */
export function siteOfBackup(
  graph: ModelGraph,
  backup: { site?: string | undefined; zone?: string | undefined; target?: string | undefined },
): string | undefined {
  if (backup.site !== undefined) return backup.site;
  if (backup.zone !== undefined) {
    const site = graph.siteOfZone(backup.zone);
    if (site !== undefined) return site;
  }
  return backup.target === undefined ? undefined : graph.siteOfAsset(backup.target);
}

/**
 * The storage a backup's copies live on: its target, what the target runs on, and the backup
 * servers writing to it (a `backup-server` with a flow to it).
 */
export function backupStorage(
  graph: ModelGraph,
  backup: { target?: string | undefined },
): readonly string[] {
  if (backup.target === undefined || graph.asset(backup.target) === undefined) return [];
  const places = new Set<string>([backup.target, ...graph.hostsOf(backup.target)]);
  for (const flow of graph.flowsTo(backup.target))
    if (graph.asset(flow.from)?.kind === 'backup-server') places.add(flow.from);
  for (const flow of graph.flowsFrom(backup.target))
    if (flow.bidirectional === true && graph.asset(flow.to)?.kind === 'backup-server')
      places.add(flow.to);
  return [...places].sort();
}

/** Backups holding a copy of an entity (see the header), by id. */
export function copiesOf(graph: ModelGraph, id: string): readonly string[] {
  const ids = new Set<string>(backupsCovering(graph, id).map((b) => b.id));
  const asset = graph.asset(id);
  if (asset !== undefined) {
    for (const data of graph.dataOn(id)) for (const b of graph.backupsOf(data)) ids.add(b);
    for (const host of graph.hostsOf(id)) for (const b of graph.backupsOf(host)) ids.add(b);
  } else {
    for (const place of graph.data(id)?.storedOn ?? [])
      for (const host of graph.hostsOf(place)) for (const b of graph.backupsOf(host)) ids.add(b);
  }
  return [...ids].sort();
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The business impact analysis of a graph, computed once: a `ModelGraph` is frozen, so every
 * scenario run on the same graph (saved scenarios, the simulator re-planning with other teams)
 * reuses it.
 */
const biaCache = new WeakMap<ModelGraph, BiaResult>();
export function biaOf(graph: ModelGraph): BiaResult {
  let bia = biaCache.get(graph);
  if (bia === undefined) {
    bia = analyseBia(graph);
    biaCache.set(graph, bia);
  }
  return bia;
}

/** Up to a few names, then how many more. */
export function nameList(graph: ModelGraph, ids: readonly string[], max = 8): LocalizedText {
  const shown = ids.slice(0, max).map((id) => label(graph, id));
  const more = ids.length - shown.length;
  return text(
    shown.join(', ') + (more > 0 ? ` and ${more} more` : ''),
    shown.join(', ') + (more > 0 ? ` et ${more} autres` : ''),
  );
}

/** The tightest RPO (minutes) of the processes using each entity. */
function rposOf(graph: ModelGraph): Map<string, number> {
  const result = new Map<string, number>();
  const set = (id: string, minutes: number): void => {
    const known = result.get(id);
    if (known === undefined || minutes < known) result.set(id, minutes);
  };
  for (const process of graph.model.processes) {
    const minutes = minutesOf(process.rpo);
    if (minutes === undefined) continue;
    for (const id of process.assets ?? []) set(id, minutes);
    for (const id of process.data ?? []) {
      set(id, minutes);
      for (const asset of graph.data(id)?.storedOn ?? []) set(asset, minutes);
    }
  }
  return result;
}

interface BestCopy {
  readonly backup: string;
  readonly minutes: number;
  readonly assumed: boolean;
}

function actionOf(
  graph: ModelGraph,
  asset: Asset,
  from: BestCopy | undefined,
  unrecoverable: boolean,
  replacement: boolean,
): LocalizedText {
  const name = label(graph, asset.id);
  const method = recoveryOf(asset).method;
  let action: LocalizedText;
  if (unrecoverable)
    action = text(
      `No surviving copy of ${name}: rebuild it empty and re-enter its data`,
      `Aucune copie de ${name} ne subsiste : la reconstruire vide et ressaisir ses données`,
    );
  else if (method === 'restore')
    action =
      from === undefined
        ? text(
            `Reinstall ${name} and restore its configuration`,
            `Réinstaller ${name} et restaurer sa configuration`,
          )
        : text(
            `Restore ${name} from ${label(graph, from.backup)}`,
            `Restaurer ${name} depuis ${label(graph, from.backup)}`,
          );
  else if (method === 'rebuild') action = text(`Rebuild ${name}`, `Reconstruire ${name}`);
  else if (method === 'failover')
    action = text(`Fail ${name} over to its standby`, `Basculer ${name} sur son secours`);
  else
    action = text(
      `Have the supplier bring ${name} back`,
      `Faire rétablir ${name} par son fournisseur`,
    );
  if (!replacement) return action;
  return text(
    `Get replacement hardware for ${name}, then: ${action.en.charAt(0).toLowerCase()}${action.en.slice(1)}`,
    `Obtenir un matériel de remplacement pour ${name}, puis : ${action.fr.charAt(0).toLowerCase()}${action.fr.slice(1)}`,
  );
}

export interface Evaluation {
  readonly backups: readonly BackupFate[];
  readonly dataLoss: readonly DataLoss[];
  readonly processes: readonly ProcessOutcome[];
  readonly plan: RecoveryPlan;
  readonly missing: readonly MissingItem[];
  readonly runbook: readonly RunbookStep[];
  readonly assumptions: readonly ScenarioAssumption[];
}

/** Evaluates an outage: see the header for the reasoning. */
export function evaluateOutage(
  graph: ModelGraph,
  outage: Outage,
  options: ScenarioOptions = {},
): Evaluation {
  const lost = new Set(outage.lost.map((l) => l.asset));
  const destroyed = outage.destroyed;
  const assumptions: ScenarioAssumption[] = [...(outage.assumptions ?? [])];
  const missing: MissingItem[] = [...(outage.missing ?? [])];

  // Backups concerned: those copying what is lost, and those lost themselves.
  const concerned = new Set<string>();
  const dataOnLost = new Set<string>();
  for (const id of lost) {
    for (const data of graph.dataOn(id)) dataOnLost.add(data);
    for (const backup of copiesOf(graph, id)) concerned.add(backup);
  }
  for (const data of dataOnLost) for (const backup of copiesOf(graph, data)) concerned.add(backup);
  for (const backup of outage.lostBackups.keys()) concerned.add(backup);
  const backups: BackupFate[] = [...concerned].sort(byId).map((id) => {
    const reason = outage.lostBackups.get(id);
    if (reason !== undefined) return { backup: id, survives: false, reason };
    const backup = graph.backup(id);
    const isolated =
      backup !== undefined &&
      backup.protects.length > 0 &&
      backup.protects.every((p) => isIsolatedCopy(graph, backup, p));
    return {
      backup: id,
      survives: true,
      reason:
        outage.survivingReasons?.get(id) ??
        (isolated
          ? text(
              'Offline or immutable copy: out of reach.',
              'Copie hors ligne ou immuable : hors d’atteinte.',
            )
          : text('Stored out of the scenario’s reach.', 'Stockée hors de portée du scénario.')),
    };
  });

  const frequencyAssumed = new Set<string>();
  const bestSurviving = (id: string): BestCopy | undefined => {
    let best: BestCopy | undefined;
    for (const backupId of copiesOf(graph, id)) {
      if (outage.lostBackups.has(backupId)) continue;
      const declared = minutesOf(graph.backup(backupId)?.frequency);
      const minutes = declared ?? DEFAULT_COPY_FREQUENCY_MINUTES;
      if (best === undefined || minutes < best.minutes)
        best = { backup: backupId, minutes, assumed: declared === undefined };
    }
    if (best?.assumed === true) frequencyAssumed.add(best.backup);
    return best;
  };

  // Data loss per data set and per stateful or backed-up asset whose data is gone.
  const rpos = rposOf(graph);
  const entities = new Set<string>();
  for (const data of dataOnLost) {
    const places = (graph.data(data)?.storedOn ?? []).filter((a) => graph.asset(a) !== undefined);
    if (places.length > 0 && places.every((a) => destroyed.has(a))) entities.add(data);
  }
  for (const id of destroyed) {
    const asset = graph.asset(id);
    if (asset === undefined) continue;
    // its data sets stand for its data when it has some; a rebuilt, failed-over or supplier's
    // asset has no data of its own to restore
    if (recoveryOf(asset).method !== 'restore') continue;
    if (
      graph.backupsOf(id).length > 0 ||
      (STATEFUL_KINDS.includes(asset.kind) && graph.dataOn(id).length === 0)
    )
      entities.add(id);
  }
  const best = new Map<string, BestCopy | undefined>();
  const dataLoss: DataLoss[] = [...entities].sort(byId).map((entity) => {
    const copy = bestSurviving(entity);
    best.set(entity, copy);
    const rpo = rpos.get(entity);
    const status: DataLoss['status'] =
      copy === undefined ? 'lost' : rpo !== undefined && copy.minutes > rpo ? 'missed' : 'met';
    return {
      entity,
      windowMinutes: copy === undefined ? null : copy.minutes,
      ...(rpo === undefined ? {} : { rpo }),
      status,
      ...(copy === undefined ? {} : { from: copy.backup }),
    };
  });
  const lossByEntity = new Map(dataLoss.map((d) => [d.entity, d]));

  // Unrecoverable assets and hardware to replace.
  const unrecoverable = new Map(outage.unrecoverable ?? []);
  const noBackup: string[] = [];
  const noSpare: string[] = [];
  const durations: Record<string, number> = { ...(outage.durations ?? {}) };
  let deliveryAssumed = false;
  for (const id of [...lost].sort(byId)) {
    const asset = graph.asset(id);
    if (asset === undefined || !destroyed.has(id)) continue;
    const recovery = recoveryOf(asset);
    // data worth a backup: data sets stored on it, or backups declared for it
    const holdsData = graph.dataOn(id).length > 0 || copiesOf(graph, id).length > 0;
    if (recovery.method === 'restore' && holdsData && !unrecoverable.has(id)) {
      const copy = best.has(id) ? best.get(id) : bestSurviving(id);
      best.set(id, copy);
      const dataCopies = graph.dataOn(id).map((d) => lossByEntity.get(d));
      const anyData = dataCopies.some((d) => d !== undefined && d.windowMinutes !== null);
      if (copy === undefined && !anyData) {
        unrecoverable.set(
          id,
          text('No backup of it survives.', 'Aucune de ses sauvegardes ne subsiste.'),
        );
        noBackup.push(id);
      }
    }
    if (
      outage.hardwareLost === true &&
      isHardware(asset) &&
      asset.recovery?.spare !== true &&
      (recovery.method === 'restore' || recovery.method === 'rebuild')
    ) {
      noSpare.push(id);
      const repair = minutesOf(asset.repairTime);
      if (repair === undefined) deliveryAssumed = true;
      const own = Number.isFinite(recovery.minutes) ? recovery.minutes : 0;
      durations[id] = (durations[id] ?? own) + (repair ?? DEFAULT_HARDWARE_DELIVERY_MINUTES);
    }
  }
  if (noBackup.length > 0) {
    const names = nameList(graph, noBackup);
    missing.push({
      code: 'no-surviving-backup',
      severity: 'critical',
      subjects: noBackup,
      message: text(
        `No backup survives for ${names.en}: their data cannot be restored.`,
        `Aucune sauvegarde ne subsiste pour ${names.fr} : leurs données ne peuvent pas être restaurées.`,
      ),
    });
  }
  if (noSpare.length > 0) {
    const names = nameList(graph, noSpare);
    missing.push({
      code: 'no-spare-hardware',
      severity: 'high',
      subjects: noSpare,
      message: text(
        `No spare hardware for ${names.en}: recovery waits for a replacement (repair time).`,
        `Pas de matériel de rechange pour ${names.fr} : la reprise attend un remplacement (délai de réparation).`,
      ),
    });
  }
  if (deliveryAssumed)
    assumptions.push({
      subject: 'hardware',
      message: text(
        `Replacement hardware is assumed to arrive in ${formatDuration(DEFAULT_HARDWARE_DELIVERY_MINUTES)} where no repair time is declared.`,
        `Le matériel de remplacement est supposé livré en ${formatDuration(DEFAULT_HARDWARE_DELIVERY_MINUTES)} là où aucun délai de réparation n'est déclaré.`,
      ),
    });

  // The schedule of what is lost.
  const teams = outage.teams ?? options.teams;
  const plan = planRecovery(graph, {
    assets: [...lost].sort(byId),
    durations,
    ...(outage.precedences === undefined ? {} : { precedences: outage.precedences }),
    ...(teams === undefined ? {} : { teams }),
  });
  const byAsset = new Map(plan.tasks.map((task) => [task.asset, task]));
  const chainOf = (id: string): string[] => {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let current: string | undefined = id; current !== undefined && !seen.has(current);) {
      seen.add(current);
      chain.push(current);
      current = byAsset.get(current)?.waitedFor?.task;
    }
    return chain.reverse();
  };

  // Processes: those resting on a lost asset (the analysis's inheritance, asset → processes),
  // and the data losses of the entities each uses.
  const bia = graph.model.processes.length === 0 || lost.size === 0 ? undefined : biaOf(graph);
  const processesOf = new Map((bia?.assets ?? []).map((a) => [a.asset, a.processes]));
  const hits = new Map<string, string[]>();
  for (const id of lost) for (const process of processesOf.get(id) ?? []) push(hits, process, id);
  const direct = new Map(graph.model.processes.map((p) => [p.id, graph.supportOf(p.id)]));
  const dataUsers = new Map<string, string[]>();
  for (const process of graph.model.processes)
    for (const data of new Set([...(process.data ?? []), ...(direct.get(process.id)?.data ?? [])]))
      push(dataUsers, data, process.id);
  const lossesOf = new Map<string, DataLoss[]>();
  for (const loss of dataLoss) {
    const users = new Set([
      ...(processesOf.get(loss.entity) ?? []),
      ...(dataUsers.get(loss.entity) ?? []),
    ]);
    for (const process of users) push(lossesOf, process, loss);
  }
  const processes: ProcessOutcome[] = [...graph.model.processes]
    .sort((a, b) => byId(a.id, b.id))
    .map((process) => {
      const rto = minutesOf(process.rto);
      const rpo = minutesOf(process.rpo);
      const objectives = {
        ...(rto === undefined ? {} : { rto }),
        ...(rpo === undefined ? {} : { rpo }),
      };
      const hit = hits.get(process.id) ?? [];
      if (hit.length === 0)
        return {
          process: process.id,
          impacted: false,
          ...objectives,
          achievable: 0,
          rtoStatus: rto === undefined ? 'no-rto' : 'met',
          rpoStatus: rpo === undefined ? 'no-rpo' : 'met',
          chain: [],
        };
      let last: PlannedTask | undefined;
      for (const id of hit) {
        const task = byAsset.get(id);
        if (
          task !== undefined &&
          (last === undefined ||
            task.end > last.end ||
            (task.end === last.end && task.asset < last.asset))
        )
          last = task;
      }
      // only the assets it runs on directly block it: infrastructure is rebuilt empty
      const blocked = (direct.get(process.id)?.assets ?? []).some((id) => unrecoverable.has(id));
      const achievable = blocked ? null : (last?.end ?? 0);
      const rtoStatus: ProcessOutcome['rtoStatus'] = blocked
        ? 'unrecoverable'
        : rto === undefined
          ? 'no-rto'
          : (achievable ?? 0) <= rto
            ? 'met'
            : 'missed';
      let rpoStatus: ProcessOutcome['rpoStatus'] = rpo === undefined ? 'no-rpo' : 'met';
      for (const loss of lossesOf.get(process.id) ?? []) {
        if (loss.windowMinutes === null) rpoStatus = 'lost';
        else if (rpo !== undefined && loss.windowMinutes > rpo && rpoStatus !== 'lost')
          rpoStatus = 'missed';
      }
      return {
        process: process.id,
        impacted: true,
        ...objectives,
        achievable,
        rtoStatus,
        rpoStatus,
        chain: last === undefined ? [] : chainOf(last.asset),
      };
    });

  // Runbook in the schedule's order.
  const inPlan = new Set(plan.tasks.map((t) => t.asset));
  const waitsFor = new Map<string, string[]>();
  for (const { before, after } of plan.precedences) {
    if (!inPlan.has(before) || !inPlan.has(after)) continue;
    const list = waitsFor.get(after) ?? [];
    if (!list.includes(before)) list.push(before);
    waitsFor.set(after, list);
  }
  const replaced = new Set(noSpare);
  const runbook: RunbookStep[] = plan.tasks.map((task, index) => {
    const asset = graph.asset(task.asset);
    const procedure = asset?.recovery?.procedure;
    const action =
      outage.actions?.get(task.asset) ??
      (asset === undefined
        ? text(`Recover ${task.asset}`, `Rétablir ${task.asset}`)
        : actionOf(
            graph,
            asset,
            best.get(task.asset) ?? undefined,
            unrecoverable.has(task.asset),
            replaced.has(task.asset),
          ));
    return {
      step: index + 1,
      start: task.start,
      end: task.end,
      asset: task.asset,
      team: task.team,
      ...(task.teamId === undefined ? {} : { teamId: task.teamId }),
      action,
      after: (waitsFor.get(task.asset) ?? []).sort(byId),
      ...(procedure === undefined ? {} : { procedure }),
    };
  });

  for (const backup of [...frequencyAssumed].sort(byId))
    assumptions.push({
      subject: backup,
      message: text(
        `${label(graph, backup)} declares no frequency: its newest copy is assumed ${formatDuration(DEFAULT_COPY_FREQUENCY_MINUTES)} old.`,
        `${label(graph, backup)} ne déclare pas de fréquence : sa copie la plus récente est supposée dater de ${formatDuration(DEFAULT_COPY_FREQUENCY_MINUTES)}.`,
      ),
    });
  assumptions.push(...plan.assumptions);
  const seen = new Set<string>();
  const unique = assumptions.filter((a) => {
    const key = `${a.subject}\u0000${a.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { backups, dataLoss, processes, plan, missing, runbook, assumptions: unique };
}
