/**
 * What the Internet reaches, computed once per model: the rules of the `internet-exposure` family,
 * the rules that weigh exposure (unsupported systems, missing EDR, logs…) and the documents all
 * read this, so a document cannot show an exposure the findings do not know of.
 */
import type { Encryption, Flow } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind } from '../../model/predicates.js';

/** One way an asset can be reached from the Internet. */
export interface InternetExposure {
  /** The asset reached (or the zone, when a flow reaches a zone without declared assets). */
  readonly target: string;
  readonly protocol: string;
  readonly port: number | undefined;
  /** The flow it is reached by, when it is a flow. */
  readonly flow?: Flow;
  /** True when it is an administration interface open to the Internet. */
  readonly adminInterface: boolean;
  readonly authentication: string | undefined;
  readonly encryption: Encryption | undefined;
}

export interface InternetExposureAnalysis {
  /**
   * Everything the Internet can reach: destinations of flows from the Internet (every asset of a
   * zone reached as a whole; the internal end of a bidirectional flow with the Internet), in flow
   * order, then administration interfaces open to an internet zone, in asset order. Provider-run
   * SaaS is left out.
   */
  readonly exposures: readonly InternetExposure[];
  /** The exposures of each target, targets in first-seen order. */
  readonly byTarget: ReadonlyMap<string, readonly InternetExposure[]>;
}

/** True for the Internet (an internet zone or something in it). */
export function isInternet(graph: ModelGraph, id: string): boolean {
  return isInZoneKind(graph, id, ['internet']);
}

/** Assets behind an endpoint: the asset itself, or the assets of a zone (sub-zones included). */
function assetsAt(graph: ModelGraph, id: string): readonly string[] {
  if (graph.asset(id) !== undefined) return [id];
  return graph.zone(id) === undefined ? [] : graph.assetsOfZone(id);
}

/** Computes what the Internet reaches (see {@link InternetExposureAnalysis.exposures}). */
export function analyseInternetExposure(graph: ModelGraph): InternetExposureAnalysis {
  const known = new Map<string, boolean>();
  const internet = (id: string): boolean => {
    let value = known.get(id);
    if (value === undefined) {
      value = isInternet(graph, id);
      known.set(id, value);
    }
    return value;
  };
  const exposures: InternetExposure[] = [];
  for (const flow of graph.model.flows) {
    const inbound = internet(flow.from) && !internet(flow.to);
    const reverse = flow.bidirectional === true && internet(flow.to) && !internet(flow.from);
    if (!inbound && !reverse) continue;
    const end = inbound ? flow.to : flow.from;
    const assets = assetsAt(graph, end);
    for (const target of assets.length > 0 ? assets : graph.zone(end) ? [end] : []) {
      if (graph.asset(target)?.kind === 'saas') continue;
      exposures.push({
        target,
        protocol: flow.protocol,
        port: flow.port,
        flow,
        adminInterface: false,
        authentication: flow.authentication,
        encryption: flow.encryption,
      });
    }
  }
  for (const asset of graph.model.assets) {
    for (const admin of asset.adminInterfaces ?? []) {
      if (!(admin.from ?? []).some(internet)) continue;
      exposures.push({
        target: asset.id,
        protocol: admin.protocol,
        port: admin.port,
        adminInterface: true,
        authentication: admin.mfa === true ? 'mfa' : undefined,
        encryption: undefined,
      });
    }
  }
  const byTarget = new Map<string, InternetExposure[]>();
  for (const exposure of exposures) {
    const group = byTarget.get(exposure.target);
    if (group === undefined) byTarget.set(exposure.target, [exposure]);
    else group.push(exposure);
  }
  return { exposures, byTarget };
}
