/**
 * Business impact analysis (BIA, issue 14): per business process its recovery objectives, the
 * processes it depends on, its impact over time, and every asset it rests on — transitively, the
 * infrastructure included — with the most demanding objectives each asset inherits; then the
 * inconsistencies a continuity plan must resolve (flags). Pure: model graph in, JSON out.
 */
import { durationMinutes } from '../../domain/duration.js';
import type { Asset, AssetKind, Process } from '../../domain/model/index.js';
import { protocolInfo } from '../../domain/model/protocol.js';
import { CLOUD_SERVICE_KINDS } from '../../domain/model/vocabulary.js';
import { analyseBackupCoverage } from '../../design/analyses/backup-coverage.js';
import { durationText as spelled } from '../../design/rules/support-resilience.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { recoveryOf } from '../recovery-time.js';

export type BiaSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A duration in minutes with its text in both languages. */
export interface BiaDuration {
  readonly minutes: number;
  readonly text: LocalizedText;
}

/** One point of the impact-over-time curve. */
export interface ImpactPoint {
  /** `4h`, `1d`, `3d`, `1w`, `1mo`. */
  readonly at: string;
  readonly minutes: number;
  /** 1 (low) to 4 (critical). */
  readonly level: number;
  readonly reason: LocalizedText;
}

/** Why an asset supports a process. */
export type SupportReason =
  | 'process-asset' // listed in the process's assets
  | 'data-storage' // stores a data set the process uses
  | 'hosted-on' // runs the asset it was reached from
  | 'flow-via' // a firewall or gateway crossed by a flow of the asset it was reached from
  | 'network-core' // a switch or router of the zone of the asset it was reached from
  | 'service' // a directory, DNS, DHCP, storage, identity or cloud service it calls
  | 'dependency'; // supports a process this one depends on

export interface SupportingAsset {
  readonly asset: string;
  readonly reason: SupportReason;
  /** The asset (or, for `dependency`, the process) through which it was reached. */
  readonly from?: string;
}

export interface ProcessImpact {
  readonly process: string;
  readonly rto?: BiaDuration;
  readonly rpo?: BiaDuration;
  readonly mtpd?: BiaDuration;
  readonly mbco?: string;
  /** Availability need used for the impact curve (declared, else assumed 2). */
  readonly availability: number;
  /** Processes it depends on, directly. */
  readonly dependsOn: readonly string[];
  /** Processes it depends on, transitively (itself excluded), in id order. */
  readonly dependencies: readonly string[];
  readonly impact: readonly ImpactPoint[];
  /** Assets it rests on, transitively, in id order. */
  readonly assets: readonly SupportingAsset[];
}

/** The most demanding objectives an asset inherits from the processes it supports. */
export interface AssetInheritance {
  readonly asset: string;
  /** Processes it supports, in id order. */
  readonly processes: readonly string[];
  readonly rto?: { readonly minutes: number; readonly process: string };
  readonly rpo?: { readonly minutes: number; readonly process: string };
  /** Its own recovery time (declared or assumed for its kind). */
  readonly recoveryMinutes: number;
}

export type BiaFlagCode =
  | 'rto-exceeds-mtpd'
  | 'rpo-not-achievable'
  | 'asset-recovery-exceeds-rto'
  | 'single-point-of-failure'
  | 'depends-on-slower-process';

export interface BiaFlag {
  readonly code: BiaFlagCode;
  readonly severity: BiaSeverity;
  readonly subjects: readonly string[];
  readonly message: LocalizedText;
}

export interface BiaAssumption {
  readonly subject: string;
  readonly message: LocalizedText;
}

export interface BiaResult {
  readonly processes: readonly ProcessImpact[];
  readonly assets: readonly AssetInheritance[];
  readonly flags: readonly BiaFlag[];
  readonly assumptions: readonly BiaAssumption[];
}

export interface BiaOptions {
  /**
   * An RTO at or below this (minutes) is tight: an asset without redundancy supporting it is a
   * single point of failure, as a replacement or rebuild rarely fits in it. Default 240 (4 h).
   */
  readonly tightRtoMinutes?: number;
}

/** Default tight-RTO threshold: 4 hours, the time a rebuild or a part delivery rarely beats. */
export const DEFAULT_TIGHT_RTO_MINUTES = 240;

/** Availability need assumed for a process that declares none: 2 (moderate). */
export const DEFAULT_AVAILABILITY = 2;

/** The points of the impact-over-time curve. */
export const IMPACT_POINTS: readonly { readonly at: string; readonly minutes: number }[] = [
  { at: '4h', minutes: 240 },
  { at: '1d', minutes: 1440 },
  { at: '3d', minutes: 4320 },
  { at: '1w', minutes: 10_080 },
  { at: '1mo', minutes: 43_200 },
];

/** Asset kinds a process needs when one of its assets calls them, whatever the protocol. */
const SERVICE_KINDS: readonly AssetKind[] = [
  'directory',
  'storage',
  'hypervisor',
  'saas',
  'cloud-service',
];
const NETWORK_CORE_KINDS: readonly AssetKind[] = ['switch', 'router'];

const SPELLED = new Map<number, LocalizedText>();

/** A duration in words in both languages, kept once per value (messages repeat a few values). */
function durationText(minutes: number): LocalizedText {
  let result = SPELLED.get(minutes);
  if (result === undefined) {
    result = spelled(minutes);
    if (SPELLED.size < 10_000) SPELLED.set(minutes, result);
  }
  return result;
}

const duration = (minutes: number): BiaDuration => ({ minutes, text: durationText(minutes) });

function minutes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const result = durationMinutes(value);
  return Number.isNaN(result) ? undefined : result;
}

/**
 * Impact of an interruption lasting `t` minutes, on the 1–4 scale, for a process whose
 * availability need is `a`, recovery time objective `rto` and maximum tolerable period of
 * disruption `mtpd` (rto ≤ mtpd; the caller substitutes assumptions for missing values):
 *
 *   t ≥ mtpd       → a                              (the disruption is no longer tolerable)
 *   t < rto        → 1                              (the process is meant to survive it)
 *   rto ≤ t < mtpd → clamp(1 + ⌈(a − 1)·(t − rto)/(mtpd − rto)⌉, min(2, a), a)
 *                                                    (rising linearly from the RTO to the MTPD;
 *                                                    once the RTO is missed, at least 2)
 */
export function impactLevel(t: number, a: number, rto: number, mtpd: number): number {
  if (t >= mtpd) return a;
  if (t < rto) return 1;
  const span = mtpd - rto;
  const raw = 1 + Math.ceil(((a - 1) * (t - rto)) / span);
  return Math.min(a, Math.max(Math.min(2, a), raw));
}

function impactCurve(
  a: number,
  rto: number | undefined,
  mtpd: number | undefined,
): readonly ImpactPoint[] {
  return IMPACT_POINTS.map(({ at, minutes: t }) => {
    const d = durationText(t);
    if (rto === undefined && mtpd === undefined) {
      return {
        at,
        minutes: t,
        level: a,
        reason: text(
          `No RTO nor MTPD: the availability need (${a}) applies from the start`,
          `Ni RTO ni DMIA : le besoin de disponibilité (${a}) s'applique dès le début`,
        ),
      };
    }
    const effectiveMtpd = mtpd ?? 2 * (rto as number);
    const effectiveRto = Math.min(rto ?? effectiveMtpd / 2, effectiveMtpd);
    const level = impactLevel(t, a, effectiveRto, effectiveMtpd);
    const m = durationText(effectiveMtpd);
    const r = durationText(effectiveRto);
    let reason: LocalizedText;
    if (t >= effectiveMtpd)
      reason = text(
        `${d.en} reaches the MTPD (${m.en}): availability need ${a}`,
        `${d.fr} atteint la DMIA (${m.fr}) : besoin de disponibilité ${a}`,
      );
    else if (t < effectiveRto)
      reason = text(
        `${d.en} is within the RTO (${r.en}): low impact`,
        `${d.fr} reste dans le RTO (${r.fr}) : impact faible`,
      );
    else
      reason = text(
        `${d.en} is past the RTO (${r.en}) and before the MTPD (${m.en}): impact rising towards ${a}`,
        `${d.fr} dépasse le RTO (${r.fr}) sans atteindre la DMIA (${m.fr}) : impact croissant vers ${a}`,
      );
    return { at, minutes: t, level, reason };
  });
}

const isRedundant = (asset: Asset): boolean => {
  const mode = asset.redundancy?.mode;
  return (
    (mode !== undefined && mode !== 'none' && mode !== 'cold-standby') || (asset.count ?? 1) > 1
  );
};

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A need between assets, by index in {@link Indexes.ids}. */
interface Edge {
  readonly to: number;
  readonly entry: SupportingAsset;
}

/**
 * Indexes built once per analysis: assets are numbered in id order, so that a closure is a
 * breadth-first walk over integer arrays (no per-process maps) and its result sorts numerically.
 */
interface Indexes {
  /** Asset ids in id order. */
  readonly ids: readonly string[];
  readonly rank: ReadonlyMap<string, number>;
  /** Switches and routers per zone (directly in it). */
  readonly core: ReadonlyMap<string, readonly string[]>;
  /** What each asset needs directly (see {@link needsOf}), computed once, on first use. */
  readonly needs: (readonly Edge[] | undefined)[];
  /** Scratch marks of the walks: `stamp[i] === walk` when asset i was reached in that walk. */
  readonly stamp: Uint32Array;
  walk: number;
}

function buildIndexes(graph: ModelGraph): Indexes {
  const ids = graph.model.assets.map((asset) => asset.id).sort(byId);
  const rank = new Map(ids.map((id, index) => [id, index]));
  const core = new Map<string, string[]>();
  for (const asset of graph.model.assets) {
    if (asset.zone === undefined || !NETWORK_CORE_KINDS.includes(asset.kind)) continue;
    const list = core.get(asset.zone);
    if (list === undefined) core.set(asset.zone, [asset.id]);
    else list.push(asset.id);
  }
  return {
    ids,
    rank,
    core,
    needs: new Array<readonly Edge[] | undefined>(ids.length),
    stamp: new Uint32Array(ids.length),
    walk: 0,
  };
}

/**
 * The assets one asset needs to run, directly (one step of the transitive closure), each once
 * (the first reason found): its host; the switches and routers of its zone and enclosing zones;
 * the devices (`via`) of the flows it initiates or receives (its zone's included); and what it calls when that is a
 * directory, DNS or DHCP (by protocol) or a directory, storage, hypervisor, SaaS or cloud service
 * (by kind).
 */
function needsOf(graph: ModelGraph, indexes: Indexes, id: string): Edge[] {
  const asset = graph.asset(id);
  if (asset === undefined) return [];
  const result: Edge[] = [];
  const seen = new Set<string>([id]);
  const add = (target: string, reason: SupportReason): void => {
    if (seen.has(target)) return;
    seen.add(target);
    const to = indexes.rank.get(target);
    if (to !== undefined) result.push({ to, entry: { asset: target, reason, from: id } });
  };
  if (asset.hostedOn !== undefined) add(asset.hostedOn, 'hosted-on');
  const chain = asset.zone === undefined ? [] : [asset.zone, ...graph.zoneAncestors(asset.zone)];
  for (const zone of chain)
    for (const device of indexes.core.get(zone) ?? []) add(device, 'network-core');
  const zones = new Set(chain);
  for (const flow of graph.outgoingFlows(id)) {
    for (const device of flow.via ?? []) add(device, 'flow-via');
    // the other end: the destination, or the initiator of a bidirectional flow towards it
    const target =
      flow.from === id ? flow.to : flow.to === id || !zones.has(flow.from) ? flow.from : flow.to;
    const other = graph.asset(target);
    if (other === undefined || seen.has(target)) continue;
    const family = protocolInfo(flow.protocol).family;
    if (family === 'directory' || family === 'infrastructure' || SERVICE_KINDS.includes(other.kind))
      add(target, 'service');
  }
  // devices crossed by flows reaching it, declared to it or to its zone (users reach it through them)
  for (const end of [id, ...chain])
    for (const flow of graph.flowsTo(end))
      for (const device of flow.via ?? []) add(device, 'flow-via');
  return result;
}

/**
 * Transitive closure of the assets a process rests on by itself (dependencies excluded): asset
 * indexes in the order reached, and the entry of each at the same position.
 */
function ownSupport(
  graph: ModelGraph,
  indexes: Indexes,
  process: Process,
): { readonly order: number[]; readonly entries: SupportingAsset[] } {
  indexes.walk += 1;
  const { stamp, walk } = indexes;
  const order: number[] = [];
  const entries: SupportingAsset[] = [];
  const add = (index: number, entry: SupportingAsset): void => {
    if (stamp[index] === walk) return;
    stamp[index] = walk;
    order.push(index);
    entries.push(entry);
  };
  for (const id of process.assets ?? []) {
    const index = indexes.rank.get(id);
    if (index !== undefined) add(index, { asset: id, reason: 'process-asset' });
  }
  for (const set of process.data ?? [])
    for (const id of graph.data(set)?.storedOn ?? []) {
      const index = indexes.rank.get(id);
      if (index !== undefined) add(index, { asset: id, reason: 'data-storage', from: set });
    }
  for (let position = 0; position < order.length; position += 1) {
    const index = order[position] as number;
    let needs = indexes.needs[index];
    if (needs === undefined) {
      needs = needsOf(graph, indexes, indexes.ids[index] as string);
      indexes.needs[index] = needs;
    }
    for (const edge of needs) add(edge.to, edge.entry);
  }
  return { order, entries };
}

/** Processes a process depends on, transitively, cycle-safe, itself excluded. */
function dependenciesOf(graph: ModelGraph, processId: string): string[] {
  const seen = new Set<string>([processId]);
  const queue = [processId];
  for (let index = 0; index < queue.length; index += 1) {
    for (const next of graph.process(queue[index] as string)?.dependsOn ?? []) {
      if (seen.has(next) || graph.process(next) === undefined) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  seen.delete(processId);
  return [...seen].sort();
}

/** An objective an asset inherits, with the process it comes from. */
interface Inherited {
  readonly minutes: number;
  readonly process: string;
}

/** Runs the business impact analysis of a model. */
export function analyseBia(graph: ModelGraph, options: BiaOptions = {}): BiaResult {
  const tight = options.tightRtoMinutes ?? DEFAULT_TIGHT_RTO_MINUTES;
  const indexes = buildIndexes(graph);
  const processes = [...graph.model.processes].sort((a, b) => byId(a.id, b.id));
  const assumptions: BiaAssumption[] = [];
  const flags: BiaFlag[] = [];

  const own = new Map<string, ReturnType<typeof ownSupport>>();
  for (const process of processes) own.set(process.id, ownSupport(graph, indexes, process));

  // what each asset (by index) inherits; processes come in id order, so the lists stay sorted
  // and, on equal objectives, the first (smallest id) process is kept
  const n = indexes.ids.length;
  const supported: (string[] | undefined)[] = new Array<string[] | undefined>(n);
  const rtoOf = new Array<Inherited | undefined>(n);
  const rpoOf = new Array<Inherited | undefined>(n);
  const slot: (SupportingAsset | undefined)[] = new Array<SupportingAsset | undefined>(n);
  const results: ProcessImpact[] = [];

  for (const process of processes) {
    const rto = minutes(process.rto);
    const rpo = minutes(process.rpo);
    const mtpd = minutes(process.mtpd);
    const declaredAvailability = process.needs?.availability;
    const availability = declaredAvailability ?? DEFAULT_AVAILABILITY;
    if (declaredAvailability === undefined)
      assumptions.push({
        subject: process.id,
        message: text(
          `No availability need: ${DEFAULT_AVAILABILITY} (moderate) assumed for the impact over time`,
          `Pas de besoin de disponibilité : ${DEFAULT_AVAILABILITY} (modéré) supposé pour l'impact dans le temps`,
        ),
      });
    if (rto === undefined)
      assumptions.push({
        subject: process.id,
        message:
          mtpd === undefined
            ? text(
                'No RTO nor MTPD: the availability need is taken as the impact from the first hours; no RTO inherited by its assets',
                'Ni RTO ni DMIA : le besoin de disponibilité est pris comme impact dès les premières heures ; aucun RTO hérité par ses actifs',
              )
            : text(
                `No RTO: half the MTPD (${durationText(mtpd / 2).en}) assumed for the impact over time; no RTO inherited by its assets`,
                `Pas de RTO : la moitié de la DMIA (${durationText(mtpd / 2).fr}) supposée pour l'impact dans le temps ; aucun RTO hérité par ses actifs`,
              ),
      });
    else if (mtpd === undefined)
      assumptions.push({
        subject: process.id,
        message: text(
          `No MTPD: twice the RTO (${durationText(2 * rto).en}) assumed for the impact over time`,
          `Pas de DMIA : le double du RTO (${durationText(2 * rto).fr}) supposé pour l'impact dans le temps`,
        ),
      });

    const dependencies = dependenciesOf(graph, process.id);
    indexes.walk += 1;
    const { stamp, walk } = indexes;
    const reached: number[] = [];
    const take = (index: number, entry: SupportingAsset): void => {
      if (stamp[index] === walk) return;
      stamp[index] = walk;
      slot[index] = entry;
      reached.push(index);
    };
    const mine = own.get(process.id);
    if (mine !== undefined)
      for (let position = 0; position < mine.order.length; position += 1)
        take(mine.order[position] as number, mine.entries[position] as SupportingAsset);
    for (const dependency of dependencies)
      for (const index of own.get(dependency)?.order ?? [])
        if (stamp[index] !== walk) {
          const id = indexes.ids[index] as string;
          take(index, { asset: id, reason: 'dependency', from: dependency });
        }
    const sortedIndexes = Int32Array.from(reached).sort();
    const assets: SupportingAsset[] = [];
    const rtoEntry = rto === undefined ? undefined : { minutes: rto, process: process.id };
    const rpoEntry = rpo === undefined ? undefined : { minutes: rpo, process: process.id };
    for (const index of sortedIndexes) {
      assets.push(slot[index] as SupportingAsset);
      const list = supported[index];
      if (list === undefined) supported[index] = [process.id];
      else list.push(process.id);
      const currentRto = rtoOf[index];
      if (
        rtoEntry !== undefined &&
        (currentRto === undefined || rtoEntry.minutes < currentRto.minutes)
      )
        rtoOf[index] = rtoEntry;
      const currentRpo = rpoOf[index];
      if (
        rpoEntry !== undefined &&
        (currentRpo === undefined || rpoEntry.minutes < currentRpo.minutes)
      )
        rpoOf[index] = rpoEntry;
    }

    if (rto !== undefined && mtpd !== undefined && rto > mtpd)
      flags.push({
        code: 'rto-exceeds-mtpd',
        severity: 'high',
        subjects: [process.id],
        message: text(
          `The RTO of ${process.id} (${durationText(rto).en}) exceeds its MTPD (${durationText(mtpd).en}): recovering in time still ends past the tolerable disruption`,
          `Le RTO de ${process.id} (${durationText(rto).fr}) dépasse sa DMIA (${durationText(mtpd).fr}) : même une reprise dans les temps finit au-delà de l'interruption tolérable`,
        ),
      });
    if (rto !== undefined)
      for (const dependency of dependencies) {
        const other = minutes(graph.process(dependency)?.rto);
        if (other === undefined || other <= rto) continue;
        flags.push({
          code: 'depends-on-slower-process',
          severity: 'medium',
          subjects: [process.id, dependency],
          message: text(
            `${process.id} (RTO ${durationText(rto).en}) depends on ${dependency}, whose RTO is longer (${durationText(other).en}): its own RTO cannot be met`,
            `${process.id} (RTO ${durationText(rto).fr}) dépend de ${dependency}, dont le RTO est plus long (${durationText(other).fr}) : son propre RTO ne peut être tenu`,
          ),
        });
      }

    results.push({
      process: process.id,
      ...(rto === undefined ? {} : { rto: duration(rto) }),
      ...(rpo === undefined ? {} : { rpo: duration(rpo) }),
      ...(mtpd === undefined ? {} : { mtpd: duration(mtpd) }),
      ...(process.mbco === undefined ? {} : { mbco: process.mbco }),
      availability,
      dependsOn: [...new Set(process.dependsOn ?? [])].sort(),
      dependencies,
      impact: impactCurve(availability, rto, mtpd),
      assets,
    });
  }

  // RPO against backups: reuse the backup coverage analysis, so the BIA and the rules agree.
  const coverage = analyseBackupCoverage(graph);
  for (const recovery of [...coverage.processes].sort((a, b) => byId(a.process, b.process))) {
    const rpo = recovery.rpo;
    if (rpo === undefined) continue;
    const r = durationText(rpo);
    if (recovery.uncovered.length > 0)
      flags.push({
        code: 'rpo-not-achievable',
        severity: 'high',
        subjects: [recovery.process, ...recovery.uncovered],
        message: text(
          `The RPO of ${recovery.process} (${r.en}) cannot be met: no backup of ${recovery.uncovered.join(', ')}`,
          `Le RPO de ${recovery.process} (${r.fr}) ne peut être tenu : aucune sauvegarde de ${recovery.uncovered.join(', ')}`,
        ),
      });
    else if (recovery.interval === undefined)
      flags.push({
        code: 'rpo-not-achievable',
        severity: 'medium',
        subjects: [recovery.process, ...recovery.backups],
        message: text(
          `The RPO of ${recovery.process} (${r.en}) cannot be verified: its backups state no frequency`,
          `Le RPO de ${recovery.process} (${r.fr}) ne peut être vérifié : ses sauvegardes n'indiquent pas de fréquence`,
        ),
      });
    else if (recovery.interval > rpo)
      flags.push({
        code: 'rpo-not-achievable',
        severity: 'high',
        subjects: [recovery.process, ...recovery.backups],
        message: text(
          `The RPO of ${recovery.process} (${r.en}) is tighter than its backups can give (every ${durationText(recovery.interval).en})`,
          `Le RPO de ${recovery.process} (${r.fr}) est plus court que ce que ses sauvegardes permettent (toutes les ${durationText(recovery.interval).fr})`,
        ),
      });
  }

  const assetResults: AssetInheritance[] = [];
  for (let index = 0; index < n; index += 1) {
    const processesOfAsset = supported[index];
    const id = indexes.ids[index] as string;
    const asset = graph.asset(id);
    if (processesOfAsset === undefined || asset === undefined) continue;
    const entry = { processes: processesOfAsset, rto: rtoOf[index], rpo: rpoOf[index] };
    const recovery = recoveryOf(asset);
    if (recovery.assumedDuration)
      assumptions.push({
        subject: id,
        message: text(
          `No recovery duration: ${durationText(recovery.minutes).en} assumed (${recovery.method === 'failover' ? 'fail-over of a redundant asset' : `default for a ${asset.kind}`})`,
          `Pas de durée de reprise : ${durationText(recovery.minutes).fr} supposée (${recovery.method === 'failover' ? "bascule d'un actif redondant" : `valeur par défaut pour le type ${asset.kind}`})`,
        ),
      });
    assetResults.push({
      asset: id,
      processes: entry.processes,
      ...(entry.rto === undefined ? {} : { rto: entry.rto }),
      ...(entry.rpo === undefined ? {} : { rpo: entry.rpo }),
      recoveryMinutes: recovery.minutes,
    });
    const rto = entry.rto;
    if (rto === undefined) continue;
    if (recovery.minutes > rto.minutes)
      flags.push({
        code: 'asset-recovery-exceeds-rto',
        severity: 'high',
        subjects: [id, rto.process],
        message: text(
          `Recovering ${id} takes ${durationText(recovery.minutes).en}${recovery.assumedDuration ? ' (assumed)' : ''}, more than the RTO of ${rto.process} (${durationText(rto.minutes).en})`,
          `La reprise de ${id} prend ${durationText(recovery.minutes).fr}${recovery.assumedDuration ? ' (supposé)' : ''}, plus que le RTO de ${rto.process} (${durationText(rto.minutes).fr})`,
        ),
      });
    if (rto.minutes <= tight && !isRedundant(asset) && !CLOUD_SERVICE_KINDS.includes(asset.kind))
      flags.push({
        code: 'single-point-of-failure',
        severity: 'high',
        subjects: [id, rto.process],
        message: text(
          `${id} has no redundancy yet supports ${rto.process}, whose RTO (${durationText(rto.minutes).en}) is tight (at most ${durationText(tight).en})`,
          `${id} n'a pas de redondance mais soutient ${rto.process}, dont le RTO (${durationText(rto.minutes).fr}) est serré (au plus ${durationText(tight).fr})`,
        ),
      });
  }

  const flagOrder: readonly BiaFlagCode[] = [
    'rto-exceeds-mtpd',
    'rpo-not-achievable',
    'asset-recovery-exceeds-rto',
    'single-point-of-failure',
    'depends-on-slower-process',
  ];
  flags.sort(
    (a, b) =>
      flagOrder.indexOf(a.code) - flagOrder.indexOf(b.code) ||
      byId(a.subjects.join(' '), b.subjects.join(' ')),
  );
  assumptions.sort((a, b) => byId(a.subject, b.subject));
  return { processes: results, assets: assetResults, flags, assumptions };
}
