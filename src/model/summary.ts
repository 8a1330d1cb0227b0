import {
  hasDeclaredEncryption,
  hasMfa,
  isPrivileged,
  isSpecialCategory,
  lacksNeededLogs,
  nameOf,
  SECTION_NAMES,
  type Model,
  type Section,
} from '../domain/model/index.js';
import type { ModelGraph } from './graph.js';
import { isOtAsset } from './predicates.js';

/** Counts and key facts of a model, as data (the CLI and the UI render it). */
export interface ModelSummary {
  readonly organisation: string | undefined;
  readonly counts: Readonly<Record<Section, number>>;
  readonly assetsByKind: Readonly<Record<string, number>>;
  readonly zonesByKind: Readonly<Record<string, number>>;
  readonly otAssets: number;
  readonly personalDataSets: readonly string[];
  readonly specialCategoryDataSets: readonly string[];
  readonly privilegedIdentities: number;
  readonly privilegedWithoutMfa: readonly string[];
  /** Flows that declare no encryption, or `none`. */
  readonly unencryptedFlows: number;
  readonly offlineOrImmutableBackups: number;
  /** Assets expected to log (`LOGGING_EXPECTED_KINDS`) that declare no log source. */
  readonly assetsWithoutLogs: number;
  readonly measuresByStatus: Readonly<Record<string, number>>;
  readonly processes: readonly {
    readonly id: string;
    readonly name: string;
    readonly rto: string | undefined;
    readonly rpo: string | undefined;
    readonly mtpd: string | undefined;
    readonly assets: number;
  }[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(
    Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  );
}

export function summarise(graph: ModelGraph): ModelSummary {
  const model: Model = graph.model;
  const counts = Object.fromEntries(SECTION_NAMES.map((s) => [s, model[s].length])) as Record<
    Section,
    number
  >;
  // the model predicates the rules read: an asset in an OT zone is OT, and privileges and MFA
  // are inherited from groups
  const privileged = model.identities.filter((i) => isPrivileged(graph, i));
  return {
    organisation: model.organisation?.name,
    counts,
    assetsByKind: countBy(model.assets, (a) => a.kind),
    zonesByKind: countBy(model.zones, (z) => z.kind),
    otAssets: model.assets.filter((a) => isOtAsset(graph, a)).length,
    personalDataSets: model.data.filter((d) => d.personal !== undefined).map((d) => d.id),
    specialCategoryDataSets: model.data.filter(isSpecialCategory).map((d) => d.id),
    privilegedIdentities: privileged.length,
    privilegedWithoutMfa: privileged.filter((i) => !hasMfa(graph, i)).map((i) => i.id),
    unencryptedFlows: model.flows.filter((f) => !hasDeclaredEncryption(f)).length,
    offlineOrImmutableBackups: model.backups.filter(
      (b) => b.offline === true || b.immutable === true,
    ).length,
    assetsWithoutLogs: model.assets.filter(lacksNeededLogs).length,
    measuresByStatus: countBy(model.measures, (m) => m.status),
    processes: model.processes.map((p) => ({
      id: p.id,
      name: nameOf(p),
      rto: p.rto,
      rpo: p.rpo,
      mtpd: p.mtpd,
      assets: graph.supportOf(p.id).assets.length,
    })),
  };
}
