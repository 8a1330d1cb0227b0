/**
 * The action plan of a campaign: one action per root cause — a check — gathering its findings.
 *
 * - severity: the worst of its findings;
 * - owner: an identity of the model — the owner most of the findings' assets declare (ties: the
 *   smallest id), else the organisation's security referent, else nobody (null);
 * - due date: counted from `today` by severity — critical 7 days, high 30, medium 90, low 180,
 *   info 365 (informational findings are model upkeep: they still get an owner and a date);
 * - status: open (the platform tracks it afterwards).
 *
 * Actions are ordered as findings are: most severe first, then by the number of findings.
 */
import type { LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { compareFindings } from '../findings.js';
import { SEVERITIES, type AuditFinding, type AuditResults, type Severity } from '../types.js';

/** Days allowed to fix, by severity. */
export const DUE_DAYS: Readonly<Record<Severity, number>> = {
  critical: 7,
  high: 30,
  medium: 90,
  low: 180,
  info: 365,
};

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'accepted'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionItem {
  /** `action:<check id>`: stable across campaigns, like the findings it gathers. */
  readonly id: string;
  readonly check: string;
  readonly title: LocalizedText;
  readonly remediation: LocalizedText;
  readonly severity: Severity;
  /** Finding ids, most severe first. */
  readonly findings: readonly string[];
  /** Model entities the findings name, sorted. */
  readonly entities: readonly string[];
  /** Identity id, or null when the model names nobody. */
  readonly owner: string | null;
  readonly ownerName: string | null;
  /** ISO date. */
  readonly due: string;
  readonly status: ActionStatus;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function ownerOf(graph: ModelGraph | undefined, findings: readonly AuditFinding[]): string | null {
  if (graph === undefined) return null;
  const votes = new Map<string, number>();
  for (const id of new Set(findings.flatMap((f) => f.entities))) {
    const owner = graph.asset(id)?.owner;
    if (owner !== undefined && graph.identity(owner) !== undefined)
      votes.set(owner, (votes.get(owner) ?? 0) + 1);
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (best !== undefined) return best[0];
  const referent = graph.model.organisation?.securityReferent;
  return referent !== undefined && graph.identity(referent) !== undefined ? referent : null;
}

export function buildActionPlan(
  results: Pick<AuditResults, 'findings'>,
  options: { readonly graph?: ModelGraph; readonly today: string },
): ActionItem[] {
  const byCheck = new Map<string, AuditFinding[]>();
  for (const finding of [...results.findings].sort(compareFindings)) {
    const list = byCheck.get(finding.check);
    if (list === undefined) byCheck.set(finding.check, [finding]);
    else list.push(finding);
  }
  const actions = [...byCheck.values()].map((findings): ActionItem => {
    const [worst] = findings as [AuditFinding, ...AuditFinding[]];
    const owner = ownerOf(options.graph, findings);
    const identity = owner === null ? undefined : options.graph?.identity(owner);
    return {
      id: `action:${worst.check}`,
      check: worst.check,
      title: worst.title,
      remediation: worst.remediation,
      severity: worst.severity,
      findings: findings.map((f) => f.id),
      entities: [...new Set(findings.flatMap((f) => f.entities))].sort(),
      owner,
      ownerName: identity === undefined ? null : (identity.name ?? identity.id),
      due: addDays(options.today, DUE_DAYS[worst.severity]),
      status: 'open',
    };
  });
  const worstScore = new Map(
    [...byCheck.values()].map((list) => [list[0]?.check, list[0]?.cvss.score ?? 0]),
  );
  return actions.sort(
    (a, b) =>
      SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
      (worstScore.get(b.check) ?? 0) - (worstScore.get(a.check) ?? 0) ||
      b.findings.length - a.findings.length ||
      (a.id < b.id ? -1 : 1),
  );
}
