import type { Model } from '../../../domain/model/index.js';
import type { ModelGraph } from '../../../model/graph.js';
import type { NeedsAnalysis } from '../../needs.js';
import { text, type LocalizedText } from '../../text.js';

/** What the model proves (`supports`) or disproves (`contradicts`) about a hygiene measure. */
export interface Evidence {
  readonly measure: number;
  /** Id of the check that produced it. */
  readonly check: string;
  readonly effect: 'supports' | 'contradicts';
  readonly entities: readonly string[];
  readonly text: LocalizedText;
}

export interface EvidenceContext {
  readonly model: Model;
  readonly graph: ModelGraph;
  readonly needs: NeedsAnalysis;
  /** Today's date (ISO), for support ends and departures. */
  readonly today: string;
}

/** One "model evidence" function: a hygiene measure and how the model bears on it. */
export interface EvidenceCheck {
  readonly id: string;
  readonly measure: number;
  /** What the check looks at, for documentation. */
  readonly description: LocalizedText;
  evaluate(context: EvidenceContext): readonly Evidence[];
}

/** Helpers that build the evidence of one check. */
export function evidenceOf(check: { readonly id: string; readonly measure: number }): {
  supports: (entities: readonly string[], en: string, fr: string) => Evidence;
  contradicts: (entities: readonly string[], en: string, fr: string) => Evidence;
} {
  const make =
    (effect: Evidence['effect']) =>
    (entities: readonly string[], en: string, fr: string): Evidence => ({
      measure: check.measure,
      check: check.id,
      effect,
      entities: [...new Set(entities)],
      text: text(en, fr),
    });
  return { supports: make('supports'), contradicts: make('contradicts') };
}

/**
 * A check of ANSSI hygiene measure `measure`: `evaluate` receives the context and the helpers
 * that make this check's evidence.
 */
export function defineEvidenceCheck(
  id: string,
  measure: number,
  description: LocalizedText,
  evaluate: (context: EvidenceContext, e: ReturnType<typeof evidenceOf>) => Evidence[],
): EvidenceCheck {
  const e = evidenceOf({ id, measure });
  return { id, measure, description, evaluate: (context) => evaluate(context, e) };
}

/** At most `limit` ids, then `…` (messages stay readable on large models). */
export function ids(values: readonly string[], limit = 8): string {
  return values.length <= limit
    ? values.join(', ')
    : `${values.slice(0, limit).join(', ')}, … (+${values.length - limit})`;
}
