/**
 * Backups against the disaster recovery plan (issue 14, CP4): for every data set and every asset
 * that needs recovering, the recovery point objective (RPO) it must meet, the backups holding a
 * copy of it, the 3-2-1-1-0 grid, and which backups a ransomware started from the office would
 * encrypt too. A pure function over the model graph: no I/O, no clock (`today` is an option).
 *
 * Reasoning, rule by rule:
 * - RPO: the tightest RPO of the processes that use the entity directly (`process.data`,
 *   `process.assets`, and the assets storing the process's data). A process that only depends on
 *   another one does not inherit its data: the RPO is the using process's.
 * - Copies: a backup protecting the entity, or protecting what it is stored on (data set) or what
 *   it stores (asset). Replications and synchronisations are listed but are not backups (they copy
 *   an encryption or a deletion, see `isReplica`), so they count for none of the grid's rules.
 * - 3 copies: the primary plus `copies` (default 1, an assumption) of each backup.
 * - 2 media: the distinct storages holding a copy: the primary storage (the entity and what it
 *   is stored or hosted on) and each backup's target asset, provider or zone; a snapshot without
 *   a target or on the primary storage adds none; a backup whose location is unknown adds none.
 * - 1 off-site: a backup on another site than every site of the entity, or at a provider / in a
 *   cloud zone (`backupLocation` of the backup rules).
 * - 1 offline or immutable: `isIsolatedCopy` (replicas and same-storage snapshots do not count).
 * - No backup: flagged for what holds data only: a data set, an asset a data set is stored on, or
 *   a kind that keeps state (servers, databases, file servers, NAS and other storage, directories,
 *   OT supervision and historians, see `STATEFUL_KINDS`), when it is recovered by a restore. A
 *   stateless device (network, security or control gear, printers, workstations…) has no business
 *   data an RPO could apply to: a network, security or control device without backup only gets a
 *   low `no-configuration-backup` point (its configuration is rebuilt by hand otherwise), the rest
 *   nothing.
 * - 0 errors: every backup of the entity has a successful restore test no older than
 *   `maxRestoreTestAgeDays` (default 365), and there is at least one backup.
 * - Frequency and retention: a backup meets the RPO when its frequency is at most the RPO; its
 *   retention is sensible when it keeps at least 7 days and at least two backups.
 * - Exposure (see `reasonsToReach`): what an attacker holding the user, Wi-Fi, guest and
 *   remote-access zones reaches in one step, on the backup's target, the target's hosts and the
 *   backup servers writing to it; a replica copies the encryption and a snapshot on the protected
 *   storage is encrypted with it. Offline or immutable copies are never exposed.
 */
import {
  effectiveAdminTargets,
  FILTERING_KINDS,
  STATEFUL_KINDS,
  type Asset,
  type AssetKind,
  type Backup,
  type BackupMethod,
  type ZoneKind,
} from '../../domain/model/index.js';
import { formatDuration, formatDurationFr } from '../../domain/duration.js';
import { isIsolatedCopy, isReplica, minutesOf } from '../../design/analyses/backup-coverage.js';
import { backupLocation, sitesOf } from '../../design/rules/support-resilience.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind, label, privilegedGroups, zoneChainOf } from '../../model/predicates.js';
import { recoveryOf } from '../recovery-time.js';

export type BackupSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A finding of the assessment. */
export interface BackupFlag {
  readonly code: string;
  readonly severity: BackupSeverity;
  /** Entity ids concerned, the main one first. */
  readonly subjects: readonly string[];
  readonly message: LocalizedText;
}

/** A default the assessment used in place of a value the model does not give. */
export interface BackupAssumption {
  /** The entity the default applies to (`options` for an engine-wide default). */
  readonly subject: string;
  readonly message: LocalizedText;
}

export interface BackupAssessmentOptions {
  /** ISO date the restore tests are aged against. */
  readonly today: string;
  /** Age in days past which a restore test is stale (default 365). */
  readonly maxRestoreTestAgeDays?: number;
}

export const DEFAULT_MAX_RESTORE_TEST_AGE_DAYS = 365;

/**
 * Shortest retention deemed sensible (7 days): an encryption or a corruption noticed a few days
 * late must still find a clean version. Retention must also hold at least two backups.
 */
export const MIN_RETENTION_MINUTES = 7 * 24 * 60;

/**
 * Stateless kinds whose configuration is worth a backup: network and security devices and
 * industrial controllers (a PLC program declared as a data set makes the PLC hold data).
 */
export const CONFIGURATION_BACKUP_KINDS: readonly AssetKind[] = [
  ...FILTERING_KINDS,
  'router',
  'switch',
  'load-balancer',
  'wifi-controller',
  'ids',
  'plc',
  'hmi',
  'rtu',
  'safety-system',
];

/** Zone kinds an attacker who took the office holds: users, Wi-Fi, guests, remote access. */
export const ATTACKER_ZONE_KINDS: readonly ZoneKind[] = [
  'user',
  'wifi',
  'guest-wifi',
  'remote-access',
];

export type RestoreTestStatus = 'ok' | 'never' | 'failed' | 'partial' | 'stale';

/** Why a backup would be encrypted by a ransomware holding the office zones. */
export type ExposureReason =
  | { readonly kind: 'replica' }
  | { readonly kind: 'same-storage' }
  | { readonly kind: 'in-user-zone'; readonly asset: string }
  | { readonly kind: 'flow'; readonly flow: string; readonly to: string }
  | { readonly kind: 'admin-interface'; readonly asset: string; readonly from: string }
  | { readonly kind: 'domain-joined'; readonly asset: string }
  | { readonly kind: 'admin-account'; readonly identity: string; readonly asset: string };

/** A backup as a whole: where it is and whether a ransomware reaches it. */
export interface BackupExposure {
  readonly backup: string;
  readonly method: BackupMethod;
  /** Offline or immutable and a real backup (not a replica, see `isIsolatedCopy`). */
  readonly isolated: boolean;
  readonly exposed: boolean;
  /** Why it is reachable; empty when isolated (an isolated copy is never exposed). */
  readonly reasons: readonly ExposureReason[];
  readonly restoreTest: RestoreTestStatus;
  /** Age of the last restore test in days, when there is one. */
  readonly restoreTestAgeDays?: number;
  readonly encrypted: boolean;
}

/** One backup seen from an entity it holds a copy of. */
export interface EntityBackupCopy {
  readonly backup: string;
  /** The asset or data set the backup protects on this entity's behalf, when not the entity. */
  readonly via?: string;
  readonly replica: boolean;
  readonly frequencyMinutes?: number;
  readonly retentionMinutes?: number;
  /** Frequency ≤ RPO; absent when either is unknown. */
  readonly meetsRpo?: boolean;
  /** Retention ≥ max(7 days, 2 × frequency); absent when unknown. */
  readonly retentionSensible?: boolean;
  readonly offsite: boolean;
  readonly isolated: boolean;
  readonly exposed: boolean;
}

/** The 3-2-1-1-0 grid of one entity. */
export interface BackupGrid {
  readonly copies: number;
  readonly media: number;
  readonly offsite: boolean;
  readonly isolated: boolean;
  readonly errorFree: boolean;
  /** Every backup encrypted (false when there is none). */
  readonly encrypted: boolean;
  /** Each of the five rules met. */
  readonly met: boolean;
}

export interface EntityBackupAssessment {
  readonly id: string;
  readonly kind: 'asset' | 'data';
  /** The tightest RPO and the process that sets it. */
  readonly rpo?: { readonly minutes: number; readonly process: string };
  readonly copies: readonly EntityBackupCopy[];
  /** Best (smallest) frequency among real backups, minutes. */
  readonly bestFrequencyMinutes?: number;
  readonly rpoMet?: boolean;
  readonly grid: BackupGrid;
  /** At least one real backup a ransomware from the office would not reach. */
  readonly survivesRansomware: boolean;
}

export interface BackupAssessment {
  readonly entities: readonly EntityBackupAssessment[];
  readonly backups: readonly BackupExposure[];
  readonly flags: readonly BackupFlag[];
  readonly assumptions: readonly BackupAssumption[];
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.floor((b - a) / DAY_MS);
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The tightest RPO of each entity, with the process setting it (ties: smallest process id). */
function rposOf(graph: ModelGraph): Map<string, { minutes: number; process: string }> {
  const result = new Map<string, { minutes: number; process: string }>();
  for (const process of graph.model.processes) {
    const minutes = minutesOf(process.rpo);
    if (minutes === undefined) continue;
    const entities = new Set<string>();
    for (const id of process.assets ?? []) if (graph.asset(id) !== undefined) entities.add(id);
    for (const id of process.data ?? []) {
      const data = graph.data(id);
      if (data === undefined) continue;
      entities.add(id);
      for (const asset of data.storedOn ?? []) if (graph.asset(asset)) entities.add(asset);
    }
    for (const id of entities) {
      const known = result.get(id);
      if (
        known === undefined ||
        minutes < known.minutes ||
        (minutes === known.minutes && process.id < known.process)
      )
        result.set(id, { minutes, process: process.id });
    }
  }
  return result;
}

/**
 * Admin identities per asset: identities (persons or shared accounts) whose own or group rights
 * give them admin on it, and that an attacker of the office would hold: a shared account, an
 * interactive person in a privileged group (domain admins) that logs in from anywhere (no
 * `loginFrom`), or an account logging in from an attacker zone. A privileged person restricted to
 * administration zones or workstations is not counted. Service accounts alone are not counted. Built once: O(identities).
 */
function riskyAdminsByAsset(graph: ModelGraph): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const identity of graph.model.identities) {
    if (identity.kind === 'group' || identity.kind === 'service-account') {
      if (identity.shared !== true) continue;
    }
    const places = identity.loginFrom ?? [];
    const fromOffice = places.some((place) => isInZoneKind(graph, place, ATTACKER_ZONE_KINDS));
    // a privileged-group member is used interactively where the office is: from an attacker zone,
    // or from anywhere when the model does not restrict where it logs in from
    const risky =
      identity.shared === true ||
      fromOffice ||
      (privilegedGroups(graph, identity).length > 0 && places.length === 0);
    if (!risky) continue;
    for (const target of effectiveAdminTargets(graph, identity)) {
      const list = result.get(target);
      if (list === undefined) result.set(target, [identity.id]);
      else list.push(identity.id);
    }
  }
  return result;
}

/**
 * The storage assets of a backup a ransomware would have to reach: its target, what the target
 * runs on, and the backup servers writing to it (a `backup-server` asset with a flow to it).
 */
function backupStorage(graph: ModelGraph, backup: Backup): string[] {
  if (backup.target === undefined || graph.asset(backup.target) === undefined) return [];
  const places = new Set<string>([backup.target, ...graph.hostsOf(backup.target)]);
  for (const flow of graph.flowsTo(backup.target))
    if (graph.asset(flow.from)?.kind === 'backup-server') places.add(flow.from);
  for (const flow of graph.flowsFrom(backup.target))
    if (flow.bidirectional === true && graph.asset(flow.to)?.kind === 'backup-server')
      places.add(flow.to);
  return [...places].sort();
}

/**
 * Why a ransomware holding the office zones reaches an asset in one step:
 * - a flow from an attacker zone (or an asset in one) to the asset or a zone around it (a
 *   bidirectional flow counts both ways); longer lateral paths are the ransomware scenario's job;
 * - an administration interface reachable from an attacker zone;
 * - joined to the directory (authentication `directory` or `sso`): the attacker's usual first
 *   prize is the domain, whose admin accounts then open the asset;
 * - an admin account the attacker holds (see `riskyAdminsByAsset`).
 */
function reasonsToReach(
  graph: ModelGraph,
  asset: Asset,
  admins: ReadonlyMap<string, readonly string[]>,
): ExposureReason[] {
  const reasons: ExposureReason[] = [];
  const attacker = (id: string): boolean => isInZoneKind(graph, id, ATTACKER_ZONE_KINDS);
  if (attacker(asset.id)) reasons.push({ kind: 'in-user-zone', asset: asset.id });
  const seen = new Set<string>();
  // (an asset inside an attacker zone is reached anyway: its zone's flows add nothing)
  for (const endpoint of attacker(asset.id) ? [] : [asset.id, ...zoneChainOf(graph, asset.id)]) {
    const flows = [
      ...graph.flowsTo(endpoint).map((flow) => ({ flow, from: flow.from })),
      ...graph
        .flowsFrom(endpoint)
        .filter((flow) => flow.bidirectional === true)
        .map((flow) => ({ flow, from: flow.to })),
    ];
    for (const { flow, from } of flows) {
      if (seen.has(flow.id) || !attacker(from)) continue;
      seen.add(flow.id);
      reasons.push({ kind: 'flow', flow: flow.id, to: asset.id });
    }
  }
  for (const face of asset.adminInterfaces ?? []) {
    const from = (face.from ?? []).find(attacker);
    if (from !== undefined) reasons.push({ kind: 'admin-interface', asset: asset.id, from });
  }
  const method = asset.authentication?.method;
  if (method === 'directory' || method === 'sso')
    reasons.push({ kind: 'domain-joined', asset: asset.id });
  for (const identity of admins.get(asset.id) ?? [])
    reasons.push({ kind: 'admin-account', identity, asset: asset.id });
  return reasons;
}

function restoreStatus(
  backup: Backup,
  today: string,
  maxDays: number,
): { status: RestoreTestStatus; age?: number } {
  const test = backup.lastRestoreTest;
  if (test === undefined) return { status: 'never' };
  const age = daysBetween(test.date, today);
  const aged = age === undefined ? {} : { age };
  if (test.result === 'failure') return { status: 'failed', ...aged };
  if (test.result === 'partial') return { status: 'partial', ...aged };
  if (age !== undefined && age > maxDays) return { status: 'stale', ...aged };
  return { status: 'ok', ...aged };
}

/** Describes the reasons of an exposure in both languages. */
export function describeExposure(
  graph: ModelGraph,
  reasons: readonly ExposureReason[],
): LocalizedText {
  const parts = reasons.map((reason): LocalizedText => {
    switch (reason.kind) {
      case 'replica':
        return text('a replica copies the encryption', 'une réplication recopie le chiffrement');
      case 'same-storage':
        return text(
          'a snapshot on the storage it protects',
          'un instantané sur le stockage qu’il protège',
        );
      case 'in-user-zone':
        return text(
          `${label(graph, reason.asset)} sits in an office zone`,
          `${label(graph, reason.asset)} est dans une zone bureautique`,
        );
      case 'flow':
        return text(
          `flow ${reason.flow} from an office or remote-access zone to ${label(graph, reason.to)}`,
          `flux ${reason.flow} depuis une zone bureautique ou d’accès distant vers ${label(graph, reason.to)}`,
        );
      case 'admin-interface':
        return text(
          `admin interface of ${label(graph, reason.asset)} reachable from ${label(graph, reason.from)}`,
          `interface d’administration de ${label(graph, reason.asset)} accessible depuis ${label(graph, reason.from)}`,
        );
      case 'domain-joined':
        return text(
          `${label(graph, reason.asset)} is joined to the directory`,
          `${label(graph, reason.asset)} est joint à l’annuaire`,
        );
      case 'admin-account':
        return text(
          `${label(graph, reason.identity)} administers ${label(graph, reason.asset)}`,
          `${label(graph, reason.identity)} administre ${label(graph, reason.asset)}`,
        );
    }
  });
  return text(parts.map((p) => p.en).join('; '), parts.map((p) => p.fr).join(' ; '));
}

/** Storage places of an entity: itself, what it is stored on, and the hosts of those. */
function primaryStorage(graph: ModelGraph, id: string): Set<string> {
  const places = new Set<string>([id, ...graph.hostsOf(id)]);
  for (const asset of graph.data(id)?.storedOn ?? [])
    for (const place of [asset, ...graph.hostsOf(asset)]) places.add(place);
  return places;
}

/** Assesses the backups of the model against the RPOs, the 3-2-1-1-0 rule and ransomware. */
export function assessBackups(
  graph: ModelGraph,
  options: BackupAssessmentOptions,
): BackupAssessment {
  const { model } = graph;
  const maxDays = options.maxRestoreTestAgeDays ?? DEFAULT_MAX_RESTORE_TEST_AGE_DAYS;
  const flags: BackupFlag[] = [];
  const assumptions: BackupAssumption[] = [];
  const flag = (
    code: string,
    severity: BackupSeverity,
    subjects: readonly string[],
    message: LocalizedText,
  ): void => {
    flags.push({ code, severity, subjects, message });
  };
  if (options.maxRestoreTestAgeDays === undefined)
    assumptions.push({
      subject: 'options',
      message: text(
        `A restore test older than ${maxDays} days is stale (default).`,
        `Un test de restauration de plus de ${maxDays} jours est périmé (valeur par défaut).`,
      ),
    });

  // Per backup: location, isolation, restore test, exposure (computed once each).
  const admins = riskyAdminsByAsset(graph);
  const reachCache = new Map<string, ExposureReason[]>();
  const reach = (assetId: string): ExposureReason[] => {
    let reasons = reachCache.get(assetId);
    if (reasons === undefined) {
      const asset = graph.asset(assetId);
      reasons = asset === undefined ? [] : reasonsToReach(graph, asset, admins);
      reachCache.set(assetId, reasons);
    }
    return reasons;
  };
  const exposures = new Map<string, BackupExposure>();
  for (const backup of [...model.backups].sort(byId)) {
    const method = backup.method ?? 'backup';
    const protects = backup.protects.filter((id) => graph.has(id));
    const isolated =
      protects.length > 0 && protects.every((id) => isIsolatedCopy(graph, backup, id));
    // an offline or immutable copy is never exposed: no reason is looked for
    const reasons: ExposureReason[] = [];
    if (!isolated) {
      if (isReplica(backup)) reasons.push({ kind: 'replica' });
      else if (
        method === 'snapshot' &&
        protects.some((id) => {
          const target = backup.target;
          return target === undefined || primaryStorage(graph, id).has(target);
        })
      )
        reasons.push({ kind: 'same-storage' });
      for (const place of backupStorage(graph, backup)) reasons.push(...reach(place));
    }
    const restore = restoreStatus(backup, options.today, maxDays);
    const exposure: BackupExposure = {
      backup: backup.id,
      method,
      isolated,
      exposed: reasons.length > 0,
      reasons,
      restoreTest: restore.status,
      ...(restore.age === undefined ? {} : { restoreTestAgeDays: restore.age }),
      encrypted: backup.encrypted === true,
    };
    exposures.set(backup.id, exposure);
    const name = label(graph, backup.id);
    if (backup.copies === undefined && !isReplica(backup))
      assumptions.push({
        subject: backup.id,
        message: text(
          `${name} keeps one copy (copies not declared).`,
          `${name} conserve une copie (nombre de copies non déclaré).`,
        ),
      });
    if (exposure.exposed)
      flag(
        'backup-exposed-to-ransomware',
        isReplica(backup) ? 'low' : 'high',
        [backup.id, ...protects],
        text(
          `${name} would be encrypted by a ransomware holding the office: ${describeExposure(graph, reasons).en}.`,
          `${name} serait chiffrée par un rançongiciel maître du bureautique : ${describeExposure(graph, reasons).fr}.`,
        ),
      );
    if (isReplica(backup)) continue;
    if (restore.status === 'never')
      flag(
        'restore-test-missing',
        'high',
        [backup.id],
        text(
          `${name} has never been restore-tested.`,
          `${name} n’a jamais été testée en restauration.`,
        ),
      );
    else if (restore.status === 'failed' || restore.status === 'partial')
      flag(
        `restore-test-${restore.status}`,
        restore.status === 'failed' ? 'high' : 'medium',
        [backup.id],
        text(
          `The last restore test of ${name} (${backup.lastRestoreTest?.date ?? ''}) ${restore.status === 'failed' ? 'failed' : 'was partial'}.`,
          `Le dernier test de restauration de ${name} (${backup.lastRestoreTest?.date ?? ''}) ${restore.status === 'failed' ? 'a échoué' : 'n’a été que partiel'}.`,
        ),
      );
    else if (restore.status === 'stale')
      flag(
        'restore-test-stale',
        'medium',
        [backup.id],
        text(
          `The last restore test of ${name} is ${restore.age ?? '?'} days old (more than ${maxDays}).`,
          `Le dernier test de restauration de ${name} date de ${restore.age ?? '?'} jours (plus de ${maxDays}).`,
        ),
      );
    if (backup.encrypted !== true)
      flag(
        'backup-unencrypted',
        'medium',
        [backup.id],
        text(`${name} is not declared encrypted.`, `${name} n’est pas déclarée chiffrée.`),
      );
  }

  // Per entity: every data set, and every asset needing recovery.
  const rpos = rposOf(graph);
  const scope: { id: string; kind: 'asset' | 'data' }[] = [];
  for (const data of model.data) scope.push({ id: data.id, kind: 'data' });
  for (const asset of model.assets)
    if (STATEFUL_KINDS.includes(asset.kind) || rpos.has(asset.id))
      scope.push({ id: asset.id, kind: 'asset' });
  scope.sort(byId);

  const entities = scope.map(({ id, kind }): EntityBackupAssessment => {
    const rpo = rpos.get(id);
    const storage = primaryStorage(graph, id);
    const sites = sitesOf(graph, id);
    // backups holding a copy: direct, or through what it is stored on / what it stores
    const sources = new Map<string, string | undefined>();
    for (const backupId of graph.backupsOf(id)) sources.set(backupId, undefined);
    const related = kind === 'data' ? (graph.data(id)?.storedOn ?? []) : graph.dataOn(id);
    for (const other of related)
      for (const backupId of graph.backupsOf(other))
        if (!sources.has(backupId)) sources.set(backupId, other);
    const copies: EntityBackupCopy[] = [];
    let count = 1;
    const media = new Set<string>(['primary']);
    let offsite = false;
    let isolated = false;
    let tested = true;
    let encrypted = true;
    let best: number | undefined;
    let survives = false;
    let real = 0;
    for (const backupId of [...sources.keys()].sort()) {
      const backup = graph.backup(backupId);
      const exposure = exposures.get(backupId);
      if (backup === undefined || exposure === undefined) continue;
      const via = sources.get(backupId);
      const replica = isReplica(backup);
      const frequency = minutesOf(backup.frequency);
      const retention = minutesOf(backup.retention);
      const location = backupLocation(graph, backup);
      const away =
        location.kind === 'offsite' ||
        (location.kind === 'site' && sites.length > 0 && !sites.includes(location.site));
      const copyIsolated = isIsolatedCopy(graph, backup, id);
      const copy: EntityBackupCopy = {
        backup: backupId,
        ...(via === undefined ? {} : { via }),
        replica,
        ...(frequency === undefined ? {} : { frequencyMinutes: frequency }),
        ...(retention === undefined ? {} : { retentionMinutes: retention }),
        ...(frequency === undefined || rpo === undefined
          ? {}
          : { meetsRpo: frequency <= rpo.minutes }),
        ...(retention === undefined
          ? {}
          : {
              retentionSensible: retention >= Math.max(MIN_RETENTION_MINUTES, 2 * (frequency ?? 0)),
            }),
        offsite: away,
        isolated: copyIsolated,
        exposed: exposure.exposed && !copyIsolated,
      };
      copies.push(copy);
      if (replica) continue;
      real += 1;
      count += backup.copies ?? 1;
      const medium =
        backup.target !== undefined && graph.asset(backup.target) !== undefined
          ? storage.has(backup.target)
            ? undefined
            : `asset:${backup.target}`
          : backup.method === 'snapshot'
            ? undefined
            : backup.provider !== undefined
              ? `provider:${backup.provider}`
              : backup.zone !== undefined
                ? `zone:${backup.zone}`
                : undefined;
      if (medium !== undefined) media.add(medium);
      offsite ||= away;
      isolated ||= copyIsolated;
      tested &&= exposure.restoreTest === 'ok';
      encrypted &&= exposure.encrypted;
      survives ||= !copy.exposed;
      if (frequency !== undefined && (best === undefined || frequency < best)) best = frequency;
      if (copy.retentionSensible === false)
        flag(
          'retention-too-short',
          'medium',
          [id, backupId],
          text(
            `${label(graph, backupId)} keeps ${formatDuration(retention ?? 0)} of ${label(graph, id)}: less than ${formatDuration(Math.max(MIN_RETENTION_MINUTES, 2 * (frequency ?? 0)))}, a late-noticed corruption finds no clean version.`,
            `${label(graph, backupId)} conserve ${formatDurationFr(retention ?? 0)} de ${label(graph, id)} : moins de ${formatDurationFr(Math.max(MIN_RETENTION_MINUTES, 2 * (frequency ?? 0)))}, une corruption découverte tard ne trouve plus de version saine.`,
          ),
        );
    }
    const errorFree = real > 0 && tested;
    const grid: BackupGrid = {
      copies: count,
      media: media.size,
      offsite,
      isolated,
      errorFree,
      encrypted: real > 0 && encrypted,
      met: count >= 3 && media.size >= 2 && offsite && isolated && errorFree,
    };
    const rpoMet = rpo === undefined || best === undefined ? undefined : best <= rpo.minutes;
    const name = label(graph, id);
    const why = rpo === undefined ? undefined : `${formatDuration(rpo.minutes)} (${rpo.process})`;
    const whyFr =
      rpo === undefined ? undefined : `${formatDurationFr(rpo.minutes)} (${rpo.process})`;
    const asset = graph.asset(id);
    // an asset rebuilt, failed over or given back by its supplier needs no backup of its own;
    // among the restored ones, only those holding data need a backup of it (see the header)
    const restored = asset !== undefined && recoveryOf(asset).method === 'restore';
    const holdsData =
      kind === 'data' ||
      (asset !== undefined && (STATEFUL_KINDS.includes(asset.kind) || graph.dataOn(id).length > 0));
    const needsBackup = kind === 'data' || (restored && holdsData);
    if (real === 0 && !needsBackup && restored && CONFIGURATION_BACKUP_KINDS.includes(asset.kind))
      flag(
        'no-configuration-backup',
        'low',
        [id, ...copies.map((c) => c.backup)],
        text(
          `${name} holds no business data but its configuration is not backed up: it would be rebuilt by hand.`,
          `${name} ne porte pas de données métier mais sa configuration n’est pas sauvegardée : elle serait refaite à la main.`,
        ),
      );
    if (real === 0 && needsBackup) {
      const replicaOnly = copies.length > 0;
      flag(
        replicaOnly ? 'replica-only' : 'no-backup',
        rpo === undefined ? 'medium' : 'critical',
        [id, ...copies.map((c) => c.backup)],
        text(
          `${name} has ${replicaOnly ? 'only replicas, no backup' : 'no backup'}${why === undefined ? '' : `, under an RPO of ${why}`}.`,
          `${name} n’a ${replicaOnly ? 'que des réplications, aucune sauvegarde' : 'aucune sauvegarde'}${whyFr === undefined ? '' : `, pour un RPO de ${whyFr}`}.`,
        ),
      );
    }
    if (real > 0) {
      if (rpoMet === false && best !== undefined && rpo !== undefined)
        flag(
          'rpo-not-met',
          'high',
          [id, rpo.process],
          text(
            `${name} is backed up every ${formatDuration(best)} at best, beyond the RPO of ${why}.`,
            `${name} n’est sauvegardé qu’à intervalle de ${formatDurationFr(best)} au mieux, au-delà du RPO de ${whyFr ?? ''}.`,
          ),
        );
      if (rpo !== undefined && best === undefined)
        flag(
          'frequency-unknown',
          'low',
          [id, rpo.process],
          text(
            `No backup of ${name} declares a frequency: the RPO of ${why} cannot be checked.`,
            `Aucune sauvegarde de ${name} ne déclare de fréquence : le RPO de ${whyFr ?? ''} ne peut être vérifié.`,
          ),
        );
      const subjects = [id, ...copies.map((c) => c.backup)];
      if (count < 3)
        flag(
          'rule-3-copies',
          'medium',
          subjects,
          text(
            `${name} has ${count} copies (primary included), fewer than 3.`,
            `${name} a ${count} copies (originale comprise), moins de 3.`,
          ),
        );
      if (media.size < 2)
        flag(
          'rule-2-media',
          'medium',
          subjects,
          text(
            `Every copy of ${name} is on the same storage.`,
            `Toutes les copies de ${name} sont sur le même stockage.`,
          ),
        );
      if (!offsite)
        flag(
          'rule-1-offsite',
          'high',
          subjects,
          text(
            `No backup of ${name} is off site.`,
            `Aucune sauvegarde de ${name} n’est hors site.`,
          ),
        );
      if (!isolated)
        flag(
          'rule-1-offline',
          'high',
          subjects,
          text(
            `No backup of ${name} is offline or immutable.`,
            `Aucune sauvegarde de ${name} n’est hors ligne ou immuable.`,
          ),
        );
      if (!errorFree)
        flag(
          'rule-0-errors',
          'medium',
          subjects,
          text(
            `Not every backup of ${name} has a recent successful restore test.`,
            `Au moins une sauvegarde de ${name} n’a pas de test de restauration récent et réussi.`,
          ),
        );
      if (!survives)
        flag(
          'no-backup-survives-ransomware',
          rpo === undefined ? 'high' : 'critical',
          subjects,
          text(
            `Every backup of ${name} would be encrypted by a ransomware holding the office.`,
            `Toutes les sauvegardes de ${name} seraient chiffrées par un rançongiciel maître du bureautique.`,
          ),
        );
    }
    if (sites.length === 0 && real > 0 && !offsite)
      assumptions.push({
        subject: id,
        message: text(
          `The site of ${name} is unknown: no backup is counted off site unless at a provider or in a cloud.`,
          `Le site de ${name} est inconnu : aucune sauvegarde n’est comptée hors site sauf chez un prestataire ou dans un nuage.`,
        ),
      });
    return {
      id,
      kind,
      ...(rpo === undefined ? {} : { rpo }),
      copies,
      ...(best === undefined ? {} : { bestFrequencyMinutes: best }),
      ...(rpoMet === undefined ? {} : { rpoMet }),
      grid,
      survivesRansomware: survives,
    };
  });

  flags.sort((a, b) =>
    (a.subjects[0] ?? '') < (b.subjects[0] ?? '')
      ? -1
      : (a.subjects[0] ?? '') > (b.subjects[0] ?? '')
        ? 1
        : a.code < b.code
          ? -1
          : a.code > b.code
            ? 1
            : 0,
  );
  return { entities, backups: [...exposures.values()], flags, assumptions };
}
