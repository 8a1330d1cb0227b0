import type { Rule } from '../../rule.js';
import type { LocalizedText } from '../../text.js';
import { gapsOf, subjectsOf } from './rule-verdicts.js';
import { ids, type Evidence, type EvidenceContext } from './types.js';

/**
 * One "contradicts" item listing the subjects of the gaps these rules find (`prefix: a, b…`),
 * or none: the evidence of a fact a rule judges is that rule's findings.
 */
export function gapEvidence(
  context: EvidenceContext,
  rules: readonly Rule[],
  contradicts: (entities: readonly string[], en: string, fr: string) => Evidence,
  prefix: LocalizedText,
): Evidence[] {
  const subjects = subjectsOf(gapsOf(context, rules));
  return subjects.length === 0
    ? []
    : [contradicts(subjects, `${prefix.en}: ${ids(subjects)}`, `${prefix.fr} : ${ids(subjects)}`)];
}

/** One "contradicts" item per gap, worded as the rule words its finding. */
export function gapsItemised(
  context: EvidenceContext,
  rules: readonly Rule[],
  contradicts: (entities: readonly string[], en: string, fr: string) => Evidence,
): Evidence[] {
  return gapsOf(context, rules).map((gap) =>
    contradicts(gap.entities, gap.detail.en, gap.detail.fr),
  );
}

/**
 * Every entity of the gaps these rules find (subjects and entities involved): a check keeps its
 * own wording and lists only what these rules also find, so a rule's exemption is the check's.
 */
export function gapEntities(context: EvidenceContext, rules: readonly Rule[]): Set<string> {
  return new Set(gapsOf(context, rules).flatMap((gap) => gap.entities));
}
