/**
 * The business impact analysis page's logic, pure: one row per process (the BIA joined with the
 * recovery schedule's achievable time), sorting with unknown values last, the impact heat map,
 * flags most severe first.
 */
import type { BiaProcessView, BiaView, RecoveryPlanView } from './api-types';

/** The columns of the impact heat map, in time order. */
export const IMPACT_AT = ['4h', '1d', '3d', '1w', '1mo'] as const;
export type ImpactAt = (typeof IMPACT_AT)[number];

export interface BiaRow {
  readonly process: string;
  readonly name: string;
  readonly rto?: number;
  readonly rpo?: number;
  readonly mtpd?: number;
  readonly mbco?: string;
  readonly availability: number;
  /** Processes it depends on, transitively. */
  readonly dependencies: number;
  readonly assets: number;
  /** Achievable recovery time from the schedule (minutes), when it plans the process. */
  readonly achievable?: number;
  readonly status?: 'met' | 'missed' | 'no-rto';
  readonly chain: readonly string[];
  /** Impact level 1–4 per point of time; null where the analysis gives none. */
  readonly impact: Readonly<Record<ImpactAt, number | null>>;
  readonly source: BiaProcessView;
}

/** One row per process of the BIA, in the BIA's order, with its schedule outcome. */
export function biaRows(
  bia: BiaView,
  schedule: RecoveryPlanView | null,
  nameOf: (id: string) => string = (id) => id,
): BiaRow[] {
  const recovery = new Map((schedule?.processes ?? []).map((p) => [p.process, p]));
  return bia.processes.map((p) => {
    const planned = recovery.get(p.process);
    const impact = Object.fromEntries(
      IMPACT_AT.map((at) => [at, p.impact.find((point) => point.at === at)?.level ?? null]),
    ) as Record<ImpactAt, number | null>;
    return {
      process: p.process,
      name: nameOf(p.process),
      ...(p.rto === undefined ? {} : { rto: p.rto.minutes }),
      ...(p.rpo === undefined ? {} : { rpo: p.rpo.minutes }),
      ...(p.mtpd === undefined ? {} : { mtpd: p.mtpd.minutes }),
      ...(p.mbco === undefined ? {} : { mbco: p.mbco }),
      availability: p.availability,
      dependencies: p.dependencies.length,
      assets: p.assets.length,
      ...(planned === undefined ? {} : { achievable: planned.achievable, status: planned.status }),
      chain: planned?.chain ?? [],
      impact,
      source: p,
    };
  });
}

export const BIA_SORT_KEYS = [
  'process',
  'rto',
  'rpo',
  'mtpd',
  'mbco',
  'availability',
  'dependencies',
  'assets',
  'achievable',
] as const;
export type BiaSortKey = (typeof BIA_SORT_KEYS)[number];

export function isBiaSortKey(value: string): value is BiaSortKey {
  return (BIA_SORT_KEYS as readonly string[]).includes(value);
}

/** How far a status is from fine, for sorting by achievable recovery: missed first when descending. */
const STATUS_WEIGHT = { missed: 2, met: 1, 'no-rto': 0 } as const;

function sortValue(row: BiaRow, key: BiaSortKey): string | number | undefined {
  switch (key) {
    case 'process':
      return row.name;
    case 'mbco':
      return row.mbco;
    case 'achievable':
      return row.achievable;
    default:
      return row[key];
  }
}

/**
 * Rows sorted by `key`; rows without a value (no RTO, nothing planned) always come last, in
 * either direction; ties keep the process name order.
 */
export function sortBiaRows(
  rows: readonly BiaRow[],
  key: BiaSortKey,
  dir: 'asc' | 'desc',
): BiaRow[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const factor = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else {
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : collator.compare(String(x), String(y));
      if (order !== 0) return order * factor;
      if (key === 'achievable') {
        const s = STATUS_WEIGHT[a.status ?? 'no-rto'] - STATUS_WEIGHT[b.status ?? 'no-rto'];
        if (s !== 0) return s * factor;
      }
    }
    return collator.compare(a.name, b.name);
  });
}

const SEVERITY_RANK: Readonly<Record<string, number | undefined>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

/** Rank of a severity (0 = critical); an unknown one after `info`. */
export function continuitySeverityRank(severity: string): number {
  return SEVERITY_RANK[severity] ?? 5;
}

/** Flags most severe first, then by code and first subject (stable for equal keys). */
export function sortFlags<
  F extends {
    readonly severity: string;
    readonly code: string;
    readonly subjects: readonly string[];
  },
>(flags: readonly F[]): F[] {
  return [...flags].sort(
    (a, b) =>
      continuitySeverityRank(a.severity) - continuitySeverityRank(b.severity) ||
      a.code.localeCompare(b.code) ||
      (a.subjects[0] ?? '').localeCompare(b.subjects[0] ?? ''),
  );
}

/** Counts of flags per severity, in severity order, only the severities present. */
export function flagCounts(
  flags: readonly { readonly severity: string }[],
): { severity: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const flag of flags) counts.set(flag.severity, (counts.get(flag.severity) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => continuitySeverityRank(a) - continuitySeverityRank(b))
    .map(([severity, n]) => ({ severity, n }));
}

/** A level of the impact scale clamped to 1–4 (the heat map's colour class), null kept. */
export function impactLevel(level: number | null): 1 | 2 | 3 | 4 | null {
  if (level === null || !Number.isFinite(level)) return null;
  return Math.min(4, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4;
}
