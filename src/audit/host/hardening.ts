/**
 * The hardening index: how much of the host audit's ground the host passes, 0–100, each check
 * weighted by its CVSS score (a failed critical check costs more than a failed low one), over the
 * checks that could be judged. Like Lynis's index, a summary for trends — not a grade of risk.
 */
import { cvss31Score } from '../cvss.js';
import type { AuditFinding, CheckMetadata } from '../types.js';

export interface HardeningIndex {
  /** 0 (nothing passes) to 100 (every judged check passes). */
  readonly index: number;
  readonly passed: number;
  readonly failed: number;
}

export function hardeningIndex(
  checks: readonly CheckMetadata[],
  findings: readonly AuditFinding[],
): HardeningIndex {
  const failedIds = new Set(findings.map((finding) => finding.check));
  let total = 0;
  let lost = 0;
  for (const check of checks) {
    const weight = Math.max(1, cvss31Score(check.cvss));
    total += weight;
    if (failedIds.has(check.id)) lost += weight;
  }
  const failed = checks.filter((check) => failedIds.has(check.id)).length;
  return {
    index: total === 0 ? 100 : Math.round((100 * (total - lost)) / total),
    passed: checks.length - failed,
    failed,
  };
}
