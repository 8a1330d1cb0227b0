/**
 * Pure helpers of the scenario simulator: the scenario kinds and the targets offered for each
 * (from the model's sites and assets), the scenario text sent to the API (`ransomware:<asset>`),
 * badges for RTO / RPO statuses, the lost assets grouped by zone, durations in the UI language,
 * and the Gantt layout (rows, time axis, critical path) drawn by Gantt.tsx.
 */
import type {
  PlannedTaskView,
  RecoveryPlanView,
  ScenarioResultView,
} from '../../../../src/platform/api/types';

export const SCENARIO_KINDS = [
  'site-loss',
  'ransomware',
  'provider',
  'directory',
  'supplier',
  'link',
] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** The simulation result (POST …/continuity/simulate), its schedule and one of its tasks. */
export type SimResult = ScenarioResultView;
export type SimPlan = Pick<RecoveryPlanView, 'teams' | 'makespan' | 'tasks' | 'criticalPath'>;
export type SimTask = PlannedTaskView;

export type RtoStatus = ScenarioResultView['processes'][number]['rtoStatus'];
export type RpoStatus = ScenarioResultView['processes'][number]['rpoStatus'];

// ---- scenario text and targets -----------------------------------------------------------------

/** The scenario as the API and the model write it: `ransomware:pc-01`, `directory`. */
export function scenarioText(kind: ScenarioKind, target: string): string {
  const t = target.trim();
  return t === '' ? kind : `${kind}:${t}`;
}

/** `kind:target` back into its parts; null when the kind is unknown. */
export function parseScenarioText(
  text: string,
): { readonly kind: ScenarioKind; readonly target: string } | null {
  const at = text.indexOf(':');
  const head = at < 0 ? text : text.slice(0, at);
  const kind = SCENARIO_KINDS.find((k) => k === head.trim());
  if (kind === undefined) return null;
  return { kind, target: at < 0 ? '' : text.slice(at + 1).trim() };
}

/** Whether a scenario kind needs a target (the directory loss may name one, or take them all). */
export function targetRequired(kind: ScenarioKind): boolean {
  return kind !== 'directory';
}

/** What the page knows of an entity to offer it as a target. */
export interface TargetEntity {
  readonly id: string;
  readonly name: string;
  /** Asset kind (`workstation`, `saas`…); sites have none. */
  readonly kind?: string;
  readonly zone?: string;
}

export interface TargetOption {
  readonly id: string;
  readonly label: string;
}

const WORKSTATIONS = ['workstation', 'laptop', 'admin-workstation', 'engineering-workstation'];
const CLOUD = ['saas', 'cloud-service'];
const SERVERS = ['server', 'virtual-machine', 'hypervisor', 'database', 'web-server', 'storage'];

/** Sort rank of an asset as a ransomware entry point: workstations, then servers, then the rest. */
function entryRank(kind: string | undefined): number {
  if (kind !== undefined && WORKSTATIONS.includes(kind)) return 0;
  if (kind !== undefined && SERVERS.includes(kind)) return 1;
  return 2;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byName = (a: TargetEntity, b: TargetEntity): number =>
  collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
const label = (e: TargetEntity): string =>
  e.kind === undefined || e.kind === '' ? `${e.name} (${e.id})` : `${e.name} — ${e.kind} (${e.id})`;

/**
 * The targets offered for a scenario kind: sites for a site or Internet link loss; any asset as
 * a ransomware entry point (workstations first); cloud and SaaS services for a provider loss;
 * directories for a directory loss; cloud services first, then the other assets, for a supplier.
 */
export function targetOptions(
  kind: ScenarioKind,
  sites: readonly TargetEntity[],
  assets: readonly TargetEntity[],
): TargetOption[] {
  const pick = (list: readonly TargetEntity[]): TargetOption[] =>
    list.map((e) => ({ id: e.id, label: label(e) }));
  switch (kind) {
    case 'site-loss':
    case 'link':
      return pick([...sites].sort(byName));
    case 'ransomware':
      return pick(
        [...assets].sort((a, b) => entryRank(a.kind) - entryRank(b.kind) || byName(a, b)),
      );
    case 'provider':
      return pick(
        assets.filter((a) => a.kind !== undefined && CLOUD.includes(a.kind)).sort(byName),
      );
    case 'directory':
      return pick(assets.filter((a) => a.kind === 'directory').sort(byName));
    case 'supplier': {
      const cloud = (a: TargetEntity): number =>
        a.kind !== undefined && CLOUD.includes(a.kind) ? 0 : 1;
      return pick([...assets].sort((a, b) => cloud(a) - cloud(b) || byName(a, b)));
    }
  }
}

// ---- statuses ----------------------------------------------------------------------------------

export type Tone = 'ok' | 'warn' | 'bad' | 'none';

export interface Badge {
  readonly tone: Tone;
  /** A symbol shown beside the text (never the only cue). */
  readonly icon: string;
}

const BADGES: Readonly<Record<RtoStatus | RpoStatus, Badge>> = {
  met: { tone: 'ok', icon: '✓' },
  missed: { tone: 'warn', icon: '✕' },
  unrecoverable: { tone: 'bad', icon: '⊘' },
  lost: { tone: 'bad', icon: '⊘' },
  'no-rto': { tone: 'none', icon: '–' },
  'no-rpo': { tone: 'none', icon: '–' },
};

export function statusBadge(status: RtoStatus | RpoStatus): Badge {
  return BADGES[status];
}

/** Processes the scenario hits first, worst status first (unrecoverable, missed, met, no RTO). */
export function sortProcesses<
  T extends { readonly impacted: boolean; readonly rtoStatus: RtoStatus; readonly process: string },
>(processes: readonly T[]): T[] {
  const rank: Readonly<Record<RtoStatus, number>> = {
    unrecoverable: 0,
    missed: 1,
    met: 2,
    'no-rto': 3,
  };
  return [...processes].sort(
    (a, b) =>
      Number(b.impacted) - Number(a.impacted) ||
      rank[a.rtoStatus] - rank[b.rtoStatus] ||
      collator.compare(a.process, b.process),
  );
}

/** How many impacted processes miss their RTO (unrecoverable ones included). */
export function missedCount(result: Pick<SimResult, 'processes'>): number {
  return result.processes.filter(
    (p) => p.impacted && (p.rtoStatus === 'missed' || p.rtoStatus === 'unrecoverable'),
  ).length;
}

/** Lost assets grouped by zone (zones in name order, assets without a zone last under ''). */
export function groupByZone<T extends { readonly asset: string }>(
  lost: readonly T[],
  zoneOf: (asset: string) => string | undefined,
): { readonly zone: string; readonly items: readonly T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of lost) {
    const zone = zoneOf(item.asset) ?? '';
    const list = groups.get(zone) ?? [];
    list.push(item);
    groups.set(zone, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
    .map(([zone, items]) => ({ zone, items }));
}

// ---- durations ---------------------------------------------------------------------------------

const UNITS: Readonly<Record<'fr' | 'en', { d: string; h: string; min: string }>> = {
  en: { d: 'd', h: 'h', min: 'min' },
  fr: { d: 'j', h: 'h', min: 'min' },
};

/** `2 d 4 h`, `1 h 30 min`, `45 min`, `0 min` (French: `2 j 4 h`); rounded to the minute. */
export function formatMinutes(minutes: number, lang: 'fr' | 'en'): string {
  const unit = UNITS[lang];
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${String(days)}\u00a0${unit.d}`);
  if (hours > 0) parts.push(`${String(hours)}\u00a0${unit.h}`);
  if (rest > 0 || parts.length === 0) parts.push(`${String(rest)}\u00a0${unit.min}`);
  return parts.join(' ');
}

/** Team counts the input accepts (the API's bounds). */
export const MIN_TEAMS = 1;
export const MAX_TEAMS = 100;

/** The team count typed, or null when it is not a whole number between 1 and 100. */
export function parseTeams(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= MIN_TEAMS && n <= MAX_TEAMS ? n : null;
}

// ---- Gantt layout ------------------------------------------------------------------------------

/** Axis steps in minutes: 15 min … 4 weeks. */
const STEPS = [15, 30, 60, 120, 240, 360, 720, 1440, 2880, 4320, 10_080, 20_160, 40_320];

/** The smallest step giving at most `maxTicks` intervals over `span` minutes. */
export function tickStep(span: number, maxTicks: number): number {
  const wanted = Math.max(1, span) / Math.max(1, maxTicks);
  return STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 40_320) * 40_320;
}

export interface GanttRow {
  readonly task: SimTask;
  /** Top of the row. */
  readonly y: number;
  readonly x: number;
  /** Bar width (at least 2 px so that instant tasks show). */
  readonly width: number;
  readonly critical: boolean;
}

export interface GanttLayout {
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly rowHeight: number;
  readonly top: number;
  /** The end of the axis, in minutes (the makespan rounded up to a tick). */
  readonly span: number;
  readonly rows: readonly GanttRow[];
  readonly ticks: readonly { readonly x: number; readonly minutes: number }[];
  /** RTO markers of the processes given, on the axis. */
  readonly markers: readonly {
    readonly process: string;
    readonly rto: number;
    readonly x: number;
  }[];
}

export interface GanttOptions {
  readonly width: number;
  readonly labelWidth?: number;
  readonly rowHeight?: number;
  /** Room above the rows for the axis labels. */
  readonly top?: number;
  readonly maxTicks?: number;
  readonly rtos?: readonly { readonly process: string; readonly rto: number }[];
}

/**
 * Rows in start order (then team, then asset), bars on a time axis from 0 to the makespan
 * rounded up to a whole tick; a task on the critical path is marked. RTO markers beyond the
 * axis are left out.
 */
export function ganttLayout(
  tasks: readonly SimTask[],
  criticalPath: readonly string[],
  options: GanttOptions,
): GanttLayout {
  const labelWidth = options.labelWidth ?? 200;
  const rowHeight = options.rowHeight ?? 28;
  const top = options.top ?? 28;
  const plot = Math.max(40, options.width - labelWidth - 16);
  const makespan = tasks.reduce((max, t) => Math.max(max, t.end), 0);
  const step = tickStep(makespan, options.maxTicks ?? 8);
  const span = Math.max(step, Math.ceil(makespan / step) * step);
  const scale = (m: number): number => labelWidth + (m / span) * plot;
  const critical = new Set(criticalPath);
  const ordered = [...tasks].sort(
    (a, b) => a.start - b.start || a.team - b.team || collator.compare(a.asset, b.asset),
  );
  const rows = ordered.map((task, i) => ({
    task,
    y: top + i * rowHeight,
    x: scale(task.start),
    width: Math.max(2, scale(task.end) - scale(task.start)),
    critical: critical.has(task.asset),
  }));
  const ticks: { x: number; minutes: number }[] = [];
  for (let m = 0; m <= span; m += step) ticks.push({ x: scale(m), minutes: m });
  const markers = (options.rtos ?? [])
    .filter((r) => r.rto <= span)
    .map((r) => ({ process: r.process, rto: r.rto, x: scale(r.rto) }));
  return {
    width: options.width,
    height: top + rows.length * rowHeight + 8,
    labelWidth,
    rowHeight,
    top,
    span,
    rows,
    ticks,
    markers,
  };
}

/** The row focused after a key press in the chart (roving focus), or null for other keys. */
export function nextRow(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
