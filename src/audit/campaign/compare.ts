/**
 * Two campaigns compared by finding id (`check@subject`, stable across runs): what appeared,
 * what was fixed, what persists. Each list keeps the order findings are shown in (most severe
 * first); `persisting` holds the current campaign's version of each finding.
 */
import { compareFindings } from '../findings.js';
import type { AuditFinding, AuditResults } from '../types.js';

export interface CampaignComparison {
  readonly added: readonly AuditFinding[];
  readonly fixed: readonly AuditFinding[];
  readonly persisting: readonly AuditFinding[];
}

export function compareCampaigns(
  previous: Pick<AuditResults, 'findings'>,
  current: Pick<AuditResults, 'findings'>,
): CampaignComparison {
  const before = new Set(previous.findings.map((f) => f.id));
  const now = new Set(current.findings.map((f) => f.id));
  return {
    added: current.findings.filter((f) => !before.has(f.id)).sort(compareFindings),
    fixed: previous.findings.filter((f) => !now.has(f.id)).sort(compareFindings),
    persisting: current.findings.filter((f) => before.has(f.id)).sort(compareFindings),
  };
}
