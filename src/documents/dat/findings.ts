/**
 * Section 13 of the DAT: findings and risk decisions — counts by severity and status, the open
 * findings with their remediation, the remediation per rule, and the decisions of the model.
 */
import { SEVERITIES, type Finding, type FindingStatus } from '../../design/findings.js';
import { severityLabel } from '../../design/output/findings-text.js';
import type { Rule } from '../../design/rule.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { callout, cell, col, entityRef, num, paragraph, section, table, todo } from './common.js';
import type { DatContext } from './context.js';
import { DECISION_LABELS, FAMILY_LABELS, DAT_TEXTS } from './texts.js';

/** Open findings listed one by one at most; the rest are counted per rule. */
export const MAX_LISTED_FINDINGS = 1000;
/** Up to this many open findings, each row carries its remediation. */
const REMEDIATION_PER_ROW = 300;

const STATUSES: readonly FindingStatus[] = ['open', 'accepted', 'mitigated', 'false-positive'];

function summaryBlocks(ctx: DatContext): Block[] {
  const { findings } = ctx.input;
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(`${f.severity}:${f.status}`, (counts.get(`${f.severity}:${f.status}`) ?? 0) + 1);
  const get = (severity: string, status: string): number =>
    counts.get(`${severity}:${status}`) ?? 0;
  const rows: Inlines[][] = SEVERITIES.map((s) => [
    [severityLabel(s, ctx.locale)],
    ...STATUSES.map((st) => [num(ctx, get(s, st))]),
    [
      num(
        ctx,
        STATUSES.reduce((sum, st) => sum + get(s, st), 0),
      ),
    ],
  ]);
  rows.push([
    [bold(ctx.t(DAT_TEXTS.total))],
    ...STATUSES.map((st) => [bold(num(ctx, findings.filter((f) => f.status === st).length))]),
    [bold(num(ctx, findings.length))],
  ]);
  const families = new Map<Finding['family'], number>();
  for (const f of findings)
    if (f.status === 'open') families.set(f.family, (families.get(f.family) ?? 0) + 1);
  return [
    paragraph(
      ctx.t(DAT_TEXTS.findingsIntro(num(ctx, findings.length), num(ctx, ctx.input.rules.length))),
    ),
    table(
      'table-findings-summary',
      ctx.t(DAT_TEXTS.captionFindingsSummary),
      [
        col(ctx.t(DAT_TEXTS.colSeverity), 1.2),
        ...STATUSES.map((st) => col(ctx.t(DAT_TEXTS.status[st]), 1, 'right')),
        col(ctx.t(DAT_TEXTS.total), 0.8, 'right'),
      ],
      rows,
    ),
    table(
      'table-findings-families',
      ctx.t(DAT_TEXTS.captionFindingsFamilies),
      [col(ctx.t(DAT_TEXTS.colFamily), 3), col(ctx.t(DAT_TEXTS.status.open), 1, 'right')],
      [...families]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([family, count]) => [[ctx.t(FAMILY_LABELS[family])], [num(ctx, count)]]),
    ),
  ];
}

function entitiesCell(ctx: DatContext, finding: Finding): Inlines {
  const [first, ...rest] = finding.subjects;
  if (first === undefined) return ['–'];
  const result: Inline[] = [...entityRef(ctx, first)];
  const shown = rest.slice(0, 4);
  for (const id of shown) result.push(', ', code(id));
  if (rest.length > shown.length) result.push(`, … (+${String(rest.length - shown.length)})`);
  return result;
}

const remediationPerRow = (ctx: DatContext): boolean =>
  ctx.input.findings.filter((f) => f.status === 'open').length <= REMEDIATION_PER_ROW;

function openBlocks(ctx: DatContext): Block[] {
  const open = ctx.input.findings.filter((f) => f.status === 'open');
  if (open.length === 0) return [callout('success', ctx.t(DAT_TEXTS.noOpenFindings))];
  const listed = open.slice(0, MAX_LISTED_FINDINGS);
  const withRemediation = remediationPerRow(ctx);
  const blocks: Block[] = [];
  if (open.length > listed.length)
    blocks.push(
      callout(
        'info',
        ctx.t(DAT_TEXTS.findingsCapped(num(ctx, listed.length), num(ctx, open.length))),
      ),
    );
  blocks.push(
    table(
      'table-findings-open',
      ctx.t(DAT_TEXTS.captionOpenFindings),
      [
        col(ctx.t(DAT_TEXTS.colSeverity), 0.8),
        col(ctx.t(DAT_TEXTS.colFinding), 2.2),
        col(ctx.t(DAT_TEXTS.colEntities), 1.8),
        col(ctx.t(DAT_TEXTS.colDetail), 3),
        ...(withRemediation ? [col(ctx.t(DAT_TEXTS.colRemediation), 2.6)] : []),
      ],
      listed.map((f) => [
        [severityLabel(f.severity, ctx.locale)],
        [f.title, ' ', code(f.id)],
        entitiesCell(ctx, f),
        [f.detail],
        ...(withRemediation ? [[f.remediation]] : []),
      ]),
      true,
    ),
  );
  return blocks;
}

function referencesText(rule: Rule | undefined, finding: Finding): string {
  const refs = rule?.references ?? finding.references;
  return [
    ...refs.anssi.map((r) => `ANSSI ${r}`),
    ...(refs.iso27002 ?? []).map((r) => `ISO 27002 ${r}`),
  ].join(', ');
}

/**
 * Open findings counted per rule. The remediation is written here only when the open findings
 * table does not carry it on each row (large models).
 */
function rulesBlocks(ctx: DatContext, withRemediation: boolean): Block[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of ctx.input.findings) {
    if (f.status !== 'open') continue;
    const list = byRule.get(f.ruleId);
    if (list === undefined) byRule.set(f.ruleId, [f]);
    else list.push(f);
  }
  if (byRule.size === 0) return [callout('success', ctx.t(DAT_TEXTS.noOpenFindings))];
  const rules = new Map(ctx.input.rules.map((r) => [r.id, r]));
  const rows = [...byRule.values()]
    .map((list) => list[0])
    .filter((f): f is Finding => f !== undefined)
    .map((first) => ({ first, count: byRule.get(first.ruleId)?.length ?? 0 }));
  // findings are sorted most severe first: the first finding of each rule carries its worst severity
  return [
    table(
      'table-findings-rules',
      ctx.t(DAT_TEXTS.captionFindingsRules),
      [
        col(ctx.t(DAT_TEXTS.colRule), 2.2),
        col(ctx.t(DAT_TEXTS.colFamily), 1.2),
        col(ctx.t(DAT_TEXTS.status.open), 0.6, 'right'),
        col(ctx.t(DAT_TEXTS.colWorst), 0.8),
        ...(withRemediation ? [col(ctx.t(DAT_TEXTS.colRemediation), 3.6)] : []),
        col(ctx.t(DAT_TEXTS.colReferences), withRemediation ? 1.4 : 2.4),
      ],
      rows.map(({ first, count }) => [
        [first.title, ' ', code(first.ruleId)],
        [ctx.t(FAMILY_LABELS[first.family])],
        [num(ctx, count)],
        [severityLabel(first.severity, ctx.locale)],
        ...(withRemediation ? [[first.remediation]] : []),
        cell(referencesText(rules.get(first.ruleId), first)),
      ]),
      true,
    ),
  ];
}

function decisionsBlocks(ctx: DatContext): Block[] {
  const { model, findings, today } = ctx.input;
  if (model.decisions.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noDecisions))];
  const produced = new Set(findings.map((f) => f.id));
  const blocks: Block[] = [
    table(
      'table-decisions',
      ctx.t(DAT_TEXTS.captionDecisions),
      [
        col(ctx.t(DAT_TEXTS.colDecision), 1.5),
        col(ctx.t(DAT_TEXTS.colFinding), 1.8),
        col(ctx.t(DAT_TEXTS.colStatus), 0.9),
        col(ctx.t(DAT_TEXTS.colJustification), 3.6),
        col(ctx.t(DAT_TEXTS.colOwner), 1.1),
        col(ctx.t(DAT_TEXTS.colDate), 0.8),
        col(ctx.t(DAT_TEXTS.colReview), 1),
      ],
      model.decisions.map((d) => [
        [code(d.id)],
        [
          code(d.finding),
          ...(produced.has(d.finding) ? [] : [` (${ctx.t(DAT_TEXTS.findingGone)})`]),
        ],
        [ctx.t(DECISION_LABELS[d.status])],
        [d.justification],
        d.owner === undefined ? ['–'] : [ctx.nameOf(d.owner)],
        cell(d.date),
        d.reviewDate === undefined
          ? ['–']
          : d.reviewDate < today
            ? [bold(`${d.reviewDate} (${ctx.t(DAT_TEXTS.pastReview)})`)]
            : [d.reviewDate],
      ]),
      true,
    ),
  ];
  const incomplete = model.decisions
    .filter((d) => d.owner === undefined || d.reviewDate === undefined || d.date === undefined)
    .map((d) => d.id);
  if (incomplete.length > 0)
    blocks.push(
      todo(
        ctx,
        DAT_TEXTS.todoDecisionFields,
        'decisions.yaml → decisions[].owner, date, reviewDate',
        incomplete,
      ),
    );
  return blocks;
}

export function findingsSection(ctx: DatContext): Block {
  return section('findings', ctx.t(DAT_TEXTS.titleFindings), [
    section('findings-summary', ctx.t(DAT_TEXTS.titleFindingsSummary), summaryBlocks(ctx)),
    section('findings-open', ctx.t(DAT_TEXTS.titleOpenFindings), openBlocks(ctx)),
    section(
      'findings-rules',
      ctx.t(DAT_TEXTS.titleFindingsRules),
      rulesBlocks(ctx, !remediationPerRow(ctx)),
    ),
    section('decisions', ctx.t(DAT_TEXTS.titleDecisions), decisionsBlocks(ctx)),
  ]);
}
