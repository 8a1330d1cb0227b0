/**
 * Section 7 of the PRA: the backup inventory (where, how often, how long, protection, last
 * restore test, exposure to a ransomware from the office), the 3-2-1-1-0 assessment of each data
 * set and asset against its RPO, and the weaknesses found.
 */
import {
  describeExposure,
  type BackupExposure,
  type EntityBackupAssessment,
} from '../../continuity/index.js';
import type { Backup } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cappedTable,
  cell,
  column,
  flagColumns,
  flagRows,
  num,
  paragraph,
  section,
  someIds,
  spanCell,
  todo,
} from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

const yesNo = (ctx: PraContext, value: boolean | undefined): string =>
  value === undefined ? ctx.t(PRA_TEXTS.notStated) : ctx.t(value ? PRA_TEXTS.yes : PRA_TEXTS.no);

function whereCell(ctx: PraContext, backup: Backup): Inlines {
  const parts: Inline[] = [];
  const add = (...inlines: Inline[]): void => {
    if (parts.length > 0) parts.push('; ');
    parts.push(...inlines);
  };
  if (backup.target !== undefined) add(code(backup.target));
  const site =
    backup.site ?? (backup.target === undefined ? undefined : ctx.graph.siteOfAsset(backup.target));
  if (site !== undefined) add(ctx.nameOf(site));
  else if (backup.zone !== undefined) add(code(backup.zone));
  if (backup.provider !== undefined) add(backup.provider);
  return parts.length === 0 ? [ctx.t(PRA_TEXTS.toComplete)] : parts;
}

function restoreCell(
  ctx: PraContext,
  backup: Backup,
  exposure: BackupExposure | undefined,
): Inlines {
  const test = backup.lastRestoreTest;
  if (test === undefined) return [bold(ctx.t(PRA_TEXTS.restoreNever))];
  const status = exposure?.restoreTest;
  const verdict =
    status === 'stale'
      ? ctx.t(PRA_TEXTS.restoreStale(num(ctx, exposure?.restoreTestAgeDays ?? 0)))
      : status === 'failed'
        ? ctx.t(PRA_TEXTS.restoreFailed)
        : status === 'partial'
          ? ctx.t(PRA_TEXTS.restorePartial)
          : ctx.t(PRA_TEXTS.restoreOk);
  const bad = status !== 'ok';
  return [`${test.date} — `, bad ? bold(verdict) : verdict];
}

function exposureCell(ctx: PraContext, exposure: BackupExposure | undefined): Inlines {
  if (exposure === undefined) return ['–'];
  if (exposure.isolated) return [ctx.t(PRA_TEXTS.isolated)];
  if (!exposure.exposed) return [ctx.t(PRA_TEXTS.notExposed)];
  return [
    bold(ctx.t(PRA_TEXTS.exposed)),
    ` — ${ctx.t(describeExposure(ctx.graph, exposure.reasons))}`,
  ];
}

function inventory(ctx: PraContext): Block[] {
  const { backups } = ctx.graph.model;
  if (backups.length === 0) return [todo(ctx, PRA_TEXTS.todoBackups, 'backups.yaml → backups')];
  const exposures = new Map(ctx.backups.backups.map((b) => [b.backup, b]));
  return cappedTable(
    ctx,
    'table-backup-inventory',
    ctx.t(PRA_TEXTS.captionBackupInventory),
    [
      column(ctx, PRA_TEXTS.colBackup, 1.5),
      column(ctx, PRA_TEXTS.colProtects, 1.6),
      column(ctx, PRA_TEXTS.colWhere, 1.4),
      column(ctx, PRA_TEXTS.colFrequency, 0.8),
      column(ctx, PRA_TEXTS.colRetention, 0.8),
      column(ctx, PRA_TEXTS.colProtection, 1.3),
      column(ctx, PRA_TEXTS.colRestoreTest, 1.3),
      column(ctx, PRA_TEXTS.colExposure, 2.2),
    ],
    backups.map((b): Inlines[] => [
      [code(b.id), ...(b.method === undefined ? [] : [` (${b.method})`])],
      someIds(b.protects, 6),
      whereCell(ctx, b),
      cell(b.frequency),
      cell(b.retention),
      [`${yesNo(ctx, b.offline)} / ${yesNo(ctx, b.immutable)} / ${yesNo(ctx, b.encrypted)}`],
      restoreCell(ctx, b, exposures.get(b.id)),
      exposureCell(ctx, exposures.get(b.id)),
    ]),
  );
}

const mark = (ok: boolean): Inline => (ok ? '✓' : bold('✗'));

function grid(ctx: PraContext): Block[] {
  // the entities that need a backup (an RPO) or have one, and break a rule
  const relevant = ctx.backups.entities.filter((e) => e.rpo !== undefined || e.copies.length > 0);
  if (relevant.length === 0) return [callout('success', ctx.t(PRA_TEXTS.gridAllMet))];
  const failing = relevant.filter(
    (e) => !e.grid.met || e.rpoMet === false || !e.survivesRansomware,
  );
  if (failing.length === 0) return [callout('success', ctx.t(PRA_TEXTS.gridAllMet))];
  const rows = failing.map((e: EntityBackupAssessment): Inlines[] => [
    [code(e.id)],
    spanCell(ctx, e.rpo?.minutes),
    spanCell(ctx, e.bestFrequencyMinutes),
    [mark(e.grid.copies >= 3), ` ${String(e.grid.copies)}`],
    [mark(e.grid.media >= 2), ` ${String(e.grid.media)}`],
    [mark(e.grid.offsite)],
    [mark(e.grid.isolated)],
    [mark(e.grid.errorFree)],
    [mark(e.survivesRansomware)],
  ]);
  return [
    paragraph(ctx.t(PRA_TEXTS.gridMore(num(ctx, failing.length)))),
    ...cappedTable(
      ctx,
      'table-backup-grid',
      ctx.t(PRA_TEXTS.captionBackupGrid),
      [
        column(ctx, PRA_TEXTS.colEntity, 2),
        column(ctx, PRA_TEXTS.colRpo, 0.8),
        column(ctx, PRA_TEXTS.colBestFrequency, 0.9),
        column(ctx, PRA_TEXTS.colCopies, 0.6, 'center'),
        column(ctx, PRA_TEXTS.colMedia, 0.6, 'center'),
        column(ctx, PRA_TEXTS.colOffsite, 0.6, 'center'),
        column(ctx, PRA_TEXTS.colIsolated, 0.6, 'center'),
        column(ctx, PRA_TEXTS.colErrors, 0.6, 'center'),
        column(ctx, PRA_TEXTS.colSurvives, 0.7, 'center'),
      ],
      rows,
    ),
  ];
}

function weaknesses(ctx: PraContext): Block[] {
  if (ctx.backups.flags.length === 0) return [callout('success', ctx.t(PRA_TEXTS.noBackupFlags))];
  return cappedTable(
    ctx,
    'table-backup-flags',
    ctx.t(PRA_TEXTS.captionBackupFlags),
    flagColumns(ctx),
    flagRows(ctx, ctx.backups.flags),
  );
}

export function backupsSection(ctx: PraContext): Block {
  const children: Block[] = [
    paragraph(ctx.t(PRA_TEXTS.backupsIntro)),
    section('backups-inventory', ctx.t(PRA_TEXTS.titleBackupInventory), inventory(ctx)),
  ];
  if (ctx.graph.model.backups.length > 0) {
    children.push(section('backups-grid', ctx.t(PRA_TEXTS.titleBackupGrid), grid(ctx)));
    children.push(section('backups-flags', ctx.t(PRA_TEXTS.titleBackupFlags), weaknesses(ctx)));
  }
  return section('backups', ctx.t(PRA_TEXTS.titleBackups), children);
}
