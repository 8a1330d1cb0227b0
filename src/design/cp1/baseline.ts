import type { MEASURE_STATUSES } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { analyseNeeds, type NeedsAnalysis } from '../needs.js';
import { HYGIENE_MEASURES, type HygieneMeasure } from './data/anssi-hygiene.js';
import { EVIDENCE_CHECKS, type Evidence, type EvidenceCheck } from './evidence/index.js';

/** A status a model's measure declares. */
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The status a measure ends up with; `unknown` when neither declared nor evidenced. */
export type EffectiveStatus = MeasureStatus | 'unknown';

/** One of the 42 hygiene measures: what the model declares, what it shows, what results. */
export interface BaselineItem {
  readonly measure: HygieneMeasure;
  /** Declared status (the weakest when several measures of the model map to it). */
  readonly declared: MeasureStatus | undefined;
  /** Ids of the model's measures that map to it. */
  readonly declaredBy: readonly string[];
  readonly evidence: readonly Evidence[];
  readonly contradicted: boolean;
  readonly effective: EffectiveStatus;
}

export interface BaselineScore {
  /** Measures not declared `not-applicable`. */
  readonly applicable: number;
  readonly implemented: number;
  readonly partial: number;
  readonly planned: number;
  readonly notImplemented: number;
  readonly notApplicable: number;
  readonly unknown: number;
  readonly contradicted: number;
  /** Share of applicable measures effectively implemented, in percent (rounded). */
  readonly percent: number;
  /** Same, with partial measures counted half (contradicted ones count zero). */
  readonly weightedPercent: number;
}

/** The security baseline: the 42 measures and the score. */
export interface Baseline {
  readonly items: readonly BaselineItem[];
  readonly score: BaselineScore;
}

const RANK: Readonly<Record<MeasureStatus, number>> = {
  implemented: 4,
  partial: 3,
  planned: 2,
  'not-implemented': 1,
  'not-applicable': 5,
};

/** The weakest of several declared statuses (not-applicable only when all are). */
function weakest(statuses: readonly MeasureStatus[]): MeasureStatus | undefined {
  let result: MeasureStatus | undefined;
  for (const status of statuses)
    if (result === undefined || RANK[status] < RANK[result]) result = status;
  return result;
}

/**
 * Effective status: the declaration, downgraded when the model contradicts it (implemented →
 * partial, not-applicable → not-implemented); an undeclared measure is `not-implemented` when
 * contradicted, `partial` when only supported, `unknown` otherwise.
 */
export function effectiveStatus(
  declared: MeasureStatus | undefined,
  evidence: readonly Evidence[],
): EffectiveStatus {
  const contradicted = evidence.some((e) => e.effect === 'contradicts');
  const supported = evidence.some((e) => e.effect === 'supports');
  if (declared === undefined) {
    if (contradicted) return 'not-implemented';
    return supported ? 'partial' : 'unknown';
  }
  if (!contradicted) return declared;
  if (declared === 'implemented') return 'partial';
  if (declared === 'not-applicable') return 'not-implemented';
  return declared;
}

function score(items: readonly BaselineItem[]): BaselineScore {
  const countOf = (status: EffectiveStatus): number =>
    items.filter((i) => i.effective === status).length;
  const notApplicable = countOf('not-applicable');
  const applicable = items.length - notApplicable;
  const implemented = countOf('implemented');
  const partialUncontradicted = items.filter(
    (i) => i.effective === 'partial' && !i.contradicted,
  ).length;
  const ratio = (value: number): number =>
    applicable === 0 ? 0 : Math.round((100 * value) / applicable);
  return {
    applicable,
    implemented,
    partial: countOf('partial'),
    planned: countOf('planned'),
    notImplemented: countOf('not-implemented'),
    notApplicable,
    unknown: countOf('unknown'),
    contradicted: items.filter((i) => i.contradicted).length,
    percent: ratio(implemented),
    weightedPercent: ratio(implemented + partialUncontradicted / 2),
  };
}

/**
 * The status of each of the 42 ANSSI hygiene measures, from the model's declared `measures`
 * plus what the model itself proves or contradicts (the evidence checks).
 */
export function assessBaseline(
  graph: ModelGraph,
  today: string,
  needs: NeedsAnalysis = analyseNeeds(graph),
  checks: readonly EvidenceCheck[] = EVIDENCE_CHECKS,
): Baseline {
  const { model } = graph;
  const evidence = checks.flatMap((check) => check.evaluate({ model, graph, needs, today }));
  const items = HYGIENE_MEASURES.map((measure): BaselineItem => {
    const declaring = model.measures.filter((m) => m.hygiene === measure.number);
    const declared = weakest(declaring.map((m) => m.status));
    const own = evidence.filter((e) => e.measure === measure.number);
    return {
      measure,
      declared,
      declaredBy: declaring.map((m) => m.id),
      evidence: own,
      contradicted: own.some((e) => e.effect === 'contradicts'),
      effective: effectiveStatus(declared, own),
    };
  });
  return { items, score: score(items) };
}
