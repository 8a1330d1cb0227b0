/**
 * Section 4 of the PRA: when the plan is triggered (the events, derived from what the model
 * holds: sites, directory, cloud providers) and the escalation — thresholds per process from its
 * RTO (a quarter to escalate, half to decide; the MTPD as the hard limit) and the chain of who
 * calls whom, naming the holders of the crisis roles.
 */
import { CLOUD_SERVICE_KINDS } from '../../domain/model/vocabulary.js';
import type { Block, Inlines } from '../model.js';
import { cappedTable, column, list, paragraph, section, span } from './common.js';
import type { PraContext } from './context.js';
import { holderName } from './crisis.js';
import { PRA_TEXTS } from './texts.js';

/** Escalate to the crisis director at this fraction of a process's RTO. */
export const ESCALATION_FRACTION = 0.25;
/** Decide whether to trigger the plan at this fraction of the RTO at the latest. */
export const ACTIVATION_FRACTION = 0.5;

const names = (ctx: PraContext, ids: readonly string[]): string =>
  ids.map((id) => ctx.nameOf(id)).join(', ');

function triggers(ctx: PraContext): Block {
  const { model } = ctx.graph;
  const items: Inlines[] = [];
  if (model.sites.length > 0)
    items.push([
      ctx.t(
        PRA_TEXTS.triggerSite(
          names(
            ctx,
            model.sites.map((s) => s.id),
          ),
        ),
      ),
    ]);
  items.push([ctx.t(PRA_TEXTS.triggerRansomware)]);
  if (model.assets.some((a) => a.kind === 'directory'))
    items.push([ctx.t(PRA_TEXTS.triggerDirectory)]);
  const providers = model.assets.filter((a) => CLOUD_SERVICE_KINDS.includes(a.kind));
  if (providers.length > 0)
    items.push([
      ctx.t(
        PRA_TEXTS.triggerProvider(
          names(
            ctx,
            providers.slice(0, 12).map((a) => a.id),
          ) + (providers.length > 12 ? ', …' : ''),
        ),
      ),
    ]);
  items.push([ctx.t(PRA_TEXTS.triggerOutage)]);
  return list(items);
}

function thresholds(ctx: PraContext): Block[] {
  if (ctx.bia.processes.length === 0) return [];
  const sorted = [...ctx.bia.processes].sort(
    (a, b) =>
      (a.rto?.minutes ?? Number.POSITIVE_INFINITY) - (b.rto?.minutes ?? Number.POSITIVE_INFINITY) ||
      a.process.localeCompare(b.process),
  );
  return [
    paragraph(ctx.t(PRA_TEXTS.thresholdsIntro)),
    ...cappedTable(
      ctx,
      'table-activation',
      ctx.t(PRA_TEXTS.captionThresholds),
      [
        column(ctx, PRA_TEXTS.colProcess, 2.6),
        column(ctx, PRA_TEXTS.colRto, 0.9),
        column(ctx, PRA_TEXTS.colEscalate, 1.1),
        column(ctx, PRA_TEXTS.colActivate, 1.2),
        column(ctx, PRA_TEXTS.colLimit, 1.1),
      ],
      sorted.map((p): Inlines[] => {
        const rto = p.rto?.minutes;
        const none = ctx.t(PRA_TEXTS.noRtoThreshold);
        return [
          [ctx.nameOf(p.process)],
          [rto === undefined ? none : span(ctx, rto)],
          [rto === undefined ? '–' : span(ctx, rto * ESCALATION_FRACTION)],
          [rto === undefined ? '–' : span(ctx, rto * ACTIVATION_FRACTION)],
          [p.mtpd === undefined ? ctx.t(PRA_TEXTS.toComplete) : span(ctx, p.mtpd.minutes)],
        ];
      }),
    ),
  ];
}

function escalation(ctx: PraContext): Block {
  return list(
    [
      [ctx.t(PRA_TEXTS.escalation1(holderName(ctx, 'it-lead')))],
      [ctx.t(PRA_TEXTS.escalation2(holderName(ctx, 'crisis-director')))],
      [ctx.t(PRA_TEXTS.escalation3)],
      [ctx.t(PRA_TEXTS.escalation4(holderName(ctx, 'communication')))],
      [ctx.t(PRA_TEXTS.escalation5(holderName(ctx, 'dpo')))],
      [ctx.t(PRA_TEXTS.escalation6)],
    ],
    true,
  );
}

export function activationSection(ctx: PraContext): Block {
  return section('activation', ctx.t(PRA_TEXTS.titleActivation), [
    paragraph(ctx.t(PRA_TEXTS.activationIntro)),
    section('activation-triggers', ctx.t(PRA_TEXTS.titleTriggers), [triggers(ctx)]),
    ...(ctx.bia.processes.length === 0
      ? []
      : [section('activation-thresholds', ctx.t(PRA_TEXTS.titleThresholds), thresholds(ctx))]),
    section('activation-escalation', ctx.t(PRA_TEXTS.titleEscalation), [escalation(ctx)]),
  ]);
}
