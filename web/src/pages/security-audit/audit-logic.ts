/**
 * Pure logic of the security audit pages: findings grouped by severity and filtered, campaign
 * durations and activity, the example scope offered by the new-campaign form, scope diagnostics
 * in line order, the overdue actions and the action plan as CSV.
 */
import type {
  AuditCampaignView,
  AuditPlanItemView,
  AuditSeverity,
  AuditFinding,
  DiagnosticView,
  Lang,
} from './api-types';

/** Most severe first. */
export const SEVERITY_ORDER: readonly AuditSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

export const DOMAINS = ['ports', 'tls', 'http', 'ssh', 'dns', 'mail', 'host', 'drift'] as const;
export type Domain = (typeof DOMAINS)[number];

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'md', 'sarif', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const PLAN_STATUSES = ['open', 'in-progress', 'done', 'accepted'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export function isSeverity(value: string): value is AuditSeverity {
  return (SEVERITY_ORDER as readonly string[]).includes(value);
}

export function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}

export interface FindingFilter {
  readonly domain: Domain | null;
  readonly severity: AuditSeverity | null;
  readonly entity: string | null;
  /** Words searched in the id, subject, title, detail and evidence (case and accents ignored). */
  readonly text: string;
}

export const NO_FILTER: FindingFilter = { domain: null, severity: null, entity: null, text: '' };

/** Lower case without accents, for matching typed text. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matchesFinding(finding: AuditFinding, filter: FindingFilter, lang: Lang): boolean {
  if (filter.domain !== null && finding.domain !== filter.domain) return false;
  if (filter.severity !== null && finding.severity !== filter.severity) return false;
  if (filter.entity !== null && !finding.entities.includes(filter.entity)) return false;
  const words = fold(filter.text)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = fold(
    [finding.id, finding.subject, finding.title[lang], finding.detail[lang], finding.evidence].join(
      '\n',
    ),
  );
  return words.every((word) => haystack.includes(word));
}

export interface SeverityGroup {
  readonly severity: AuditSeverity;
  readonly findings: readonly AuditFinding[];
}

/** Non-empty groups, most severe first; inside a group by CVSS score then id. */
export function groupBySeverity(findings: readonly AuditFinding[]): SeverityGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings
      .filter((f) => f.severity === severity)
      .sort((a, b) => b.cvss.score - a.cvss.score || a.id.localeCompare(b.id)),
  })).filter((group) => group.findings.length > 0);
}

/** The model entities the findings name, sorted, each once. */
export function entitiesOf(findings: readonly AuditFinding[]): string[] {
  return [...new Set(findings.flatMap((f) => f.entities))].sort((a, b) => a.localeCompare(b));
}

/** A campaign still moving: the page polls it. */
export function isActive(campaign: Pick<AuditCampaignView, 'status'>): boolean {
  return campaign.status === 'queued' || campaign.status === 'running';
}

/** Seconds between start and finish (or `now` while running); null before it starts. */
export function durationSeconds(
  campaign: Pick<AuditCampaignView, 'started' | 'finished'>,
  now: number,
): number | null {
  if (campaign.started === null) return null;
  const start = Date.parse(campaign.started);
  const end = campaign.finished === null ? now : Date.parse(campaign.finished);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, Math.round((end - start) / 1000));
}

/** Progress as a percentage (0–100), null when the total is unknown. */
export function progressPercent(progress: AuditCampaignView['progress']): number | null {
  if (progress === null || progress.total <= 0) return null;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

/** YAML-safe scalar: plain when it is a simple id, quoted otherwise. */
function scalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * The scope the form starts with: the workspace's first model asset mapped to a loopback
 * address (so nothing outside the lab is probed until the user says so), declared ports.
 */
export function exampleScope(name: string, assetIds: readonly string[]): string {
  const lines = [`name: ${scalar(name)}`];
  const first = assetIds[0];
  if (first === undefined) {
    lines.push('targets:', '  - host: 127.0.0.1', '    ports: [22, 80, 443]', 'ports: declared');
  } else {
    lines.push(
      'model: mapped',
      'targets:',
      '  - host: 127.0.0.1',
      `    asset: ${scalar(first)}`,
      '    # map: { 443: 18443 }   # declared port → port actually reached',
      'ports: declared',
    );
  }
  lines.push('limits: { concurrency: 64, timeout: 1500ms }');
  return `${lines.join('\n')}\n`;
}

/** Scope diagnostics in line then column order (the editor shows them beside itself). */
export function sortDiagnostics(diagnostics: readonly DiagnosticView[]): DiagnosticView[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Offset in `text` of 1-based `line` and `column` (clamped), to place the caret there. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (lines[i]?.length ?? 0) + 1;
  const length = lines[index]?.length ?? 0;
  return offset + Math.min(Math.max(column, 1) - 1, length);
}

export function overdueCount(items: readonly AuditPlanItemView[]): number {
  return items.filter((item) => item.overdue).length;
}

/** A CSV cell: quoted, a leading formula character neutralised (CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The plan as CSV with the page's column headings, UTF-8 BOM first (spreadsheets). */
export function planToCsv(
  items: readonly AuditPlanItemView[],
  headers: readonly string[],
  labels: {
    readonly status: (s: PlanStatus) => string;
    readonly overdue: string;
    readonly lang: Lang;
  },
): string {
  const rows = items.map((item) =>
    [
      item.title[labels.lang],
      item.severity,
      String(item.findings.length),
      item.ownerName ?? item.owner ?? '',
      item.due ?? '',
      labels.status(item.status),
      item.overdue ? labels.overdue : '',
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[headers.map(cell).join(','), ...rows].join('\r\n')}\r\n`;
}

/** Findings of the drift domain (the Drift tab). */
export function driftFindings(findings: readonly AuditFinding[]): AuditFinding[] {
  return findings.filter((f) => f.domain === 'drift');
}
