/**
 * Business impact analysis (BIA, issue 14): per business process its recovery objectives, the
 * processes it depends on, its impact over time, and every asset it rests on — transitively, the
 * infrastructure included — with the most demanding objectives each asset inherits; then the
 * inconsistencies a continuity plan must resolve (flags). Pure: model graph in, JSON out.
 *
 * Propagation: a process rests on the assets it lists and those storing its data sets, then, from
 * each asset it rests on, on what that asset needs to run (one step at a time, to a fixed point):
 * - its host (`hostedOn`), and the switches and routers of its zone and enclosing zones;
 * - the flows it initiates (its own, bidirectional ones both ways, and those declared from its
 *   zone when it is a computer — not a network device, printer or controller, which only run
 *   their own flows; the flows of a zone of people, user or Wi-Fi or remote access, are its users'
 *   devices' only): the devices they cross (`via`), and the destination when it is a service
 *   it needs — a directory, DNS, DHCP or MS-RPC flow, or a directory, storage, hypervisor, SaaS
 *   or cloud service. Only flows it initiates: being called by something creates no need;
 * - never the telemetry flows: syslog, NTP, SNMP, ICMP and backup protocols, any flow to a SIEM,
 *   log collector or backup server, to the asset's declared log destination, or to the target of
 *   a backup of it. A firewall shipping its logs to the SIEM does not make the SIEM carry the
 *   process; the backup chain is the backup assessment's and the recovery plan's business;
 * - a workstation, laptop or phone only needs the infrastructure services it logs in and resolves
 *   names with (directory, DNS, DHCP, MS-RPC flows, a directory asset) and its web proxy when every
 *   one of its flows leaving the organisation goes through one (the proxy is its only way out);
 *   whatever else it calls (another team's SaaS, the EDR console) is not the process's. Its flows
 *   to the other assets the process rests on are followed (the devices crossed), once those are
 *   known;
 * - the devices crossed by flows reaching it from outside (the Internet, partners, clouds, remote
 *   access), but not administration (remote-admin flows to a whole zone, remote-support tools):
 *   customers and remote staff are never listed in a process. Flows reaching it from inside
 *   (a user zone, a workstation) count only when the process lists none of its users'
 *   workstations: then its users are anyone inside who reaches it; when it lists them, their own
 *   flows say which devices they cross. Guests and administrators (admin zones and workstations)
 *   never count: administration is not use.
 * A process also rests on everything the processes it depends on rest on (reason `dependency`).
 */
import { durationMinutes } from '../../domain/duration.js';
import type { Asset, AssetKind, Flow, Process, ZoneKind } from '../../domain/model/index.js';
import { protocolInfo, type Protocol } from '../../domain/model/protocol.js';
import {
  AGENT_HOST_KINDS,
  CLOUD_SERVICE_KINDS,
  LOG_COLLECTOR_KINDS,
  OFF_SITE_ZONE_KINDS,
  OT_SUPERVISION_KINDS,
  USER_DEVICE_KINDS,
  USER_ZONE_KINDS,
  WORKSTATION_KINDS,
} from '../../domain/model/vocabulary.js';
import { analyseBackupCoverage } from '../../design/analyses/backup-coverage.js';
import { durationText as spelled } from '../../design/rules/support-resilience.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind } from '../../model/predicates.js';
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

/** Devices people sit at or carry: they need only infrastructure services (see the header). */
const USER_DEVICES: ReadonlySet<AssetKind> = new Set([...WORKSTATION_KINDS, ...USER_DEVICE_KINDS]);

/** Computers, which run the flows declared from their zone (network gear and devices do not). */
const COMPUTERS: ReadonlySet<AssetKind> = new Set([
  ...AGENT_HOST_KINDS,
  ...USER_DEVICES,
  ...OT_SUPERVISION_KINDS,
  'hmi',
]);

/** Protocols of the infrastructure services an asset needs to run: names, addresses, logon. */
const INFRASTRUCTURE_PROTOCOLS: ReadonlySet<Protocol> = new Set<Protocol>(['dns', 'dhcp', 'rpc']);

/** Logging, time, monitoring and backup protocols: they feed a collector, nothing needs them. */
const TELEMETRY_PROTOCOLS: ReadonlySet<Protocol> = new Set<Protocol>([
  'syslog',
  'ntp',
  'snmp',
  'icmp',
]);

/** Collectors: what flows to them is telemetry or backup, whatever the protocol. */
const COLLECTOR_KINDS: readonly AssetKind[] = [...LOG_COLLECTOR_KINDS, 'backup-server'];

/** Zones whose people or systems are never listed in a process: they reach it from outside. */
const OUTSIDE_ZONE_KINDS: readonly ZoneKind[] = [...OFF_SITE_ZONE_KINDS, 'remote-access'];

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
  readonly needs: (Needs | undefined)[];
  /** Each user device's flows (see {@link userFlowsOf}), computed once, on first use. */
  readonly userFlows: (ReturnType<typeof userFlowsOf> | undefined)[];
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
    needs: new Array<Needs | undefined>(ids.length),
    userFlows: new Array<ReturnType<typeof userFlowsOf> | undefined>(ids.length),
    stamp: new Uint32Array(ids.length),
    walk: 0,
  };
}

/** The other end of a flow an asset initiates (see `ModelGraph.outgoingFlows`). */
function otherEnd(flow: Flow, id: string, zones: ReadonlySet<string>): string {
  if (flow.from === id) return flow.to;
  return flow.to === id || !zones.has(flow.from) ? flow.from : flow.to;
}

/** Whether the asset runs the flow itself (not only its zone). */
const ownFlow = (flow: Flow, id: string): boolean => flow.from === id || flow.to === id;

/** Zones of people: the flows declared from them are their users' (workstations'), not servers'. */
const PEOPLE_ZONE_KINDS: readonly ZoneKind[] = [...USER_ZONE_KINDS, 'remote-access'];

/** Where the copies of an asset (and of the data sets on it) are written. */
function backupTargets(graph: ModelGraph, id: string): Set<string> {
  const targets = new Set<string>();
  for (const entity of [id, ...graph.dataOn(id)])
    for (const backupId of graph.backupsOf(entity)) {
      const target = graph.backup(backupId)?.target;
      if (target !== undefined) targets.add(target);
    }
  return targets;
}

/** A logging, time, monitoring or backup flow from `source` to `sink` (see the header). */
function isTelemetry(
  graph: ModelGraph,
  flow: Flow,
  source: Asset | undefined,
  sink: string,
  targets: ReadonlySet<string>,
): boolean {
  if (TELEMETRY_PROTOCOLS.has(flow.protocol) || protocolInfo(flow.protocol).family === 'backup')
    return true;
  const kind = graph.asset(sink)?.kind;
  if (kind !== undefined && COLLECTOR_KINDS.includes(kind)) return true;
  return source?.logging?.sendsTo === sink || targets.has(sink);
}

/** What one asset needs, directly: always, and for a process that does not list its users. */
interface Needs {
  readonly always: readonly Edge[];
  readonly users: readonly Edge[];
}

/**
 * The assets one asset needs to run, directly (one step of the transitive closure), each once
 * (the first reason found), by the rules of the file header.
 */
function needsOf(graph: ModelGraph, indexes: Indexes, id: string): Needs {
  const asset = graph.asset(id);
  if (asset === undefined) return { always: [], users: [] };
  const always: Edge[] = [];
  const users: Edge[] = [];
  const seen = new Set<string>([id]);
  const add = (list: Edge[], target: string, reason: SupportReason): void => {
    if (seen.has(target)) return;
    seen.add(target);
    const to = indexes.rank.get(target);
    if (to !== undefined) list.push({ to, entry: { asset: target, reason, from: id } });
  };
  const addVias = (list: Edge[], flow: Flow): void => {
    for (const device of flow.via ?? []) add(list, device, 'flow-via');
  };
  if (asset.hostedOn !== undefined) add(always, asset.hostedOn, 'hosted-on');
  const chain = asset.zone === undefined ? [] : [asset.zone, ...graph.zoneAncestors(asset.zone)];
  for (const zone of chain)
    for (const device of indexes.core.get(zone) ?? []) add(always, device, 'network-core');
  const zones = new Set(chain);
  const targets = backupTargets(graph, id);
  const userDevice = USER_DEVICES.has(asset.kind);
  const computer = COMPUTERS.has(asset.kind);
  // a user device's way out: the flows to its proxies, the proxies its off-site flows cross
  const toProxy: { flow: Flow; proxy: string }[] = [];
  const proxiesCrossed: string[] = [];
  let bypass = false;
  for (const flow of graph.outgoingFlows(id)) {
    const target = otherEnd(flow, id, zones);
    if (!ownFlow(flow, id)) {
      // declared from (or, bidirectional, to) one of its zones: the zone's computers run it, and
      // only its users' devices when it is a zone of people
      const zone = target === flow.to ? flow.from : flow.to;
      const people = PEOPLE_ZONE_KINDS.includes(graph.zone(zone)?.kind ?? 'other');
      if (!computer || (people && !userDevice)) continue;
    }
    if (isTelemetry(graph, flow, asset, target, targets)) continue;
    const other = graph.asset(target);
    const infrastructure =
      protocolInfo(flow.protocol).family === 'directory' ||
      INFRASTRUCTURE_PROTOCOLS.has(flow.protocol) ||
      other?.kind === 'directory';
    if (!userDevice) {
      addVias(always, flow);
      if (other !== undefined && (infrastructure || SERVICE_KINDS.includes(other.kind)))
        add(always, target, 'service');
      continue;
    }
    if (infrastructure) {
      addVias(always, flow);
      add(always, target, 'service');
    } else if (other?.kind === 'proxy') toProxy.push({ flow, proxy: target });
    else if (
      (other !== undefined && CLOUD_SERVICE_KINDS.includes(other.kind)) ||
      isInZoneKind(graph, target, OFF_SITE_ZONE_KINDS)
    ) {
      const proxy = (flow.via ?? []).find((device) => graph.asset(device)?.kind === 'proxy');
      if (proxy === undefined) bypass = true;
      else proxiesCrossed.push(proxy);
    }
  }
  if (!bypass) {
    for (const { flow, proxy } of toProxy) {
      addVias(always, flow);
      add(always, proxy, 'service');
    }
    for (const proxy of proxiesCrossed) add(always, proxy, 'flow-via');
  }
  // devices crossed by flows reaching it, declared to it or to its zone
  for (const end of [id, ...chain])
    for (const flow of graph.flowsTo(end)) {
      const family = protocolInfo(flow.protocol).family;
      if (family === 'remote-support' || (family === 'remote-admin' && end !== id)) continue;
      const source = graph.asset(flow.from);
      if (isTelemetry(graph, flow, source, id, targets)) continue;
      if (isInZoneKind(graph, flow.from, OUTSIDE_ZONE_KINDS)) addVias(always, flow);
      else if (
        (source === undefined
          ? graph.zone(flow.from) !== undefined
          : USER_DEVICES.has(source.kind) && source.kind !== 'admin-workstation') &&
        !isInZoneKind(graph, flow.from, ['guest-wifi', 'admin'])
      )
        addVias(users, flow);
    }
  return { always, users };
}

/**
 * A user device's flows to other assets (not telemetry), for the pass that follows them once the
 * process's supporting assets are known: the destination and the devices crossed.
 */
function userFlowsOf(graph: ModelGraph, id: string): { target: string; via: readonly string[] }[] {
  const asset = graph.asset(id);
  if (asset === undefined) return [];
  const chain = asset.zone === undefined ? [] : [asset.zone, ...graph.zoneAncestors(asset.zone)];
  const zones = new Set(chain);
  const targets = backupTargets(graph, id);
  const result: { target: string; via: readonly string[] }[] = [];
  for (const flow of graph.outgoingFlows(id)) {
    if ((flow.via ?? []).length === 0) continue;
    const target = otherEnd(flow, id, zones);
    if (!isTelemetry(graph, flow, asset, target, targets))
      result.push({ target, via: flow.via ?? [] });
  }
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
  // the process lists its users' devices: they say which devices its users cross
  const usersListed = (process.assets ?? []).some((id) => {
    const kind = graph.asset(id)?.kind;
    return kind !== undefined && USER_DEVICES.has(kind);
  });
  let position = 0;
  for (;;) {
    for (; position < order.length; position += 1) {
      const index = order[position] as number;
      let needs = indexes.needs[index];
      if (needs === undefined) {
        needs = needsOf(graph, indexes, indexes.ids[index] as string);
        indexes.needs[index] = needs;
      }
      for (const edge of needs.always) add(edge.to, edge.entry);
      if (!usersListed) for (const edge of needs.users) add(edge.to, edge.entry);
    }
    // the user devices' flows to what the process rests on: the devices they cross
    const before = order.length;
    let zonesOfSupport: Set<string> | undefined;
    for (let at = 0; at < before; at += 1) {
      const index = order[at] as number;
      const id = indexes.ids[index] as string;
      const kind = graph.asset(id)?.kind;
      if (kind === undefined || !USER_DEVICES.has(kind)) continue;
      let flows = indexes.userFlows[index];
      if (flows === undefined) {
        flows = userFlowsOf(graph, id);
        indexes.userFlows[index] = flows;
      }
      for (const { target, via } of flows) {
        const to = indexes.rank.get(target);
        let supported = to !== undefined && stamp[to] === walk;
        if (!supported && to === undefined && graph.zone(target) !== undefined) {
          zonesOfSupport ??= new Set(
            order.flatMap((i) => {
              const zone = graph.asset(indexes.ids[i] as string)?.zone;
              return zone === undefined ? [] : [zone, ...graph.zoneAncestors(zone)];
            }),
          );
          supported = zonesOfSupport.has(target);
        }
        if (!supported) continue;
        for (const device of via) {
          const at2 = indexes.rank.get(device);
          if (at2 !== undefined) add(at2, { asset: device, reason: 'flow-via', from: id });
        }
      }
    }
    if (order.length === before) break;
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
          `Le RPO de ${recovery.process} (${r.fr}) est plus court que ce que ses sauvegardes permettent (à intervalle de ${durationText(recovery.interval).fr})`,
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
