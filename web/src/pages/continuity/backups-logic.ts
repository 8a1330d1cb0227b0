/**
 * The backups page's logic, pure: one row of the 3-2-1-1-0 grid per protected entity (with the
 * worst restore test among its backups), the status filters, the order of the rows (what fails
 * first), and the backups by exposure to a ransomware.
 */
import type { BackupExposureView, EntityBackupView } from './api-types';

export const BACKUP_FILTERS = ['all', 'failing', 'met', 'exposed', 'rpo', 'untested'] as const;
export type BackupFilter = (typeof BACKUP_FILTERS)[number];

export function isBackupFilter(value: string): value is BackupFilter {
  return (BACKUP_FILTERS as readonly string[]).includes(value);
}

export const RESTORE_STATUSES = ['failed', 'partial', 'never', 'stale', 'ok'] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

/** Worst first: a failed test, a partial one, none, a too old one, a passed one. */
function restoreRank(status: string): number {
  const rank = (RESTORE_STATUSES as readonly string[]).indexOf(status);
  return rank === -1 ? RESTORE_STATUSES.length : rank;
}

export interface GridRow {
  readonly id: string;
  readonly kind: 'asset' | 'data';
  readonly rpo?: { readonly minutes: number; readonly process: string };
  readonly bestFrequency?: number;
  readonly rpoMet?: boolean;
  /** Real backups and replicas holding a copy of it. */
  readonly backups: number;
  readonly copies: { readonly n: number; readonly ok: boolean };
  readonly media: { readonly n: number; readonly ok: boolean };
  readonly offsite: boolean;
  readonly isolated: boolean;
  readonly errorFree: boolean;
  /** The worst last restore test among its backups (null without backup) and its age. */
  readonly restore: { readonly status: RestoreStatus; readonly ageDays?: number } | null;
  readonly survivesRansomware: boolean;
  readonly met: boolean;
  readonly source: EntityBackupView;
}

/** The 3-2-1-1-0 row of an entity; `exposures` gives each backup's restore test. */
export function gridRow(
  entity: EntityBackupView,
  exposures: ReadonlyMap<string, BackupExposureView>,
): GridRow {
  let restore: GridRow['restore'] = null;
  for (const copy of entity.copies) {
    const backup = exposures.get(copy.backup);
    if (backup === undefined) continue;
    const status = (RESTORE_STATUSES as readonly string[]).includes(backup.restoreTest)
      ? (backup.restoreTest as RestoreStatus)
      : 'never';
    if (restore === null || restoreRank(status) < restoreRank(restore.status)) {
      restore = {
        status,
        ...(backup.restoreTestAgeDays === undefined ? {} : { ageDays: backup.restoreTestAgeDays }),
      };
    }
  }
  const { grid } = entity;
  return {
    id: entity.id,
    kind: entity.kind,
    ...(entity.rpo === undefined ? {} : { rpo: entity.rpo }),
    ...(entity.bestFrequencyMinutes === undefined
      ? {}
      : { bestFrequency: entity.bestFrequencyMinutes }),
    ...(entity.rpoMet === undefined ? {} : { rpoMet: entity.rpoMet }),
    backups: new Set(entity.copies.map((c) => c.backup)).size,
    copies: { n: grid.copies, ok: grid.copies >= 3 },
    media: { n: grid.media, ok: grid.media >= 2 },
    offsite: grid.offsite,
    isolated: grid.isolated,
    errorFree: grid.errorFree,
    restore,
    survivesRansomware: entity.survivesRansomware,
    met: grid.met,
    source: entity,
  };
}

/** Whether a row shows under a filter. */
export function matchesFilter(row: GridRow, filter: BackupFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'failing':
      return !row.met;
    case 'met':
      return row.met;
    case 'exposed':
      return !row.survivesRansomware;
    case 'rpo':
      return row.rpoMet === false;
    case 'untested':
      return row.restore === null || row.restore.status !== 'ok';
  }
}

/** How many of the five rules a row breaks (0–5). */
export function brokenRules(row: GridRow): number {
  return [!row.copies.ok, !row.media.ok, !row.offsite, !row.isolated, !row.errorFree].filter(
    Boolean,
  ).length;
}

/**
 * The grid rows, the weakest first: no copy surviving a ransomware, then RPO missed, then more
 * rules broken; then by name.
 */
export function gridRows(
  entities: readonly EntityBackupView[],
  exposures: readonly BackupExposureView[],
  nameOf: (row: GridRow) => string = (row) => row.id,
): GridRow[] {
  const byId = new Map(exposures.map((e) => [e.backup, e]));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return entities
    .map((e) => gridRow(e, byId))
    .sort(
      (a, b) =>
        Number(a.survivesRansomware) - Number(b.survivesRansomware) ||
        Number(a.rpoMet !== false) - Number(b.rpoMet !== false) ||
        brokenRules(b) - brokenRules(a) ||
        collator.compare(nameOf(a), nameOf(b)),
    );
}

/** Counts per filter, for the filter's options. */
export function filterCounts(rows: readonly GridRow[]): Record<BackupFilter, number> {
  const counts = Object.fromEntries(BACKUP_FILTERS.map((f) => [f, 0])) as Record<
    BackupFilter,
    number
  >;
  for (const row of rows) for (const f of BACKUP_FILTERS) if (matchesFilter(row, f)) counts[f]++;
  return counts;
}

/** State of a backup against a ransomware. */
export type ExposureState = 'reached' | 'isolated' | 'safe';

export function exposureState(backup: BackupExposureView): ExposureState {
  if (backup.exposed) return 'reached';
  return backup.isolated ? 'isolated' : 'safe';
}

/** Backups reached first, isolated ones last, then by id. */
export function exposureRows(backups: readonly BackupExposureView[]): BackupExposureView[] {
  const rank: Record<ExposureState, number> = { reached: 0, safe: 1, isolated: 2 };
  return [...backups].sort(
    (a, b) => rank[exposureState(a)] - rank[exposureState(b)] || a.backup.localeCompare(b.backup),
  );
}
