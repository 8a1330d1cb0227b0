/**
 * The reminder job: every `intervalMs` (and once at start), for each workspace, reads the
 * findings of its latest version, selects the decisions whose review date is near or passed
 * (`remindersDue`, at today's date by the store's clock) and e-mails them, one message per
 * recipient and workspace. A reminder goes to the member the finding is assigned to, else to
 * the workspace's owners; disabled accounts get none (a finding assigned to one goes to the
 * workspace's active owners). Each reminder is claimed in the store before it is sent (so two
 * instances, or two runs, never send it twice) and released when the e-mail fails (so the next
 * run tries again). Nothing runs while no mailer is configured.
 */
import { isoDateOf } from '../clock.js';
import type { Store } from '../store/index.js';
import { reminderMail, type ReminderLine } from './message.js';
import { DEFAULT_DAYS_BEFORE, remindersDue, type ReminderFinding } from './select.js';

/** What the job needs of a mailer (`platform/mail`'s `Mailer` fits). */
export interface ReminderMailer {
  send(message: {
    readonly to: string;
    readonly subject: string;
    readonly text: string;
    readonly html?: string;
  }): Promise<unknown>;
}

export interface ReminderJobOptions {
  readonly store: Store;
  /** The mailer to use now (SMTP settings may change); null when none is configured. */
  readonly mailer: () => Promise<ReminderMailer | null>;
  /**
   * The findings of a version with their decisions; null when they cannot be had now (invalid
   * model, analysis busy): the workspace is skipped until the next run.
   */
  readonly findings: (
    workspaceId: string,
    version: number,
  ) => Promise<readonly ReminderFinding[] | null>;
  /** Days before a review date the first reminder goes (default 14). */
  readonly daysBefore?: number;
  /** The address users open, for the link in the e-mail. */
  readonly publicUrl?: string;
  /** Told of each failure (never holds a password: mail errors carry none). */
  readonly onError?: (error: unknown, context: { readonly workspaceId: string }) => void;
}

export interface ReminderRunResult {
  /** E-mails sent. */
  readonly sent: number;
  /** Reminders those e-mails carried. */
  readonly reminders: number;
  /** E-mails that failed (their reminders are released for the next run). */
  readonly failed: number;
}

interface Recipient {
  readonly email: string;
  readonly lines: ReminderLine[];
}

/** One run of the job over every workspace. */
export async function runReminders(options: ReminderJobOptions): Promise<ReminderRunResult> {
  const { store } = options;
  const mailer = await options.mailer();
  if (mailer === null) return { sent: 0, reminders: 0, failed: 0 };
  const today = isoDateOf(store.clock);
  const workspaces = await store.db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .select((eb) =>
      eb
        .selectFrom('model_versions')
        .select((v) => v.fn.max('number').as('latest'))
        .whereRef('model_versions.workspace_id', '=', 'workspaces.id')
        .as('latest'),
    )
    .orderBy('id')
    .execute();
  let sent = 0;
  let reminders = 0;
  let failed = 0;
  // the disabled accounts, read once per run when a workspace has something to send
  let disabled: Promise<ReadonlySet<string>> | undefined;
  const disabledUsers = (): Promise<ReadonlySet<string>> => {
    disabled ??= store.users
      .list()
      .then((users) => new Set(users.filter((u) => u.disabledAt !== null).map((u) => u.id)));
    return disabled;
  };
  for (const workspace of workspaces) {
    if (workspace.latest === null) continue;
    try {
      const findings = await options.findings(workspace.id, workspace.latest);
      if (findings === null) continue;
      const due = remindersDue(
        findings,
        today,
        await store.findingWork.sentReminders(workspace.id),
        options.daysBefore ?? DEFAULT_DAYS_BEFORE,
      );
      if (due.length === 0) continue;
      const byId = new Map(findings.map((f) => [f.id, f]));
      const [allMembers, work, off] = await Promise.all([
        store.workspaces.members(workspace.id),
        store.findingWork.list(workspace.id),
        disabledUsers(),
      ]);
      const members = allMembers.filter((m) => !off.has(m.userId));
      const memberEmail = new Map(members.map((m) => [m.userId, m.email]));
      const owners = members.filter((m) => m.role === 'owner').map((m) => m.email);
      const assigneeOf = new Map(
        work.flatMap((w) => (w.assignee === null ? [] : [[w.findingId, w.assignee.id] as const])),
      );
      const recipients = new Map<string, Recipient>();
      for (const reminder of due) {
        const finding = byId.get(reminder.findingId);
        if (finding === undefined) continue;
        const assignee = assigneeOf.get(reminder.findingId);
        const assigneeEmail = assignee === undefined ? undefined : memberEmail.get(assignee);
        const to = assigneeEmail === undefined ? owners : [assigneeEmail];
        if (to.length === 0) continue;
        // claimed once for all its recipients: a later run does not send it again
        const claimed = await store.findingWork.claimReminder(
          workspace.id,
          reminder.findingId,
          reminder.kind,
          reminder.reviewDate,
        );
        if (!claimed) continue;
        for (const email of to) {
          const recipient = recipients.get(email) ?? { email, lines: [] };
          recipient.lines.push({ ...reminder, title: finding.title, severity: finding.severity });
          recipients.set(email, recipient);
        }
      }
      const failedLines = new Map<string, ReminderLine>();
      const deliveredLines = new Set<string>();
      for (const recipient of recipients.values()) {
        const mail = reminderMail({
          workspaceName: workspace.name,
          findingsUrl:
            options.publicUrl === undefined
              ? null
              : `${options.publicUrl.replace(/\/+$/, '')}/w/${encodeURIComponent(workspace.id)}/findings`,
          reminders: recipient.lines,
        });
        try {
          await mailer.send({ to: recipient.email, ...mail });
          sent += 1;
          reminders += recipient.lines.length;
          for (const line of recipient.lines) deliveredLines.add(`${line.findingId}|${line.kind}`);
        } catch (error) {
          failed += 1;
          options.onError?.(error, { workspaceId: workspace.id });
          for (const line of recipient.lines) {
            failedLines.set(`${line.findingId}|${line.kind}`, line);
          }
        }
      }
      // a reminder no recipient received is tried again at the next run
      for (const [key, line] of failedLines) {
        if (deliveredLines.has(key)) continue;
        await store.findingWork.releaseReminder(
          workspace.id,
          line.findingId,
          line.kind,
          line.reviewDate,
        );
      }
    } catch (error) {
      options.onError?.(error, { workspaceId: workspace.id });
    }
  }
  return { sent, reminders, failed };
}

export interface ReminderScheduler {
  /** Runs the job now (after any run in progress); resolves with its result. */
  runNow(): Promise<ReminderRunResult>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Default time between runs: an hour (reminders are about dates). */
export const DEFAULT_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** Runs the job at start and every `intervalMs` until stopped; runs never overlap. */
export function startReminderScheduler(
  options: ReminderJobOptions & { readonly intervalMs?: number },
): ReminderScheduler {
  let running: Promise<ReminderRunResult> = Promise.resolve({ sent: 0, reminders: 0, failed: 0 });
  let stopped = false;
  const runNow = (): Promise<ReminderRunResult> => {
    running = running
      .catch(() => ({ sent: 0, reminders: 0, failed: 0 }))
      .then(() => runReminders(options));
    return running;
  };
  const tick = (): void => {
    if (stopped) return;
    runNow().catch((error: unknown) => {
      options.onError?.(error, { workspaceId: '' });
    });
  };
  const timer = setInterval(tick, options.intervalMs ?? DEFAULT_REMINDER_INTERVAL_MS);
  timer.unref();
  const first = setTimeout(tick, 0);
  first.unref();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running.catch(() => undefined);
    },
  };
}
