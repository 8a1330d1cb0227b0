import type { Model } from '../../../domain/model/index.js';
import type { ModelGraph } from '../../../model/graph.js';
import { findingSubject } from '../../findings.js';
import type { NeedsAnalysis } from '../../needs.js';
import type { Rule } from '../../rule.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { text, type LocalizedText } from '../../text.js';
import { verdictsOf } from './rule-verdicts.js';

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
  /**
   * The rules that judge the same fact as this check. Its gaps ("contradicts") are theirs, so the
   * baseline and the findings agree; its support is withdrawn while one of them, or a rule
   * referencing the same hygiene measure, has an open finding on the same entities.
   */
  readonly rules: readonly Rule[];
  /** Rules referencing this measure that judge another fact, each with the reason. */
  readonly unrelated: Readonly<Record<string, string>>;
  /** Why no rule judges what this check contradicts, when none does (its own predicate stands). */
  readonly unjudged?: string;
  evaluate(context: EvidenceContext): readonly Evidence[];
}

/** How a check relates to the rules (see {@link EvidenceCheck}). */
export interface CheckJudges {
  readonly rules?: readonly Rule[];
  readonly unrelated?: Readonly<Record<string, string>>;
  readonly unjudged?: string;
}

/** What a check's `evaluate` receives to build its evidence. */
export interface EvidenceHelpers extends ReturnType<typeof evidenceOf> {
  /** The entities no open finding of a judging rule is about: what support may name. */
  undisputed: (entities: readonly string[]) => string[];
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
 * The rules whose open findings withdraw a check's support: the check's own rules and every
 * rule referencing its hygiene measure, except those documented as judging another fact.
 */
export function rulesJudging(
  check: Pick<EvidenceCheck, 'measure' | 'rules' | 'unrelated'>,
): Rule[] {
  const reference = `hygiene:${check.measure}`;
  const byMeasure = BUILTIN_RULES.filter(
    (rule) => rule.references.anssi.includes(reference) && !(rule.id in check.unrelated),
  );
  return [...new Set([...check.rules, ...byMeasure])];
}

/**
 * True when a finding about `subject` disputes this evidence: it names the subject. A finding
 * about the organisation as a whole (`$organisation`) says nothing of one fact named after the
 * organisation (one mail domain of several, for instance), so it disputes none.
 */
export function disputes(subject: string, evidence: Evidence, context: EvidenceContext): boolean {
  const organisation = findingSubject('$organisation', context.model.organisation?.id);
  return subject !== organisation && evidence.entities.includes(subject);
}

/**
 * A check of ANSSI hygiene measure `measure`: `evaluate` receives the context and the helpers
 * that make this check's evidence. What it supports is dropped when a judging rule
 * ({@link rulesJudging}) has an open finding about one of the entities it names
 * ({@link disputes}): the baseline does not call a fact evidenced that a finding disputes.
 */
export function defineEvidenceCheck(
  id: string,
  measure: number,
  description: LocalizedText,
  evaluate: (context: EvidenceContext, e: EvidenceHelpers) => Evidence[],
  judges: CheckJudges = {},
): EvidenceCheck {
  const e = evidenceOf({ id, measure });
  const check = {
    id,
    measure,
    description,
    rules: judges.rules ?? [],
    unrelated: judges.unrelated ?? {},
    ...(judges.unjudged === undefined ? {} : { unjudged: judges.unjudged }),
  };
  let judging: Rule[] | undefined;
  return {
    ...check,
    evaluate: (context) => {
      judging ??= rulesJudging(check);
      const rules = judging;
      const isDisputed = (item: Evidence): boolean =>
        rules.some((rule) =>
          verdictsOf(context, rule).some(
            (v) => v.status === 'open' && disputes(v.subject, item, context),
          ),
        );
      const undisputed = (list: readonly string[]): string[] =>
        list.filter((entity) => !isDisputed(e.supports([entity], '', '')));
      return evaluate(context, { ...e, undisputed }).filter(
        (item) => item.effect === 'contradicts' || !isDisputed(item),
      );
    },
  };
}

/** At most `limit` ids, then `…` (messages stay readable on large models). */
export function ids(values: readonly string[], limit = 8): string {
  return values.length <= limit
    ? values.join(', ')
    : `${values.slice(0, limit).join(', ')}, … (+${values.length - limit})`;
}
