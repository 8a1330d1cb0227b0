/**
 * Section 10 of the PRA: every default the engines used in place of a value the model does not
 * give (recovery durations and methods per asset kind, availability needs, backup copies, team
 * count…), with the document's own defaults (escalation thresholds, exercise recency, default
 * scenarios).
 */
import { text, type LocalizedText } from '../../design/text.js';
import { code, type Block, type Inlines } from '../model.js';
import { callout, cappedTable, column, num, paragraph, section } from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

/** At most this many assumptions are listed (the rest counted). */
export const MAX_ASSUMPTIONS = 300;

interface Assumption {
  readonly subject: string;
  readonly message: LocalizedText;
  readonly source: LocalizedText;
}

const SOURCES = {
  bia: text('impact analysis', 'bilan d’impact'),
  backups: text('backups', 'sauvegardes'),
  schedule: text('schedule', 'planning'),
  scenario: text('scenario', 'scénario'),
  document: text('this document', 'ce document'),
  column: text('Source', 'Origine'),
} as const;

/** Every assumption of the engines and of the document, without duplicates. */
export function allAssumptions(ctx: PraContext): Assumption[] {
  const result: Assumption[] = [];
  const seen = new Set<string>();
  const add = (
    list: readonly { readonly subject: string; readonly message: LocalizedText }[],
    source: LocalizedText,
  ): void => {
    for (const a of list) {
      const key = `${a.subject}\u0000${a.message.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({ subject: a.subject, message: a.message, source });
    }
  };
  add(
    [
      { subject: 'activation', message: PRA_TEXTS.assumptionThresholds },
      { subject: 'exercises', message: PRA_TEXTS.assumptionExercises },
      ...(ctx.defaultScenarios
        ? [{ subject: 'scenarios', message: PRA_TEXTS.assumptionDefaultScenarios }]
        : []),
    ],
    SOURCES.document,
  );
  add(ctx.bia.assumptions, SOURCES.bia);
  add(ctx.backups.assumptions, SOURCES.backups);
  add(ctx.plan.assumptions, SOURCES.schedule);
  for (const s of ctx.scenarios) add(s.result?.assumptions ?? [], SOURCES.scenario);
  return result;
}

export function assumptionsSection(ctx: PraContext): Block {
  const assumptions = allAssumptions(ctx);
  const rows = assumptions.map((a): Inlines[] => [
    [code(a.subject)],
    [ctx.t(a.message)],
    [ctx.t(a.source)],
  ]);
  const blocks: Block[] = [
    paragraph(ctx.t(PRA_TEXTS.assumptionsIntro)),
    ...cappedTable(
      ctx,
      'table-assumptions',
      ctx.t(PRA_TEXTS.captionAssumptions),
      [
        column(ctx, PRA_TEXTS.colSubject, 1.4),
        column(ctx, PRA_TEXTS.colAssumption, 4.4),
        column(ctx, SOURCES.column, 1),
      ],
      rows,
      true,
      MAX_ASSUMPTIONS,
    ),
  ];
  if (rows.length > MAX_ASSUMPTIONS)
    blocks.push(
      callout('info', ctx.t(PRA_TEXTS.moreAssumptions(num(ctx, rows.length - MAX_ASSUMPTIONS)))),
    );
  return section('assumptions', ctx.t(PRA_TEXTS.titleAssumptions), blocks);
}
