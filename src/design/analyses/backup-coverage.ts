/**
 * Which backups hold a copy of what, and whether they are frequent enough for the recovery point
 * objectives (RPO) of the business processes: computed once per model, read by the
 * `backup-rpo-not-met` rule (per asset or data set) and by the documents (per process), so that a
 * document cannot call an RPO met that a finding says is not.
 */
import { durationMinutes } from '../../domain/duration.js';
import type { Backup } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';

/** The most frequent backup of an entity. */
export interface BestBackup {
  readonly backup: string;
  /** Its interval, in minutes. */
  readonly minutes: number;
}

/**
 * True for a replication or a synchronisation: it copies the current state, a deletion or an
 * encryption included, so it is continuity, not a backup, and protects nothing against ransomware.
 */
export function isReplica(backup: Backup): boolean {
  return backup.method === 'replication' || backup.method === 'sync';
}

/**
 * True when a snapshot stays on the storage of what it protects (no target, or the target is the
 * entity, a host of it, or for a data set an asset storing it): losing or encrypting that storage
 * loses the snapshot too.
 */
export function isSnapshotOnSameStorage(graph: ModelGraph, backup: Backup, id: string): boolean {
  if (backup.method !== 'snapshot') return false;
  const target = backup.target;
  if (target === undefined) return true;
  const storage = new Set<string>([id, ...graph.hostsOf(id)]);
  for (const asset of graph.data(id)?.storedOn ?? [])
    for (const place of [asset, ...graph.hostsOf(asset)]) storage.add(place);
  return storage.has(target);
}

/**
 * True when a copy survives an attacker with the administrator accounts: offline or immutable,
 * a real backup (not a replica) and not a snapshot on the very storage of `id`.
 */
export function isIsolatedCopy(graph: ModelGraph, backup: Backup, id: string): boolean {
  return (
    (backup.offline === true || backup.immutable === true) &&
    !isReplica(backup) &&
    !isSnapshotOnSameStorage(graph, backup, id)
  );
}

/** The backups holding a copy of one asset or data set. */
export interface EntityBackupCoverage {
  readonly id: string;
  /**
   * Backups that hold a copy of it: those protecting it and, for a data set, those protecting an
   * asset it is stored on; in id order. Replications and synchronisations are not among them.
   */
  readonly backups: readonly Backup[];
  /** Replications and synchronisations copying it (see {@link isReplica}), in id order. */
  readonly replicas: readonly Backup[];
  /** The most frequent of them (ties: the smallest id); absent when none states a frequency. */
  readonly best?: BestBackup;
}

/** A business process's recovery objectives against the backups of what it relies on. */
export interface ProcessRecovery {
  readonly process: string;
  /** What its RPO is about: the data sets it uses, else (when it declares none) its assets. */
  readonly entities: readonly string[];
  /**
   * What the RPO is checked on: those entities, plus the backed-up assets storing its data sets
   * (losing such an asset loses what it stores since its last backup).
   */
  readonly relied: readonly string[];
  /** Backup ids holding a copy of something it relies on, in id order. */
  readonly backups: readonly string[];
  /** Entities no backup holds a copy of. */
  readonly uncovered: readonly string[];
  /** The worst best interval over what it relies on (minutes); absent when none is known. */
  readonly interval?: number;
  readonly rpo?: number;
  readonly rto?: number;
  readonly mtpd?: number;
  /** Whether the interval meets the RPO; absent when either is unknown. */
  readonly rpoMet?: boolean;
}

export interface BackupCoverageAnalysis {
  /** Every asset or data set some backup protects, in id order. */
  readonly protectedEntities: readonly string[];
  /** The coverage of every asset and data set of the model. */
  readonly coverage: ReadonlyMap<string, EntityBackupCoverage>;
  /** Process ids relying on an asset or data set (see {@link ProcessRecovery.relied}). */
  readonly relyingProcesses: ReadonlyMap<string, readonly string[]>;
  /** Each process of the model, in model order. */
  readonly processes: readonly ProcessRecovery[];
}

/** Minutes of a duration, `undefined` when absent or unreadable. */
export function minutesOf(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const minutes = durationMinutes(duration);
  return Number.isNaN(minutes) ? undefined : minutes;
}

/**
 * Copies (backups and replicas alike) of an asset or data set: those protecting it and, for a
 * data set, those protecting an asset it is stored on.
 */
export function backupsCovering(graph: ModelGraph, id: string): Backup[] {
  const ids = new Set(graph.backupsOf(id));
  for (const asset of graph.data(id)?.storedOn ?? [])
    for (const backup of graph.backupsOf(asset)) ids.add(backup);
  return [...ids]
    .sort()
    .map((backupId) => graph.backup(backupId))
    .filter((backup): backup is Backup => backup !== undefined);
}

function bestOf(backups: readonly Backup[]): BestBackup | undefined {
  let best: BestBackup | undefined;
  // backups come in id order: the first of equal intervals is the smallest id
  for (const backup of backups) {
    const minutes = minutesOf(backup.frequency);
    if (minutes !== undefined && (best === undefined || minutes < best.minutes))
      best = { backup: backup.id, minutes };
  }
  return best;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** Computes the backup coverage of the model's entities and processes. */
export function analyseBackupCoverage(graph: ModelGraph): BackupCoverageAnalysis {
  const { model } = graph;
  const coverage = new Map<string, EntityBackupCoverage>();
  for (const { id } of [...model.assets, ...model.data]) {
    const copies = backupsCovering(graph, id);
    const backups = copies.filter((backup) => !isReplica(backup));
    const replicas = copies.filter(isReplica);
    coverage.set(id, { id, backups, replicas, ...optional('best', bestOf(backups)) });
  }
  const none: EntityBackupCoverage = { id: '', backups: [], replicas: [] };
  const coverageOf = (id: string): EntityBackupCoverage => coverage.get(id) ?? none;
  const protectedEntities = [...new Set(model.backups.flatMap((backup) => backup.protects))]
    .filter((id) => graph.has(id))
    .sort();
  const isProtected = new Set(protectedEntities);

  const relying = new Map<string, string[]>();
  const processes = model.processes.map((process): ProcessRecovery => {
    const data = (process.data ?? []).filter((id) => graph.data(id) !== undefined);
    const entities =
      data.length > 0 ? data : (process.assets ?? []).filter((id) => graph.asset(id) !== undefined);
    const relied = new Set(entities);
    for (const id of data)
      for (const asset of graph.data(id)?.storedOn ?? [])
        if (isProtected.has(asset) && graph.asset(asset) !== undefined) relied.add(asset);
    const backups = new Set<string>();
    let interval: number | undefined;
    for (const id of relied) {
      const list = relying.get(id);
      if (list === undefined) relying.set(id, [process.id]);
      else list.push(process.id);
      const coverage = coverageOf(id);
      for (const backup of coverage.backups) backups.add(backup.id);
      const best = coverage.best?.minutes;
      if (best !== undefined && (interval === undefined || best > interval)) interval = best;
    }
    const rpo = minutesOf(process.rpo);
    return {
      process: process.id,
      entities,
      relied: [...relied],
      backups: [...backups].sort(),
      uncovered: entities.filter((id) => coverageOf(id).backups.length === 0),
      ...optional('interval', interval),
      ...optional('rpo', rpo),
      ...optional('rto', minutesOf(process.rto)),
      ...optional('mtpd', minutesOf(process.mtpd)),
      ...optional(
        'rpoMet',
        rpo === undefined || interval === undefined ? undefined : interval <= rpo,
      ),
    };
  });
  return { protectedEntities, coverage, relyingProcesses: relying, processes };
}
