/**
 * Pure helpers of the exercises page: the exercises recorded in a version's model files
 * (`organisation.continuity.exercises`), the time achieved per process over time against its
 * RTO (series and the chart's geometry), and the record form (draft, validation by field, the
 * request body, the server's refusals mapped back to fields).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { ExerciseView } from '../../../../src/platform/api/types';

export const EXERCISE_KINDS = ['restore-test', 'tabletop', 'failover', 'full-scale'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export type Exercise = ExerciseView;

// ---- reading the model -------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A recorded exercise as written, when its shape is usable (else skipped). */
function asExercise(value: unknown): Exercise | null {
  if (!isRecord(value)) return null;
  const { date, kind, scenario, measured, problems } = value;
  // js-yaml's core schema keeps dates as strings; a Date appears with other schemas only
  const day = date instanceof Date ? date.toISOString().slice(0, 10) : date;
  if (typeof day !== 'string' || typeof scenario !== 'string') return null;
  const k = EXERCISE_KINDS.find((e) => e === kind);
  if (k === undefined) return null;
  const times = Array.isArray(measured)
    ? measured.flatMap((m) =>
        isRecord(m) && typeof m.process === 'string' && typeof m.time === 'string'
          ? [{ process: m.process, time: m.time }]
          : [],
      )
    : [];
  const list = Array.isArray(problems)
    ? problems.filter((p): p is string => typeof p === 'string')
    : [];
  return {
    date: day,
    kind: k,
    scenario,
    ...(times.length === 0 ? {} : { measured: times }),
    ...(list.length === 0 ? {} : { problems: list }),
  };
}

/**
 * The exercises of `organisation.continuity.exercises` in a version's files (the file that
 * declares the organisation), newest first. Files that do not parse are skipped.
 */
export function exercisesFromFiles(files: Readonly<Record<string, string>>): Exercise[] {
  const found: Exercise[] = [];
  for (const [name, text] of Object.entries(files)) {
    if (!/\.ya?ml$/i.test(name) || !text.includes('exercises')) continue;
    let document: unknown;
    try {
      document = load(text, { schema: CORE_SCHEMA });
    } catch {
      continue;
    }
    const organisation = isRecord(document) ? document.organisation : undefined;
    const continuity = isRecord(organisation) ? organisation.continuity : undefined;
    const exercises = isRecord(continuity) ? continuity.exercises : undefined;
    if (!Array.isArray(exercises)) continue;
    for (const item of exercises) {
      const exercise = asExercise(item);
      if (exercise !== null) found.push(exercise);
    }
  }
  return found.sort((a, b) => b.date.localeCompare(a.date));
}

// ---- durations ---------------------------------------------------------------------------------

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  min: 1,
  h: 60,
  d: 1440,
  w: 10_080,
  mo: 43_200,
  y: 525_600,
};

/** A model duration (`90min`, `4h`, `1.5d`, `0`) in minutes; null when it is not one. */
export function durationMinutes(text: string): number | null {
  const t = text.trim();
  if (t === '0') return 0;
  const match = /^(\d+(?:\.\d+)?)(min|h|d|w|mo|y)$/.exec(t);
  if (match === null) return null;
  return Number(match[1]) * (UNIT_MINUTES[match[2] ?? ''] ?? Number.NaN);
}

// ---- achieved times against RTO ----------------------------------------------------------------

export interface SeriesPoint {
  readonly date: string;
  readonly minutes: number;
  /** Within the RTO; null when the process has none. */
  readonly met: boolean | null;
  readonly kind: ExerciseKind;
  readonly scenario: string;
}

export interface ProcessSeries {
  readonly process: string;
  readonly rto?: number;
  /** Oldest first. */
  readonly points: readonly SeriesPoint[];
}

/**
 * Per process measured in at least one exercise: its measured times, oldest first, each against
 * the process's RTO (minutes, from the business impact analysis). Unreadable times are skipped.
 * Processes in id order.
 */
export function processSeries(
  exercises: readonly Exercise[],
  rtoOf: (process: string) => number | undefined,
): ProcessSeries[] {
  const points = new Map<string, SeriesPoint[]>();
  for (const exercise of exercises) {
    for (const m of exercise.measured ?? []) {
      const minutes = durationMinutes(m.time);
      if (minutes === null) continue;
      const rto = rtoOf(m.process);
      const list = points.get(m.process) ?? [];
      list.push({
        date: exercise.date,
        minutes,
        met: rto === undefined ? null : minutes <= rto,
        kind: exercise.kind,
        scenario: exercise.scenario,
      });
      points.set(m.process, list);
    }
  }
  return [...points.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([process, list]) => {
      const rto = rtoOf(process);
      return {
        process,
        ...(rto === undefined ? {} : { rto }),
        points: [...list].sort((a, b) => a.date.localeCompare(b.date)),
      };
    });
}

/** Round axis maxima, in minutes: 1 h … 4 weeks. */
const AXIS_MAXIMA = [60, 120, 240, 480, 720, 1440, 2880, 4320, 10_080, 20_160, 40_320];

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
  readonly right: number;
  /** The top of the axis in minutes. */
  readonly max: number;
  readonly points: readonly (SeriesPoint & { readonly x: number; readonly y: number })[];
  readonly rtoY: number | null;
  readonly yTicks: readonly { readonly y: number; readonly minutes: number }[];
}

/**
 * A line chart of one process: dates on x (spread by time; one exercise sits in the middle),
 * minutes on y from 0 to a round maximum above every point and the RTO, the RTO as a line.
 */
export function chartLayout(
  series: ProcessSeries,
  size: { readonly width: number; readonly height: number } = { width: 480, height: 180 },
): ChartLayout {
  const left = 64;
  const right = size.width - 16;
  const top = 12;
  const bottom = size.height - 28;
  const highest = Math.max(series.rto ?? 0, ...series.points.map((p) => p.minutes), 1);
  const wanted = highest * 1.1;
  const max = AXIS_MAXIMA.find((m) => m >= wanted) ?? Math.ceil(wanted / 40_320) * 40_320;
  const y = (minutes: number): number => bottom - (minutes / max) * (bottom - top);
  const times = series.points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (time: number): number =>
    last === first ? (left + right) / 2 : left + ((time - first) / (last - first)) * (right - left);
  return {
    width: size.width,
    height: size.height,
    left,
    top,
    bottom,
    right,
    max,
    points: series.points.map((p, i) => ({ ...p, x: x(times[i] ?? first), y: y(p.minutes) })),
    rtoY: series.rto === undefined ? null : y(series.rto),
    yTicks: [0, 0.5, 1].map((f) => ({ y: y(max * f), minutes: max * f })),
  };
}

// ---- the record form ---------------------------------------------------------------------------

export interface ExerciseDraft {
  readonly date: string;
  readonly kind: ExerciseKind;
  readonly scenario: string;
  /** Time typed per process id ('' = not measured). */
  readonly measured: Readonly<Record<string, string>>;
  /** One problem a line. */
  readonly problems: string;
}

export type FieldError =
  | 'dateInvalid'
  | 'dateFuture'
  | 'scenarioMissing'
  | 'scenarioTooLong'
  | 'timeInvalid'
  | 'problemTooLong';

/** Field → error: `date`, `scenario`, `problems`, `measured.<process>`. */
export type FieldErrors = Readonly<Record<string, FieldError>>;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Checks a draft; `today` (YYYY-MM-DD) bounds the date (an exercise is recorded once held).
 * Either the exercise to send, or the errors by field.
 */
export function validateDraft(
  draft: ExerciseDraft,
  today: string,
): { readonly exercise: Exercise } | { readonly errors: FieldErrors } {
  const errors: Record<string, FieldError> = {};
  const date = draft.date.trim();
  if (!isCalendarDate(date)) errors.date = 'dateInvalid';
  else if (date > today) errors.date = 'dateFuture';
  const scenario = draft.scenario.trim();
  if (scenario === '') errors.scenario = 'scenarioMissing';
  else if (scenario.length > 500) errors.scenario = 'scenarioTooLong';
  const measured: { process: string; time: string }[] = [];
  for (const [process, raw] of Object.entries(draft.measured)) {
    const time = raw.trim();
    if (time === '') continue;
    if (durationMinutes(time) === null) errors[`measured.${process}`] = 'timeInvalid';
    else measured.push({ process, time });
  }
  const problems = draft.problems
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (problems.some((p) => p.length > 1000)) errors.problems = 'problemTooLong';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    exercise: {
      date,
      kind: draft.kind,
      scenario,
      ...(measured.length === 0 ? {} : { measured }),
      ...(problems.length === 0 ? {} : { problems }),
    },
  };
}

/**
 * The fields a server refusal names (400 `validation` details: `{path: ['exercise', 'date']}`,
 * `['exercise', 'measured', 0, 'time']`), as the form's field names; `measured` indexes are
 * those of the exercise sent. Messages stay the server's.
 */
export function serverFieldErrors(
  details: unknown,
  sent: Exercise,
): Readonly<Record<string, string>> {
  if (!Array.isArray(details)) return {};
  const fields: Record<string, string> = {};
  for (const item of details) {
    if (!isRecord(item) || !Array.isArray(item.path) || typeof item.message !== 'string') continue;
    const path = item.path.filter((p): p is string | number => typeof p !== 'object');
    const rest = path[0] === 'exercise' ? path.slice(1) : path;
    const [head, index] = rest;
    if (head === 'measured' && typeof index === 'number') {
      const process = sent.measured?.[index]?.process;
      if (process !== undefined) fields[`measured.${process}`] = item.message;
    } else if (head === 'date' || head === 'kind' || head === 'scenario' || head === 'problems') {
      fields[head] = item.message;
    }
  }
  return fields;
}
