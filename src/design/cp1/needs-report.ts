import { nameOf, NEED_CRITERIA, type NeedCriterion } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { analyseNeeds, type NeedsAnalysis } from '../needs.js';
import { text, type LocalizedText } from '../text.js';
import { label } from '../../model/predicates.js';

/** A level per DICP criterion, 0 when unknown. */
export type NeedLevels = Readonly<Record<NeedCriterion, number>>;

/** A business value (process or data set) and the needs declared on it. */
export interface BusinessValueNeeds {
  readonly id: string;
  readonly kind: 'process' | 'data';
  readonly name: string;
  readonly needs: NeedLevels;
}

/** How an asset is linked to the business value its need comes from. */
export type NeedRelation =
  | { readonly kind: 'supports' }
  | { readonly kind: 'stores' }
  | { readonly kind: 'hosts'; readonly via: string }
  | { readonly kind: 'indirect' };

/** One inherited need of an asset, with the business value it comes from and why. */
export interface InheritedNeed {
  readonly level: number;
  readonly source: string | undefined;
  readonly relation: NeedRelation | undefined;
  readonly why: LocalizedText | undefined;
}

/** A supporting asset with its inherited needs. */
export interface SupportingAssetNeeds {
  readonly id: string;
  readonly name: string;
  readonly assetKind: string;
  readonly zone: string | undefined;
  readonly needs: Readonly<Record<NeedCriterion, InheritedNeed>>;
  /** Business values it supports, directly or through what it hosts. */
  readonly supports: readonly string[];
}

/** What must be protected and how much (CP1): business values and their supporting assets. */
export interface NeedsReport {
  readonly businessValues: readonly BusinessValueNeeds[];
  /** Assets that support at least one business value with a known need. */
  readonly assets: readonly SupportingAssetNeeds[];
  /** Assets that support no business value with a known need (a gap to review). */
  readonly unrated: readonly string[];
}

export const CRITERION_LABELS: Readonly<Record<NeedCriterion, LocalizedText>> = {
  availability: text('Availability', 'Disponibilité'),
  integrity: text('Integrity', 'Intégrité'),
  confidentiality: text('Confidentiality', 'Confidentialité'),
  proof: text('Proof', 'Preuve'),
};

/** One-letter DICP code of a criterion (D, I, C, P). */
export const CRITERION_LETTERS: Readonly<Record<NeedCriterion, string>> = {
  availability: 'D',
  integrity: 'I',
  confidentiality: 'C',
  proof: 'P',
};

/** Business values each asset supports (processes through supportOf, data through storage). */
function supportedBy(graph: ModelGraph): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const add = (asset: string, value: string): void => {
    let set = result.get(asset);
    if (set === undefined) result.set(asset, (set = new Set()));
    set.add(value);
  };
  for (const process of graph.model.processes)
    for (const asset of graph.supportOf(process.id).assets) add(asset, process.id);
  for (const data of graph.model.data)
    for (const stored of data.storedOn ?? [])
      for (const asset of [stored, ...graph.hostsOf(stored)])
        if (graph.asset(asset) !== undefined) add(asset, data.id);
  return result;
}

/** How `assetId` relates to the business value `source`. */
export function relationTo(graph: ModelGraph, assetId: string, source: string): NeedRelation {
  const process = graph.process(source);
  const data = graph.data(source);
  const direct = process?.assets ?? data?.storedOn ?? [];
  if (direct.includes(assetId)) return { kind: process === undefined ? 'stores' : 'supports' };
  const candidates =
    process === undefined
      ? (data?.storedOn ?? [])
      : graph.supportOf(source).assets.filter((id) => id !== assetId);
  const hosted = candidates.find((id) => graph.hostsOf(id).includes(assetId));
  return hosted === undefined ? { kind: 'indirect' } : { kind: 'hosts', via: hosted };
}

function whyText(graph: ModelGraph, relation: NeedRelation, source: string): LocalizedText {
  const name = label(graph, source);
  switch (relation.kind) {
    case 'supports':
      return text(`supports the process “${name}”`, `soutient le processus « ${name} »`);
    case 'stores':
      return text(`stores the data “${name}”`, `héberge les données « ${name} »`);
    case 'hosts': {
      const via = label(graph, relation.via);
      return text(
        `hosts “${via}”, which supports “${name}”`,
        `héberge « ${via} », qui soutient « ${name} »`,
      );
    }
    case 'indirect':
      return text(
        `supports “${name}” through a process it depends on or its data`,
        `soutient « ${name} » via un processus dont il dépend ou ses données`,
      );
  }
}

/** The four propagated levels of an entity, without their sources. */
export function needLevelsOf(needs: NeedsAnalysis, id: string): NeedLevels {
  const of = needs.of(id);
  return {
    availability: of.availability.level,
    integrity: of.integrity.level,
    confidentiality: of.confidentiality.level,
    proof: of.proof.level,
  };
}

/** Builds the needs report from the propagated needs of the model. */
export function buildNeedsReport(
  graph: ModelGraph,
  needs: NeedsAnalysis = analyseNeeds(graph),
): NeedsReport {
  const { model } = graph;
  const levels = (id: string): NeedLevels => needLevelsOf(needs, id);
  const businessValues: BusinessValueNeeds[] = [
    ...model.processes.map((p) => ({
      id: p.id,
      kind: 'process' as const,
      name: nameOf(p),
      needs: levels(p.id),
    })),
    ...model.data.map((d) => ({
      id: d.id,
      kind: 'data' as const,
      name: nameOf(d),
      needs: levels(d.id),
    })),
  ];
  const supports = supportedBy(graph);
  const assets: SupportingAssetNeeds[] = [];
  const unrated: string[] = [];
  for (const asset of model.assets) {
    const propagated = needs.of(asset.id);
    if (NEED_CRITERIA.every((c) => propagated[c].level === 0)) {
      unrated.push(asset.id);
      continue;
    }
    const inherited = {} as Record<NeedCriterion, InheritedNeed>;
    for (const criterion of NEED_CRITERIA) {
      const { level, source } = propagated[criterion];
      const relation = source === undefined ? undefined : relationTo(graph, asset.id, source);
      inherited[criterion] = {
        level,
        source,
        relation,
        why:
          source === undefined || relation === undefined
            ? undefined
            : whyText(graph, relation, source),
      };
    }
    assets.push({
      id: asset.id,
      name: nameOf(asset),
      assetKind: asset.kind,
      zone: asset.zone,
      needs: inherited,
      supports: [...(supports.get(asset.id) ?? [])].sort(),
    });
  }
  return { businessValues, assets, unrated };
}
