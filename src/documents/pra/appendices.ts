/**
 * Appendices of the PRA: the assets each process rests on with the objectives they inherit and
 * their own recovery, every finding of the continuity engines, and the glossary.
 */
import { recoveryOf } from '../../continuity/recovery-time.js';
import { text } from '../../design/text.js';
import { bold, code, type Block, type Inlines } from '../model.js';
import {
  callout,
  cappedTable,
  column,
  flagColumns,
  flagRows,
  paragraph,
  section,
  someIds,
  span,
  spanCell,
  type Flag,
} from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

const METHODS: Readonly<Record<string, { en: string; fr: string }>> = {
  restore: text('restore from backup', 'restauration depuis sauvegarde'),
  rebuild: text('rebuild', 'reconstruction'),
  failover: text('failover to a standby', 'bascule sur un secours'),
  supplier: text('by the supplier', 'par le fournisseur'),
};

function assetsAppendix(ctx: PraContext): Block {
  const rows = ctx.bia.assets.map((a): Inlines[] => {
    const asset = ctx.graph.asset(a.asset);
    const recovery = asset === undefined ? undefined : recoveryOf(asset);
    const slow = a.rto !== undefined && a.recoveryMinutes > a.rto.minutes;
    const own = span(ctx, a.recoveryMinutes);
    return [
      [code(a.asset)],
      someIds(a.processes, 5),
      spanCell(ctx, a.rto?.minutes),
      [
        slow ? bold(own) : own,
        ...(recovery === undefined
          ? []
          : [
              ` — ${ctx.t(METHODS[recovery.method] ?? { en: recovery.method, fr: recovery.method })}`,
            ]),
      ],
      [asset?.recovery?.procedure ?? ctx.t(PRA_TEXTS.toComplete)],
    ];
  });
  return section(
    'appendix-assets',
    ctx.t(PRA_TEXTS.titleAppendixAssets),
    rows.length === 0
      ? [callout('info', ctx.t(PRA_TEXTS.runbookEmpty))]
      : cappedTable(
          ctx,
          'table-appendix-assets',
          ctx.t(PRA_TEXTS.captionAppendixAssets),
          [
            column(ctx, PRA_TEXTS.colAsset, 1.6),
            column(ctx, PRA_TEXTS.colProcesses, 2),
            column(ctx, PRA_TEXTS.colInheritedRto, 0.9),
            column(ctx, PRA_TEXTS.colRecovery, 2),
            column(ctx, PRA_TEXTS.colProcedure, 1.6),
          ],
          rows,
          true,
          300,
        ),
    true,
  );
}

function flagsAppendix(ctx: PraContext): Block {
  const flags: Flag[] = [];
  const seen = new Set<string>();
  const add = (list: readonly Flag[]): void => {
    for (const flag of list) {
      const key = `${flag.code}\u0000${[...flag.subjects].sort().join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      flags.push(flag);
    }
  };
  for (const s of ctx.scenarios) add(s.result?.missing ?? []);
  add(ctx.plan.issues);
  return section(
    'appendix-flags',
    ctx.t(PRA_TEXTS.titleAppendixFlags),
    flags.length === 0
      ? [callout('success', ctx.t(PRA_TEXTS.noRecoveryGaps))]
      : [
          paragraph(ctx.t(PRA_TEXTS.appendixFlagsIntro)),
          ...cappedTable(
            ctx,
            'table-appendix-flags',
            ctx.t(PRA_TEXTS.captionAppendixFlags),
            flagColumns(ctx),
            flagRows(ctx, flags),
            true,
            300,
          ),
        ],
    true,
  );
}

function glossaryAppendix(ctx: PraContext): Block {
  return section(
    'glossary',
    ctx.t(PRA_TEXTS.titleGlossary),
    cappedTable(
      ctx,
      'table-glossary',
      ctx.t(PRA_TEXTS.captionGlossary),
      [column(ctx, PRA_TEXTS.colTerm, 1.6), column(ctx, PRA_TEXTS.colDefinition, 4)],
      PRA_TEXTS.glossary.map(([term, definition]): Inlines[] => [
        [ctx.t(term)],
        [ctx.t(definition)],
      ]),
      false,
    ),
    true,
  );
}

export function appendices(ctx: PraContext): Block[] {
  return [assetsAppendix(ctx), flagsAppendix(ctx), glossaryAppendix(ctx)];
}
