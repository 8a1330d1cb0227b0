import { byId } from '../../domain/compare.js';
import { nameOf, NEED_CRITERIA, type NeedCriterion } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { analyseNeeds, type NeedsAnalysis } from '../needs.js';
import { sectorFamilyOf, sectorImpacts } from '../sector.js';
import { text, type LocalizedText } from '../text.js';
import { assessBaseline, type Baseline } from './baseline.js';
import { needLevelsOf, type NeedLevels } from './needs-report.js';

/** EBIOS RM severity scale (G1–G4). */
export const SEVERITY_SCALE: Readonly<Record<1 | 2 | 3 | 4, LocalizedText>> = {
  1: text('G1 minor', 'G1 mineure'),
  2: text('G2 significant', 'G2 significative'),
  3: text('G3 serious', 'G3 grave'),
  4: text('G4 critical', 'G4 critique'),
};

/** A supporting asset of a business value. */
export interface SupportingAsset {
  readonly id: string;
  readonly name: string;
  readonly assetKind: string;
}

/** A business value of workshop 1: a process or a data set, its needs and supporting assets. */
export interface EbiosBusinessValue {
  readonly id: string;
  readonly kind: 'process' | 'data';
  readonly name: string;
  readonly owner: string | undefined;
  readonly needs: NeedLevels;
  readonly supportingAssets: readonly SupportingAsset[];
}

/** A feared event: a business value losing one criterion, with its severity. */
export interface FearedEvent {
  /** `<business value>:<criterion>`, stable. */
  readonly id: string;
  readonly businessValue: string;
  readonly criterion: NeedCriterion;
  /** 1–4, the need on that criterion. */
  readonly severity: 1 | 2 | 3 | 4;
  readonly text: LocalizedText;
  /** What it would mean for the organisation. */
  readonly impacts: LocalizedText;
}

/** EBIOS RM workshop 1: framing and security baseline. */
export interface EbiosFraming {
  readonly organisation: string | undefined;
  readonly businessValues: readonly EbiosBusinessValue[];
  readonly fearedEvents: readonly FearedEvent[];
  readonly baseline: Baseline;
}

function fearedText(
  criterion: NeedCriterion,
  name: string,
  detail: { rto?: string | undefined; personal: boolean },
): { text: LocalizedText; impacts: LocalizedText } {
  switch (criterion) {
    case 'availability':
      return {
        text: text(
          `“${name}” unavailable${detail.rto === undefined ? '' : ` beyond its RTO of ${detail.rto}`}`,
          `Indisponibilité de « ${name} »${detail.rto === undefined ? '' : ` au-delà de son RTO de ${detail.rto}`}`,
        ),
        impacts: text(
          'activity stopped or degraded, financial losses, penalties',
          'activité arrêtée ou dégradée, pertes financières, pénalités',
        ),
      };
    case 'integrity':
      return {
        text: text(`“${name}” altered or falsified`, `Altération ou falsification de « ${name} »`),
        impacts: text(
          'wrong decisions or production, loss of trust, safety of people for industrial data',
          'décisions ou production erronées, perte de confiance, sécurité des personnes pour les données industrielles',
        ),
      };
    case 'confidentiality':
      return {
        text: text(
          `“${name}” disclosed to unauthorised people${detail.personal ? ' (a personal-data breach)' : ''}`,
          `Divulgation de « ${name} » à des personnes non autorisées${detail.personal ? ' (violation de données personnelles)' : ''}`,
        ),
        impacts: detail.personal
          ? text(
              'harm to the people concerned, GDPR notification and sanctions, reputation',
              'préjudice pour les personnes concernées, notification et sanctions RGPD, réputation',
            )
          : text(
              'loss of know-how or competitive edge, breach of contracts, reputation',
              'perte de savoir-faire ou d’avantage concurrentiel, manquement contractuel, réputation',
            ),
      };
    case 'proof':
      return {
        text: text(
          `Actions on “${name}” can no longer be traced or proven`,
          `Impossibilité de tracer ou de prouver les actions sur « ${name} »`,
        ),
        impacts: text(
          'disputes that cannot be settled, investigations impossible, non-compliance',
          'litiges impossibles à trancher, enquêtes impossibles, non-conformité',
        ),
      };
  }
}

const toSupporting = (graph: ModelGraph, ids: readonly string[]): SupportingAsset[] =>
  [...new Set(ids)].sort().flatMap((id) => {
    const asset = graph.asset(id);
    return asset === undefined ? [] : [{ id, name: nameOf(asset), assetKind: asset.kind }];
  });

/**
 * EBIOS RM workshop 1 from the model: business values (processes and data sets), their
 * supporting assets, one feared event per business value and criterion with a known need
 * (severity = the need, impacts worded for the organisation's sector), and the security baseline
 * of the 42 hygiene measures.
 */
export function frameEbios(
  graph: ModelGraph,
  today: string,
  needs: NeedsAnalysis = analyseNeeds(graph),
  baseline: Baseline = assessBaseline(graph, today, needs),
): EbiosFraming {
  const { model } = graph;
  const levels = (id: string): NeedLevels => needLevelsOf(needs, id);
  const businessValues: EbiosBusinessValue[] = [
    ...model.processes.map((p) => ({
      id: p.id,
      kind: 'process' as const,
      name: nameOf(p),
      owner: p.owner,
      needs: levels(p.id),
      supportingAssets: toSupporting(graph, graph.supportOf(p.id).assets),
    })),
    ...model.data.map((d) => ({
      id: d.id,
      kind: 'data' as const,
      name: nameOf(d),
      owner: d.owner,
      needs: levels(d.id),
      supportingAssets: toSupporting(
        graph,
        (d.storedOn ?? []).flatMap((id) => [id, ...graph.hostsOf(id)]),
      ),
    })),
  ];
  const fearedEvents: FearedEvent[] = [];
  const family = sectorFamilyOf(model.organisation);
  for (const value of businessValues) {
    const rto = value.kind === 'process' ? graph.process(value.id)?.rto : undefined;
    const personal = value.kind === 'data' && graph.data(value.id)?.personal !== undefined;
    for (const criterion of NEED_CRITERIA) {
      const level = value.needs[criterion];
      if (level < 1) continue;
      const described = fearedText(criterion, value.name, { rto, personal });
      fearedEvents.push({
        id: `${value.id}:${criterion}`,
        businessValue: value.id,
        criterion,
        severity: Math.min(4, level) as 1 | 2 | 3 | 4,
        text: described.text,
        impacts: sectorImpacts(family, criterion, personal) ?? described.impacts,
      });
    }
  }
  fearedEvents.sort((a, b) => b.severity - a.severity || byId(a, b));
  return {
    organisation: model.organisation?.name,
    businessValues,
    fearedEvents,
    baseline,
  };
}
