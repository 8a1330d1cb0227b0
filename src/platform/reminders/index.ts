/**
 * The reminder job as the server runs it: findings from the analysis service (each workspace's
 * latest version, cached like the findings page), e-mail through the platform mailer (the SMTP
 * settings of the administration, read at each run; nothing runs while none are set).
 */
import { platformMailer } from '../mail/index.js';
import type { Mailer } from '../mail/index.js';
import type { FindingsResponse } from '../api/types.js';
import { analysisServiceFor } from '../server/analysis-routes.js';
import type { Store } from '../store/index.js';
import { startReminderScheduler, type ReminderScheduler } from './scheduler.js';
import type { ReminderFinding } from './select.js';

export { remindersDue, DEFAULT_DAYS_BEFORE } from './select.js';
export { runReminders, startReminderScheduler } from './scheduler.js';
export type { ReminderScheduler, ReminderRunResult } from './scheduler.js';

/** The findings of a version as the reminders read them; null when they cannot be had now. */
export async function latestFindings(
  store: Store,
  workspaceId: string,
  version: number,
): Promise<readonly ReminderFinding[] | null> {
  try {
    const prepared = await analysisServiceFor(store).findings(
      workspaceId,
      version,
      'en',
      {},
      { userId: 'reminders' },
    );
    return (JSON.parse(prepared.json.toString('utf8')) as FindingsResponse).findings;
  } catch {
    // an invalid model or a busy analysis: the next run tries again
    return null;
  }
}

export interface PlatformRemindersOptions {
  readonly publicUrl?: string;
  readonly intervalMs?: number;
  readonly daysBefore?: number;
  /** Replaces the platform mailer (tests). */
  readonly mailer?: Mailer;
  readonly onError?: (error: unknown) => void;
}

/** Starts the reminder job for the server's lifetime. */
export function startPlatformReminders(
  store: Store,
  options: PlatformRemindersOptions = {},
): ReminderScheduler {
  const mailer = platformMailer(
    store.settings,
    options.mailer === undefined ? {} : { override: options.mailer },
  );
  return startReminderScheduler({
    store,
    mailer: async () => ((await mailer.configured()) ? mailer : null),
    findings: (workspaceId, version) => latestFindings(store, workspaceId, version),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.daysBefore === undefined ? {} : { daysBefore: options.daysBefore }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
}
