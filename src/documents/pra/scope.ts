/** Section 1 of the PRA: purpose, scope and the recovery objectives in short. */
import type { Block } from '../model.js';
import { num, paragraph, section, span } from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

export function scopeSection(ctx: PraContext, organisation: string): Block {
  const { model } = ctx.graph;
  const { plan } = ctx;
  const count = (status: string): string =>
    num(ctx, plan.processes.filter((p) => p.status === status).length);
  return section('scope', ctx.t(PRA_TEXTS.titleScope), [
    section('scope-purpose', ctx.t(PRA_TEXTS.titlePurpose), [
      paragraph(ctx.t(PRA_TEXTS.purpose1(organisation))),
      paragraph(ctx.t(PRA_TEXTS.purpose2)),
      paragraph(
        ctx.t(
          PRA_TEXTS.scopeFacts(
            num(ctx, model.processes.length),
            num(ctx, plan.tasks.length),
            num(ctx, model.backups.length),
            num(ctx, ctx.scenarios.length),
          ),
        ),
      ),
      paragraph(ctx.t(PRA_TEXTS.analysisDate(ctx.today))),
    ]),
    section('scope-objectives', ctx.t(PRA_TEXTS.titleObjectives), [
      paragraph(ctx.t(PRA_TEXTS.objectivesIntro)),
      ...(model.processes.length === 0
        ? []
        : [
            paragraph(
              ctx.t(
                PRA_TEXTS.objectivesSummary(
                  count('met'),
                  count('missed'),
                  count('no-rto'),
                  num(ctx, plan.teams),
                  span(ctx, plan.makespan),
                ),
              ),
            ),
          ]),
    ]),
  ]);
}
