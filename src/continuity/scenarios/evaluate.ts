/**
 * The common part of every disaster scenario: from what a scenario kind strikes (an `Outage`:
 * lost assets, which of them lose their data, lost backups) to its consequences.
 *
 * - Impacted processes: a process is impacted when an asset it rests on is lost — the assets of
 *   the business impact analysis (`analyseBia`: its assets, where its data is stored, their hosts,
 *   the infrastructure they need, the processes it depends on), computed once per graph.
 * - Copies: the backups of a lost asset, of the data sets stored on it and of its hosts (an image
 *   of the host restores its guests); of a data set, its backups and those of the assets storing it.
 * - Failover: only to a standby that survives the scenario (`redundancy.with`, one not lost; none
 *   declared: the standby is assumed to share the fate of an asset whose data is gone). Otherwise
 *   the asset is restored from a surviving copy or rebuilt, in the default time of its kind (an
 *   assumption).
 * - Data loss: an asset whose data is gone counts when it has copies or is a stateful asset
 *   restored (or brought back by its supplier) with no data set declared on it and not a backup
 *   target; a data set counts when one of its stores lost its data: lost when every store did and
 *   no copy survives, else the worst window of its lost stores. The window is the age of the
 *   newest surviving copy, taken as its frequency (no frequency: one day, an assumption); no
 *   surviving copy: the data is lost (`windowMinutes: null`) and the entity is named in
 *   `no-surviving-backup` — exactly those. An entity's RPO is the tightest of the processes using
 *   it, its data or its storage, and the one the analysis makes it inherit.
 * - Recoverable: an asset with no surviving copy is rebuilt empty — its time is in the schedule,
 *   its data loss on the RPO side only. Unrecoverable is only what the kind says nothing can bring
 *   back (a service only a lost supplier recovers): a process running on one directly
 *   (`graph.supportOf`) gets `rtoStatus: unrecoverable`, `achievable: null`.
 * - Hardware: when the kind destroys hardware (site loss), a physical asset (not hosted, not a
 *   software kind) recovered by restore or rebuild with no `recovery.spare` waits for its
 *   replacement first: its `repairTime`, else 3 days (an assumption), added to its recovery
 *   (`no-spare-hardware`).
 * - Schedule: `planRecovery` of the lost assets (its dependencies, priorities and teams), each
 *   restore reading from the copy chosen here; a process's time and deciding chain are the plan's
 *   (`plan.processes`); a process hit only through inherited infrastructure is back when the last
 *   of it is. RTO met or missed on that time.
 * - RPO: the worst data loss among the entities a process uses directly (its assets, their data
 *   sets and hosts, its data): infrastructure rebuilt empty delays it but loses none of its data.
 * - Runbook: the schedule's tasks in order, each with its action (per method: restore from the
 *   copy, rebuild from scratch with or without data to re-enter, failover to the named standby,
 *   the supplier; or the kind's wording), the assets it waits for and the declared procedure.
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
import { DEFAULT_RECOVERY_MINUTES, recoveryOf } from '../recovery-time.js';
import {
  planRecovery,
  type PlannedTask,
  type RecoveryPlan,
  type RecoveryPlanOptions,
} from '../schedule/plan.js';
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

/**
 * The tightest RPO (minutes) of each entity: of the processes using it (its assets, its data),
 * and, as the business impact analysis does, the RPO an asset inherits; a data set also takes
 * the RPO of the assets storing it.
 */
function rposOf(graph: ModelGraph, bia: BiaResult | undefined): Map<string, number> {
  const result = new Map<string, number>();
  const set = (id: string, minutes: number): void => {
    const known = result.get(id);
    if (known === undefined || minutes < known) result.set(id, minutes);
  };
  for (const process of graph.model.processes) {
    const minutes = minutesOf(process.rpo);
    if (minutes === undefined) continue;
    const support = graph.supportOf(process.id);
    for (const id of [...(process.assets ?? []), ...support.assets]) {
      set(id, minutes);
      for (const data of graph.dataOn(id)) set(data, minutes);
    }
    for (const id of [...(process.data ?? []), ...support.data]) {
      set(id, minutes);
      for (const asset of graph.data(id)?.storedOn ?? []) set(asset, minutes);
    }
  }
  for (const inherited of bia?.assets ?? []) {
    if (inherited.rpo === undefined) continue;
    set(inherited.asset, inherited.rpo.minutes);
    for (const data of graph.dataOn(inherited.asset)) set(data, inherited.rpo.minutes);
  }
  return result;
}

interface BestCopy {
  readonly backup: string;
  readonly minutes: number;
  readonly assumed: boolean;
}

/** How a lost asset comes back in the scenario: its method, unless its standby is lost too. */
interface Recovery {
  readonly method: 'restore' | 'rebuild' | 'failover' | 'supplier';
  /** Set when a failover is impossible: its standby is lost with it. */
  readonly standbyLost?: boolean;
}

const lower = (t: LocalizedText): LocalizedText =>
  text(
    `${t.en.charAt(0).toLowerCase()}${t.en.slice(1)}`,
    `${t.fr.charAt(0).toLowerCase()}${t.fr.slice(1)}`,
  );

function actionOf(
  graph: ModelGraph,
  asset: Asset,
  recovery: Recovery,
  from: BestCopy | undefined,
  dataLost: boolean,
  replacement: boolean,
): LocalizedText {
  const name = label(graph, asset.id);
  const method = recovery.method;
  let action: LocalizedText;
  if (method === 'restore')
    action =
      from !== undefined
        ? text(
            `Restore ${name} from ${label(graph, from.backup)}`,
            `Restaurer ${name} depuis ${label(graph, from.backup)}`,
          )
        : dataLost
          ? text(
              `Rebuild ${name} from scratch (no backup survives) and re-enter its data`,
              `Reconstruire ${name} de zéro (aucune sauvegarde ne subsiste) et ressaisir ses données`,
            )
          : text(
              `Rebuild ${name} from scratch (no configuration backup)`,
              `Reconstruire ${name} de zéro (pas de sauvegarde de configuration)`,
            );
  else if (method === 'rebuild') action = text(`Rebuild ${name}`, `Reconstruire ${name}`);
  else if (method === 'failover') {
    const standby = (asset.redundancy?.with ?? []).map((id) => label(graph, id));
    action =
      standby.length === 0
        ? text(`Fail ${name} over to its standby`, `Basculer ${name} sur son secours`)
        : text(
            `Fail ${name} over to its standby (${standby.join(', ')})`,
            `Basculer ${name} sur son secours (${standby.join(', ')})`,
          );
  } else
    action = text(
      `Have the supplier bring ${name} back`,
      `Faire rétablir ${name} par son fournisseur`,
    );
  if (recovery.standbyLost === true)
    action = text(
      `Its standby is lost too: ${lower(action).en}`,
      `Son secours est perdu aussi : ${lower(action).fr}`,
    );
  if (!replacement) return action;
  return text(
    `Get replacement hardware for ${name}, then: ${lower(action).en}`,
    `Obtenir un matériel de remplacement pour ${name}, puis : ${lower(action).fr}`,
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
  const bestOf = (ids: readonly string[]): BestCopy | undefined => {
    let best: BestCopy | undefined;
    for (const backupId of ids) {
      if (outage.lostBackups.has(backupId)) continue;
      const declared = minutesOf(graph.backup(backupId)?.frequency);
      const minutes = declared ?? DEFAULT_COPY_FREQUENCY_MINUTES;
      if (best === undefined || minutes < best.minutes)
        best = { backup: backupId, minutes, assumed: declared === undefined };
    }
    return best;
  };
  const bestSurviving = (id: string): BestCopy | undefined => bestOf(copiesOf(graph, id));
  const used = (copy: BestCopy | undefined): BestCopy | undefined => {
    if (copy?.assumed === true) frequencyAssumed.add(copy.backup);
    return copy;
  };

  // How each lost asset comes back: a failover needs a standby that survives the scenario
  // (`redundancy.with`; none declared: the standby is assumed to share the fate of an asset whose
  // data is gone); otherwise it is restored from a surviving copy or rebuilt.
  const recoveries = new Map<string, Recovery>();
  const durations: Record<string, number> = { ...(outage.durations ?? {}) };
  const standbyLost: string[] = [];
  const standbyAssumed: string[] = [];
  for (const id of [...lost].sort(byId)) {
    const asset = graph.asset(id);
    if (asset === undefined) continue;
    const own = recoveryOf(asset);
    if (own.method !== 'failover') {
      recoveries.set(id, { method: own.method });
      continue;
    }
    const standby = (asset.redundancy?.with ?? []).filter((s) => graph.asset(s) !== undefined);
    const survives = standby.length > 0 ? standby.some((s) => !lost.has(s)) : !destroyed.has(id);
    if (survives) {
      recoveries.set(id, { method: 'failover' });
      continue;
    }
    if (standby.length === 0) standbyAssumed.push(id);
    standbyLost.push(id);
    recoveries.set(id, {
      method: bestSurviving(id) === undefined ? 'rebuild' : 'restore',
      standbyLost: true,
    });
    if (durations[id] === undefined) durations[id] = DEFAULT_RECOVERY_MINUTES[asset.kind];
  }
  if (standbyLost.length > 0) {
    const names = nameList(graph, standbyLost);
    assumptions.push({
      subject: 'failover',
      message: text(
        `${names.en}: the standby is lost in the same scenario, so no failover; restored from a surviving copy or rebuilt in the default time of its kind.`,
        `${names.fr} : le secours est perdu dans le même scénario, donc pas de bascule ; restauration depuis une copie qui subsiste ou reconstruction dans la durée par défaut de son type.`,
      ),
    });
  }
  if (standbyAssumed.length > 0) {
    const names = nameList(graph, standbyAssumed);
    assumptions.push({
      subject: 'standby',
      message: text(
        `${names.en} declare no standby (redundancy.with): it is assumed lost with them.`,
        `${names.fr} ne déclarent pas de secours (redundancy.with) : il est supposé perdu avec eux.`,
      ),
    });
  }

  // Data loss. An asset whose data is gone counts when it has copies (backups of it, its data
  // sets or its hosts) or is a stateful asset restored with no data set declared on it; an asset
  // that fails over to a surviving standby loses nothing. A data set counts when one of its
  // stores lost its data: lost (no window) when every store did and no copy survives, else the
  // worst window of its lost stores (the newest surviving copy of the data set or of the store).
  const bia = graph.model.processes.length === 0 || lost.size === 0 ? undefined : biaOf(graph);
  const rpos = rposOf(graph, bia);
  const windows = new Map<string, BestCopy | null>();
  // a backup target's data is the copies themselves, whose fate the backups list tells
  const targets = new Set(graph.model.backups.map((b) => b.target).filter((t) => t !== undefined));
  for (const id of destroyed) {
    const asset = graph.asset(id);
    const recovery = recoveries.get(id);
    if (asset === undefined || recovery === undefined || recovery.method === 'failover') continue;
    if (
      copiesOf(graph, id).length > 0 ||
      ((recovery.method === 'restore' || recovery.method === 'supplier') &&
        STATEFUL_KINDS.includes(asset.kind) &&
        !targets.has(id) &&
        graph.dataOn(id).length === 0)
    )
      windows.set(id, used(bestSurviving(id)) ?? null);
  }
  let partialAssumed = false;
  for (const data of dataOnLost) {
    const places = (graph.data(data)?.storedOn ?? []).filter((a) => graph.asset(a) !== undefined);
    const gone = places.filter((a) => destroyed.has(a) && recoveries.get(a)?.method !== 'failover');
    if (gone.length === 0) continue;
    const own = copiesOf(graph, data);
    const perStore = gone.map((a) => bestOf([...own, ...copiesOf(graph, a)]));
    const found = perStore.filter((c): c is BestCopy => c !== undefined);
    let worst: BestCopy | undefined;
    for (const copy of found) if (worst === undefined || copy.minutes > worst.minutes) worst = copy;
    if (worst !== undefined) windows.set(data, used(worst) ?? null);
    else if (gone.length === places.length) windows.set(data, null);
    // else some stores survive and hold the data: nothing to restore, no loss to list
    else partialAssumed = true;
  }
  if (partialAssumed)
    assumptions.push({
      subject: 'data',
      message: text(
        'A data set stored on several assets is assumed whole on each: when some of its stores survive, it is taken back from them.',
        'Un jeu de données stocké sur plusieurs actifs est supposé complet sur chacun : quand certains de ses stockages subsistent, il est repris depuis eux.',
      ),
    });
  const best = new Map<string, BestCopy | undefined>();
  const dataLoss: DataLoss[] = [...windows.keys()].sort(byId).map((entity) => {
    const found = windows.get(entity) ?? null;
    const copy = found === null ? undefined : found;
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
  const dataLost = new Set(dataLoss.filter((d) => d.windowMinutes === null).map((d) => d.entity));

  // What no surviving copy can bring back (the data-loss rows with no window), and hardware.
  const unrecoverable = new Map(outage.unrecoverable ?? []);
  const noBackup = [...dataLost].sort(byId);
  const noSpare: string[] = [];
  let deliveryAssumed = false;
  for (const id of [...lost].sort(byId)) {
    const asset = graph.asset(id);
    const recovery = recoveries.get(id);
    if (asset === undefined || recovery === undefined || !destroyed.has(id)) continue;
    if (
      outage.hardwareLost === true &&
      isHardware(asset) &&
      asset.recovery?.spare !== true &&
      (recovery.method === 'restore' || recovery.method === 'rebuild')
    ) {
      noSpare.push(id);
      const repair = minutesOf(asset.repairTime);
      if (repair === undefined) deliveryAssumed = true;
      const ownMinutes = recoveryOf(asset).minutes;
      const own = Number.isFinite(ownMinutes) ? ownMinutes : 0;
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
        `No backup survives for ${names.en}: their data is lost; they are rebuilt empty.`,
        `Aucune sauvegarde ne subsiste pour ${names.fr} : leurs données sont perdues ; ils sont reconstruits vides.`,
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
  // each restore reads from the copy chosen here: its storage and backup server come first
  const restoreFrom: Record<string, string | null> = {};
  for (const [id, recovery] of recoveries) {
    if (recovery.method === 'failover' || recovery.method === 'supplier') continue;
    const copy = recovery.method === 'restore' ? bestSurviving(id) : undefined;
    restoreFrom[id] = copy?.backup ?? null;
  }
  const teams = outage.teams ?? options.teams;
  const planOptions: RecoveryPlanOptions & {
    readonly restoreFrom?: Readonly<Record<string, string | null>>;
  } = {
    assets: [...lost].sort(byId),
    durations,
    ...(outage.precedences === undefined ? {} : { precedences: outage.precedences }),
    ...(teams === undefined ? {} : { teams }),
    restoreFrom,
  };
  const plan = planRecovery(graph, planOptions);
  const byAsset = new Map(plan.tasks.map((task) => [task.asset, task]));
  const planned = new Map(plan.processes.map((p) => [p.process, p]));
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

  // Processes: those resting on a lost asset (the analysis's inheritance, asset → processes).
  // Their time is the plan's; their RPO the worst data loss among what they use directly (their
  // assets, their data, where it is stored, their hosts): infrastructure rebuilt empty (a
  // directory, a switch) delays them but loses none of their data.
  const processesOf = new Map((bia?.assets ?? []).map((a) => [a.asset, a.processes]));
  const hits = new Map<string, string[]>();
  for (const id of lost) for (const process of processesOf.get(id) ?? []) push(hits, process, id);
  const direct = new Map(graph.model.processes.map((p) => [p.id, graph.supportOf(p.id)]));
  const lossByEntity = new Map(dataLoss.map((d) => [d.entity, d]));
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
      const support = direct.get(process.id);
      const directLost = (support?.assets ?? []).filter((id) => lost.has(id));
      if (hit.length === 0 && directLost.length === 0)
        return {
          process: process.id,
          impacted: false,
          ...objectives,
          achievable: 0,
          rtoStatus: rto === undefined ? 'no-rto' : 'met',
          rpoStatus: rpo === undefined ? 'no-rpo' : 'met',
          chain: [],
        };
      let achievable: number;
      let chain: readonly string[];
      const fromPlan = planned.get(process.id);
      if (fromPlan !== undefined) {
        achievable = fromPlan.achievable;
        chain = fromPlan.chain;
      } else {
        // only inherited infrastructure is lost: back when the last of it is
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
        achievable = last?.end ?? 0;
        chain = last === undefined ? [] : chainOf(last.asset);
      }
      // nothing can bring back an asset it runs on directly
      const blocked = (support?.assets ?? []).some((id) => unrecoverable.has(id));
      const rtoStatus: ProcessOutcome['rtoStatus'] = blocked
        ? 'unrecoverable'
        : rto === undefined
          ? 'no-rto'
          : achievable <= rto
            ? 'met'
            : 'missed';
      let rpoStatus: ProcessOutcome['rpoStatus'] = rpo === undefined ? 'no-rpo' : 'met';
      const usedEntities = new Set([
        ...(support?.assets ?? []),
        ...(support?.data ?? []),
        ...(process.data ?? []),
        ...(support?.assets ?? []).flatMap((id) => graph.dataOn(id)),
      ]);
      for (const entity of usedEntities) {
        const loss = lossByEntity.get(entity);
        if (loss === undefined) continue;
        if (loss.windowMinutes === null) rpoStatus = 'lost';
        else if (rpo !== undefined && loss.windowMinutes > rpo && rpoStatus !== 'lost')
          rpoStatus = 'missed';
      }
      return {
        process: process.id,
        impacted: true,
        ...objectives,
        achievable: blocked ? null : achievable,
        rtoStatus,
        rpoStatus,
        chain,
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
    const recovery = recoveries.get(task.asset);
    const copy = best.has(task.asset) ? best.get(task.asset) : bestSurviving(task.asset);
    const action =
      outage.actions?.get(task.asset) ??
      (asset === undefined || recovery === undefined
        ? text(`Recover ${task.asset}`, `Rétablir ${task.asset}`)
        : actionOf(
            graph,
            asset,
            recovery,
            recovery.method === 'restore' ? used(copy) : undefined,
            dataLost.has(task.asset) || graph.dataOn(task.asset).some((d) => dataLost.has(d)),
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
