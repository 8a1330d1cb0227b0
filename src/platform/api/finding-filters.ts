/**
 * The findings list's filters on the work kept beside the model (assignee, due date) and on the
 * decision's review date, applied the same way by the web UI (on the list it shows) and by the
 * export (on what it writes). The model's own filters (severity, status, family, subject, zone,
 * site, text) are applied by the findings API. Pure; no dependency.
 */
import type { FindingView, FindingWorkView } from './types.js';

/** `none`, `me`… are values of the `assignee` filter besides a member's id. */
export const ASSIGNEE_NONE = 'none';
export const DUE_FILTERS = ['overdue', 'set', 'none'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const REVIEW_FILTERS = ['expired', 'set', 'none'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export interface WorkFilter {
  /** A member's id, or `none` for the unassigned findings. */
  readonly assignee?: string | undefined;
  readonly due?: DueFilter | undefined;
  readonly review?: ReviewFilter | undefined;
}

/** A finding with its work (none when nobody worked on it). */
export interface WorkedFinding extends FindingView {
  readonly work: FindingWorkView | null;
}

/** The findings joined with their work, in the findings' order. */
export function withWork(
  findings: readonly FindingView[],
  work: readonly FindingWorkView[],
): WorkedFinding[] {
  const byId = new Map(work.map((w) => [w.findingId, w]));
  return findings.map((f) => ({ ...f, work: byId.get(f.id) ?? null }));
}

/** The findings passing the filter; `today` (ISO date) decides what is overdue. */
export function filterWork(
  findings: readonly WorkedFinding[],
  filter: WorkFilter,
  today: string,
): WorkedFinding[] {
  return findings.filter((f) => {
    const assignee = f.work?.assignee?.id ?? null;
    if (filter.assignee !== undefined && filter.assignee !== '') {
      if (filter.assignee === ASSIGNEE_NONE ? assignee !== null : assignee !== filter.assignee) {
        return false;
      }
    }
    const due = f.work?.dueDate ?? null;
    if (filter.due === 'set' && due === null) return false;
    if (filter.due === 'none' && due !== null) return false;
    // overdue: the due date passed and the finding is still open
    if (filter.due === 'overdue' && (due === null || due >= today || f.status !== 'open')) {
      return false;
    }
    const review = f.decision?.reviewDate ?? null;
    if (filter.review === 'set' && review === null) return false;
    if (filter.review === 'none' && review !== null) return false;
    if (filter.review === 'expired' && f.decision?.expired !== true) return false;
    return true;
  });
}

/**
 * A CSV cell (RFC 4180): quoted when it holds a quote, comma, semicolon or line break; text a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text: a header row then the rows, CRLF line ends, a BOM so spreadsheets read UTF-8. */
export function csvText(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
