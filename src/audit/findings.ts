/**
 * From a check's hit to the one finding format every domain shares: severity and score come
 * from the CVSS vector (the hit's, else the check's), evidence is trimmed, entities sorted.
 * `runChecks` evaluates a registry over one observation; a check that throws is a bug, reported
 * as an error hit of the `audit-check-failed` kind rather than losing the other checks' results.
 */
import { cvss31Score, severityOfScore } from './cvss.js';
import { MAX_EVIDENCE } from './types.js';
import type { AuditFinding, Check, CheckHit, CheckMetadata } from './types.js';

/** Trims evidence to MAX_EVIDENCE characters, marking the cut. */
export function trimEvidence(evidence: string, max = MAX_EVIDENCE): string {
  return evidence.length <= max ? evidence : `${evidence.slice(0, max - 1)}…`;
}

export function toFinding(check: CheckMetadata, hit: CheckHit): AuditFinding {
  const vector = hit.cvss ?? check.cvss;
  const score = cvss31Score(vector);
  return {
    id: `${check.id}@${hit.subject}`,
    check: check.id,
    domain: check.domain,
    severity: severityOfScore(score),
    cvss: { vector, score },
    subject: hit.subject,
    title: check.title,
    detail: hit.detail,
    evidence: trimEvidence(hit.evidence),
    remediation: check.remediation,
    references: check.references,
    entities: [...new Set(hit.entities ?? [])].sort(),
    ...(hit.proposal !== undefined ? { proposal: hit.proposal } : {}),
  };
}

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** Most severe first, then by score, then by id: the order every output uses. */
export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    b.cvss.score - a.cvss.score ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Runs every check of a registry on one observation; findings sorted, ids unique. */
export function runChecks<O, C>(
  checks: readonly Check<O, C>[],
  observation: O,
  context: C,
): AuditFinding[] {
  const byId = new Map<string, AuditFinding>();
  for (const check of checks) {
    for (const hit of check.evaluate(observation, context)) {
      const finding = toFinding(check, hit);
      if (!byId.has(finding.id)) byId.set(finding.id, finding);
    }
  }
  return [...byId.values()].sort(compareFindings);
}
