import { compareIds } from '../domain/compare.js';
import type { Decision } from '../domain/model/index.js';
import type { Locale } from '../i18n/index.js';
import type { Level, Rule, RuleContext, RuleFamily, RuleHit, RuleReferences } from './rule.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type FindingSeverity = (typeof SEVERITIES)[number];

/** Impact used when none of the entities involved has a known need. */
export const DEFAULT_IMPACT: Level = 2;

/**
 * Severity from likelihood × impact (each 1–4): 16 critical (very likely and critical impact),
 * ≥ 9 high, ≥ 4 medium, else low.
 */
export function severityOf(likelihood: Level, impact: Level): FindingSeverity {
  const score = likelihood * impact;
  if (score >= 16) return 'critical';
  if (score >= 9) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

export function severityRank(severity: FindingSeverity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** A risk decision of the model applied to a finding. */
export interface AppliedDecision {
  readonly id: string;
  readonly status: Decision['status'];
  readonly justification: string;
  readonly owner: string | undefined;
  readonly date: string | undefined;
  readonly reviewDate: string | undefined;
  /** True when the review date has passed: the finding is open again. */
  readonly expired: boolean;
}

export type FindingStatus = 'open' | 'accepted' | 'mitigated' | 'false-positive';

export interface Finding {
  /** `ruleId@subject`, stable across runs: what risk decisions refer to. */
  readonly id: string;
  readonly ruleId: string;
  readonly family: RuleFamily;
  readonly severity: FindingSeverity;
  readonly likelihood: Level;
  readonly impact: Level;
  readonly title: string;
  readonly detail: string;
  readonly remediation: string;
  /** The subject first, then the other entities involved. */
  readonly subjects: readonly string[];
  readonly references: RuleReferences;
  /**
   * The entity whose weakness this finding is one facet of (the subject unless the rule says
   * otherwise): findings sharing it form one root cause, `rc@<rootCause>` (root-causes.ts).
   */
  readonly rootCause: string;
  readonly status: FindingStatus;
  readonly decision?: AppliedDecision;
}

/** Subject used for the organisation as a whole when it has no id (rules write `$organisation`). */
export const ORGANISATION_SUBJECT = 'organisation';

/** The subject as written in finding ids: `$organisation` becomes the organisation's id. */
export function findingSubject(subject: string, organisationId?: string): string {
  return subject === '$organisation' ? (organisationId ?? ORGANISATION_SUBJECT) : subject;
}

const clampLevel = (value: number): Level => Math.min(4, Math.max(1, Math.round(value))) as Level;

/** Turns the hits of one rule into findings, in the user's language. */
export function toFindings(
  rule: Rule,
  hits: readonly RuleHit[],
  context: RuleContext,
  locale: Locale,
  decisions: ReadonlyMap<string, Decision>,
): Finding[] {
  const byId = new Map<string, Finding>();
  const organisationId = context.model.organisation?.id;
  for (const ruleHit of hits) {
    const id = `${rule.id}@${findingSubject(ruleHit.subject, organisationId)}`;
    const subjects = [
      ruleHit.subject,
      ...(ruleHit.related ?? []).filter((s) => s !== ruleHit.subject),
    ];
    const unique = [...new Set(subjects)];
    const derived = context.needs.max(unique, rule.impact);
    const impact = ruleHit.impact ?? (derived === 0 ? DEFAULT_IMPACT : clampLevel(derived));
    const likelihood = ruleHit.likelihood ?? rule.likelihood;
    const previous = byId.get(id);
    const finding: Finding = {
      id,
      ruleId: rule.id,
      family: rule.family,
      severity: severityOf(likelihood, impact),
      likelihood,
      impact,
      title: rule.title[locale],
      detail: ruleHit.detail[locale],
      remediation: rule.remediation[locale],
      subjects: unique,
      references: rule.references,
      rootCause: findingSubject(ruleHit.rootCause ?? ruleHit.subject, organisationId),
      ...applyDecision(decisions.get(id), context.today),
    };
    // one finding per subject: keep the most severe occurrence, merge the entities involved
    if (
      previous === undefined ||
      finding.likelihood * finding.impact > previous.likelihood * previous.impact
    ) {
      byId.set(
        id,
        previous === undefined
          ? finding
          : { ...finding, subjects: [...new Set([...finding.subjects, ...previous.subjects])] },
      );
    } else {
      byId.set(id, { ...previous, subjects: [...new Set([...previous.subjects, ...unique])] });
    }
  }
  return [...byId.values()];
}

function applyDecision(
  decision: Decision | undefined,
  today: string,
): { status: FindingStatus; decision?: AppliedDecision } {
  if (decision === undefined) return { status: 'open' };
  const expired = decision.reviewDate !== undefined && decision.reviewDate < today;
  return {
    status: expired ? 'open' : decision.status,
    decision: {
      id: decision.id,
      status: decision.status,
      justification: decision.justification,
      owner: decision.owner,
      date: decision.date,
      reviewDate: decision.reviewDate,
      expired,
    },
  };
}

/** Orders findings: most severe first, then by rule and subject (stable output). */
export function compareFindings(a: Finding, b: Finding): number {
  const rank = severityRank(b.severity) - severityRank(a.severity);
  if (rank !== 0) return rank;
  const score = b.likelihood * b.impact - a.likelihood * a.impact;
  if (score !== 0) return score;
  return compareIds(a.id, b.id);
}
