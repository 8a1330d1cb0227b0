/**
 * Which risk decisions need an e-mail reminder at a given date. Pure: the scheduler
 * (`scheduler.ts`) feeds it the findings of each workspace's latest version, the date by the
 * store's clock and the reminders already sent, and sends what it returns.
 *
 * A decision with a review date gets at most two reminders for that date: `upcoming` once the
 * date is `daysBefore` days away or nearer, and `lapsed` once it has passed (the finding is open
 * again). A decision first seen after its date passed gets only the `lapsed` one. Changing the
 * review date (a new decision) starts over: reminders are keyed by (finding, kind, review date).
 */
import type { ReminderKind } from '../store/index.js';

/** What the selection reads of a finding (a `FindingView` fits). */
export interface ReminderFinding {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly decision: {
    readonly status: string;
    readonly reviewDate: string | null;
  } | null;
}

export interface Reminder {
  readonly findingId: string;
  readonly kind: ReminderKind;
  /** ISO date (YYYY-MM-DD) the reminder is about. */
  readonly reviewDate: string;
  /** Days from today to the review date (negative once lapsed). */
  readonly daysLeft: number;
}

/** Days before the review date the `upcoming` reminder is sent (default). */
export const DEFAULT_DAYS_BEFORE = 14;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The key of a reminder in the set of those already sent. */
export const reminderKey = (r: Pick<Reminder, 'findingId' | 'kind' | 'reviewDate'>): string =>
  `${r.findingId}|${r.kind}|${r.reviewDate}`;

/**
 * The reminders due `today` (ISO date) that are not in `sent` (keys of `reminderKey`), most
 * urgent first (lapsed, then nearest review date), then by finding id.
 */
export function remindersDue(
  findings: readonly ReminderFinding[],
  today: string,
  sent: ReadonlySet<string>,
  daysBefore: number = DEFAULT_DAYS_BEFORE,
): Reminder[] {
  if (!ISO_DATE.test(today)) throw new RangeError(`today must be an ISO date, got ${today}`);
  if (!Number.isInteger(daysBefore) || daysBefore < 0) {
    throw new RangeError(
      `daysBefore must be a whole number of days ≥ 0, got ${String(daysBefore)}`,
    );
  }
  const due: Reminder[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const reviewDate = finding.decision?.reviewDate ?? null;
    if (reviewDate === null || !ISO_DATE.test(reviewDate)) continue;
    const daysLeft = daysBetween(today, reviewDate);
    // the same rule as the analysis: a decision expires the day after its review date
    const kind: ReminderKind | null =
      reviewDate < today ? 'lapsed' : daysLeft <= daysBefore ? 'upcoming' : null;
    if (kind === null) continue;
    const reminder: Reminder = { findingId: finding.id, kind, reviewDate, daysLeft };
    const key = reminderKey(reminder);
    if (sent.has(key) || seen.has(key)) continue;
    seen.add(key);
    due.push(reminder);
  }
  return due.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0),
  );
}
