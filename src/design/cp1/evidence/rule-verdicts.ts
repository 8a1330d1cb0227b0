import type { Decision } from '../../../domain/model/index.js';
import { analysesOf } from '../../analyses/index.js';
import { findingSubject, type FindingStatus } from '../../findings.js';
import type { NeedsAnalysis } from '../../needs.js';
import type { Rule, RuleContext, RuleHit } from '../../rule.js';
import type { LocalizedText } from '../../text.js';
import type { EvidenceContext } from './types.js';

/** What one rule says about one subject, the model's risk decision applied. */
export interface RuleVerdict {
  readonly ruleId: string;
  /** The finding's subject, `$organisation` resolved to the organisation's id. */
  readonly subject: string;
  /** The subject first, then the other entities involved. */
  readonly entities: readonly string[];
  readonly status: FindingStatus;
  readonly detail: LocalizedText;
}

/**
 * Verdicts by needs analysis (one per graph, and rules read it), then by `today|ruleId`: the
 * checks of one baseline share rule runs.
 */
const cache = new WeakMap<NeedsAnalysis, Map<string, readonly RuleVerdict[]>>();

/** The status of finding `id` as `findingsOfHits` sets it: a decision past its review is open. */
function statusOf(decision: Decision | undefined, today: string): FindingStatus {
  if (decision === undefined) return 'open';
  return decision.reviewDate !== undefined && decision.reviewDate < today
    ? 'open'
    : decision.status;
}

/** The hits of a rule; none when it fails (the analysis reports that failure, as a finding-less rule). */
function hitsOf(rule: Rule, context: RuleContext): readonly RuleHit[] {
  try {
    return rule.evaluate(context);
  } catch {
    return [];
  }
}

/**
 * The findings of `rule` on the model, as the analysis reports them (same hits, same finding
 * ids, same risk decisions), so that evidence built on them cannot disagree with the rule.
 */
export function verdictsOf(context: EvidenceContext, rule: Rule): readonly RuleVerdict[] {
  const { graph, needs, today } = context;
  let byRule = cache.get(needs);
  if (byRule === undefined) {
    byRule = new Map();
    cache.set(needs, byRule);
  }
  const key = `${today}|${rule.id}`;
  const known = byRule.get(key);
  if (known !== undefined) return known;
  const ruleContext: RuleContext = {
    model: context.model,
    graph,
    needs,
    analyses: analysesOf(graph),
    today,
  };
  const organisationId = context.model.organisation?.id;
  const decisions = new Map(context.model.decisions.map((d) => [d.finding, d]));
  const verdicts = hitsOf(rule, ruleContext).map((hit): RuleVerdict => {
    const subject = findingSubject(hit.subject, organisationId);
    return {
      ruleId: rule.id,
      subject,
      entities: [...new Set([subject, ...(hit.related ?? [])])],
      status: statusOf(decisions.get(`${rule.id}@${subject}`), today),
      detail: hit.detail,
    };
  });
  byRule.set(key, verdicts);
  return verdicts;
}

/**
 * The gaps these rules find: findings open or accepted (an accepted risk is still a gap in the
 * measure); a finding marked mitigated or false positive is not one.
 */
export function gapsOf(context: EvidenceContext, rules: readonly Rule[]): RuleVerdict[] {
  return rules.flatMap((rule) =>
    verdictsOf(context, rule).filter((v) => v.status === 'open' || v.status === 'accepted'),
  );
}

/** The subjects of these gaps, each once, in the rules' order. */
export function subjectsOf(verdicts: readonly RuleVerdict[]): string[] {
  return [...new Set(verdicts.map((v) => v.subject))];
}
