/**
 * What the Gantt chart of a recovery plan shows, before drawing: its words in both languages,
 * durations as days, hours and minutes, the time axis, and the rows (cut to a bound for large
 * plans, keeping the critical path, highlighted assets and the chains deciding each process).
 */
import type { PlannedTask, ProcessRecovery, RecoveryPlan } from '../continuity/schedule/index.js';
import type { RecoveryMethod } from '../domain/model/index.js';
import type { Locale } from '../i18n/index.js';
import { count, say, type Pair } from './texts.js';

export const TEXT = {
  title: { en: 'Recovery schedule', fr: 'Planning de reprise' },
  summary: {
    en: '{tasks} recovery tasks, {teams} in parallel, all back after {makespan}',
    fr: '{tasks} tâches de reprise, {teams} en parallèle, tout rétabli après {makespan}',
  },
  team: { en: 'Team {n}', fr: 'Équipe {n}' },
  slot: { en: '{team}, slot {n}/{of}', fr: '{team}, créneau {n}/{of}' },
  external: {
    en: 'Supplier or provider (no team)',
    fr: 'Fournisseur ou prestataire (sans équipe)',
  },
  more: {
    en: '… and {count} more tasks not drawn (see the JSON output)',
    fr: '… et {count} autres tâches non dessinées (voir la sortie JSON)',
  },
  processesHeading: { en: 'Processes against their RTO', fr: 'Processus face à leur RTO' },
  moreProcesses: { en: '… and {count} more processes', fr: '… et {count} autres processus' },
  met: { en: 'met', fr: 'tenu' },
  missed: { en: 'missed', fr: 'dépassé' },
  noRto: { en: 'no RTO', fr: 'pas de RTO' },
  processLine: {
    en: '{achievable} / RTO {rto}: {status}',
    fr: '{achievable} / RTO {rto} : {status}',
  },
  critical: { en: 'Critical path', fr: 'Chemin critique' },
  highlighted: { en: 'Highlighted asset', fr: 'Actif mis en évidence' },
  rtoMarker: { en: 'Process RTO', fr: 'RTO du processus' },
  back: { en: 'Process back (RTO met)', fr: 'Processus rétabli (RTO tenu)' },
  late: { en: 'Process back (RTO missed)', fr: 'Processus rétabli (RTO dépassé)' },
  taskTip: {
    en: '{name}: {start} → {end} ({duration}), {team}',
    fr: '{name} : {start} → {end} ({duration}), {team}',
  },
  alt: {
    en: '{summary}. Critical path: {path}. {missed} of {processes} processes miss their RTO.',
    fr: '{summary}. Chemin critique : {path}. {missed} processus sur {processes} dépassent leur RTO.',
  },
  empty: { en: 'Nothing to recover', fr: 'Rien à reprendre' },
} as const satisfies Record<string, Pair>;

export const METHOD_TEXT: Readonly<Record<RecoveryMethod, Pair>> = {
  restore: { en: 'Restore from backup', fr: 'Restauration depuis sauvegarde' },
  rebuild: { en: 'Rebuild', fr: 'Reconstruction' },
  failover: { en: 'Fail over', fr: 'Basculement' },
  supplier: { en: 'Supplier', fr: 'Fournisseur' },
};

const HOUR = 60;
const DAY = 1440;
/** Tick steps in minutes: the first giving at most 10 intervals is used. */
const STEPS = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, DAY, 2 * DAY, 3 * DAY, 7 * DAY];

/** `0`, `45min`, `6h`, `1d 12h` (fr: `45 min`, `6 h`, `1 j 12 h`), rounded to the minute. */
export function ganttDuration(minutes: number, locale: Locale): string {
  const total = Math.max(0, Math.round(minutes));
  if (total === 0) return '0';
  const [d, h, m] = locale === 'fr' ? [' j', ' h', ' min'] : ['d', 'h', 'min'];
  const parts: string[] = [];
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const rest = total % HOUR;
  if (days > 0) parts.push(`${count(days, locale)}${d}`);
  if (hours > 0) parts.push(`${String(hours)}${h}`);
  if (rest > 0) parts.push(`${String(rest)}${m}`);
  return parts.join(' ');
}

/** The axis: a round step and the end of the last interval, covering `span` minutes. */
export function ganttTicks(span: number): { step: number; end: number } {
  const wanted = Math.max(1, span);
  const step =
    STEPS.find((s) => Math.ceil(wanted / s) <= 10) ??
    Math.ceil(wanted / 10 / (30 * DAY)) * 30 * DAY;
  return { step, end: Math.max(1, Math.ceil(wanted / step)) * step };
}

/**
 * The tasks drawn when the plan has more than `max`: the critical path, the highlighted assets,
 * the chains deciding each process, then the earliest tasks; drawn by team, then start.
 */
function pickTasks(plan: RecoveryPlan, highlight: ReadonlySet<string>, max: number): PlannedTask[] {
  let chosen: readonly PlannedTask[] = plan.tasks;
  if (plan.tasks.length > max) {
    const wanted = new Set<string>();
    const add = (id: string): void => {
      if (wanted.size < max) wanted.add(id);
    };
    plan.criticalPath.forEach(add);
    highlight.forEach(add);
    for (const process of plan.processes) process.chain.forEach(add);
    for (const task of plan.tasks) if (wanted.size < max) add(task.asset);
    chosen = plan.tasks.filter((task) => wanted.has(task.asset));
  }
  return [...chosen].sort(
    (a, b) =>
      a.team - b.team || a.start - b.start || (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0),
  );
}

/** The processes drawn: all, or the missed ones first when they are too many; by id. */
function pickProcesses(plan: RecoveryPlan, max: number): ProcessRecovery[] {
  const all = [...plan.processes];
  if (all.length <= max) return all;
  const order = { missed: 0, met: 1, 'no-rto': 2 } as const;
  return all
    .sort((a, b) => order[a.status] - order[b.status])
    .slice(0, max)
    .sort((a, b) => (a.process < b.process ? -1 : 1));
}

/** What decides the rows (a part of the Gantt options). */
export interface RowOptions {
  readonly locale: Locale;
  readonly processes?: boolean;
  readonly maxRows?: number;
  readonly maxProcessRows?: number;
}

export type Row =
  | { readonly kind: 'team'; readonly team: number; readonly teamId?: string }
  | { readonly kind: 'task'; readonly task: PlannedTask }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'process'; readonly process: ProcessRecovery };

export function rowsOf(
  plan: RecoveryPlan,
  options: RowOptions,
  highlight: ReadonlySet<string>,
): { rows: Row[]; processes: ProcessRecovery[] } {
  const { locale } = options;
  const tasks = pickTasks(plan, highlight, Math.max(1, options.maxRows ?? 60));
  const rows: Row[] = [];
  let team = 0;
  for (const task of tasks) {
    if (task.team !== team) {
      team = task.team;
      rows.push({
        kind: 'team',
        team,
        ...(task.teamId === undefined ? {} : { teamId: task.teamId }),
      });
    }
    rows.push({ kind: 'task', task });
  }
  if (plan.tasks.length === 0) rows.push({ kind: 'note', text: say(TEXT.empty, locale) });
  const left = plan.tasks.length - tasks.length;
  if (left > 0)
    rows.push({ kind: 'note', text: say(TEXT.more, locale, { count: count(left, locale) }) });
  const processes =
    options.processes === true
      ? pickProcesses(plan, Math.max(1, options.maxProcessRows ?? 40))
      : [];
  if (processes.length > 0) {
    rows.push({ kind: 'heading', text: say(TEXT.processesHeading, locale) });
    for (const process of processes) rows.push({ kind: 'process', process });
    const more = plan.processes.length - processes.length;
    if (more > 0)
      rows.push({
        kind: 'note',
        text: say(TEXT.moreProcesses, locale, { count: count(more, locale) }),
      });
  }
  return { rows, processes };
}

/**
 * The words for a team slot: `Team 2` when no team is declared, `equipe-si` for a declared team
 * of one slot, `equipe-si, slot 1/2` for one of its slots. `slots` gives the declared teams'
 * parallel slots in declaration order (the plan numbers them in that order); without it, the
 * slots of a team are those the plan uses.
 */
export function teamLabel(
  plan: RecoveryPlan,
  team: number,
  teamId: string | undefined,
  locale: Locale,
  slots?: Readonly<Record<string, number>>,
): string {
  if (team < 1) return say(TEXT.external, locale);
  if (teamId === undefined) return say(TEXT.team, locale, { n: team });
  let index: number | undefined;
  let of: number | undefined;
  if (slots !== undefined && slots[teamId] !== undefined) {
    let offset = 0;
    for (const [id, parallel] of Object.entries(slots)) {
      if (id === teamId) {
        if (team > offset && team <= offset + parallel) [index, of] = [team - offset, parallel];
        break;
      }
      offset += parallel;
    }
  }
  if (index === undefined || of === undefined) {
    const used = [
      ...new Set(plan.tasks.filter((t) => t.teamId === teamId).map((t) => t.team)),
    ].sort((a, b) => a - b);
    [index, of] = [used.indexOf(team) + 1, used.length];
  }
  return of <= 1 || index < 1 ? teamId : say(TEXT.slot, locale, { team: teamId, n: index, of });
}

/** `5h / RTO 4h: missed`. */
export function processLine(process: ProcessRecovery, locale: Locale): string {
  const status = say(
    process.status === 'met' ? TEXT.met : process.status === 'missed' ? TEXT.missed : TEXT.noRto,
    locale,
  );
  return say(TEXT.processLine, locale, {
    achievable: ganttDuration(process.achievable, locale),
    rto: process.rto === undefined ? '—' : ganttDuration(process.rto, locale),
    status,
  });
}
