/**
 * Section 13 of the DAT: findings and risk decisions — counts by severity and status, the open
 * findings with their remediation, the remediation per rule, and the decisions of the model.
 */
import { SEVERITIES, type Finding, type FindingStatus } from '../../design/findings.js';
import { severityLabel } from '../../design/output/findings-text.js';
import type { Rule } from '../../design/rule.js';
import type { Decision } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { callout, cell, entityRef, num, paragraph, section } from './common.js';
import type { DatContext } from './context.js';
import { gapTodos, tableOf, type Column } from './tables.js';
import { DECISION_LABELS, FAMILY_LABELS, DAT_TEXTS } from './texts.js';

/** Open findings listed one by one at most; the rest are counted per rule. */
export const MAX_LISTED_FINDINGS = 1000;
/** Up to this many open findings, each row carries its remediation. */
const REMEDIATION_PER_ROW = 300;

const STATUSES: readonly FindingStatus[] = ['open', 'accepted', 'mitigated', 'false-positive'];

/** A line of the summary table: a severity (or the total) and its findings per status. */
interface SummaryRow {
  readonly label: string;
  readonly counts: readonly number[];
  readonly total: number;
  readonly strong: boolean;
}

function summaryTable(ctx: DatContext): Block {
  const { findings } = ctx.input;
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(`${f.severity}:${f.status}`, (counts.get(`${f.severity}:${f.status}`) ?? 0) + 1);
  const rows: SummaryRow[] = SEVERITIES.map((severity) => {
    const perStatus = STATUSES.map((status) => counts.get(`${severity}:${status}`) ?? 0);
    return {
      label: severityLabel(severity, ctx.locale),
      counts: perStatus,
      total: perStatus.reduce((sum, n) => sum + n, 0),
      strong: false,
    };
  });
  rows.push({
    label: ctx.t(DAT_TEXTS.total),
    counts: STATUSES.map((status) => findings.filter((f) => f.status === status).length),
    total: findings.length,
    strong: true,
  });
  const shown = (row: SummaryRow, value: string): Inlines => [row.strong ? bold(value) : value];
  const statusColumns = STATUSES.map((status, i): Column<SummaryRow> => ({
    title: DAT_TEXTS.status[status],
    width: 1,
    align: 'right',
    cell: (row) => shown(row, num(ctx, row.counts[i] ?? 0)),
  }));
  return tableOf(
    ctx,
    {
      id: 'table-findings-summary',
      caption: DAT_TEXTS.captionFindingsSummary,
      columns: [
        { title: 'colSeverity', width: 1.2, cell: (row) => shown(row, row.label) },
        ...statusColumns,
        {
          title: 'total',
          width: 0.8,
          align: 'right',
          cell: (row) => shown(row, num(ctx, row.total)),
        },
      ],
    },
    rows,
  );
}

function summaryBlocks(ctx: DatContext): Block[] {
  const { findings } = ctx.input;
  const families = new Map<Finding['family'], number>();
  for (const f of findings)
    if (f.status === 'open') families.set(f.family, (families.get(f.family) ?? 0) + 1);
  return [
    paragraph(
      ctx.t(DAT_TEXTS.findingsIntro(num(ctx, findings.length), num(ctx, ctx.input.rules.length))),
    ),
    summaryTable(ctx),
    tableOf(
      ctx,
      {
        id: 'table-findings-families',
        caption: DAT_TEXTS.captionFindingsFamilies,
        columns: [
          { title: 'colFamily', width: 3, cell: ([family]) => [ctx.t(FAMILY_LABELS[family])] },
          {
            title: DAT_TEXTS.status.open,
            width: 1,
            align: 'right',
            cell: ([, count]) => [num(ctx, count)],
          },
        ],
      },
      [...families].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
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
  const remediation: Column<Finding>[] = withRemediation
    ? [{ title: 'colRemediation', width: 2.6, cell: (f) => [f.remediation] }]
    : [];
  blocks.push(
    tableOf(
      ctx,
      {
        id: 'table-findings-open',
        caption: DAT_TEXTS.captionOpenFindings,
        dense: true,
        columns: [
          {
            title: 'colSeverity',
            width: 0.8,
            cell: (f) => [severityLabel(f.severity, ctx.locale)],
          },
          { title: 'colFinding', width: 2.2, cell: (f) => [f.title, ' ', code(f.id)] },
          { title: 'colEntities', width: 1.8, cell: (f) => entitiesCell(ctx, f) },
          { title: 'colDetail', width: 3, cell: (f) => [f.detail] },
          ...remediation,
        ],
      },
      listed,
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
  type RuleRow = (typeof rows)[number];
  const remediation: Column<RuleRow>[] = withRemediation
    ? [{ title: 'colRemediation', width: 3.6, cell: ({ first }) => [first.remediation] }]
    : [];
  return [
    tableOf(
      ctx,
      {
        id: 'table-findings-rules',
        caption: DAT_TEXTS.captionFindingsRules,
        dense: true,
        columns: [
          {
            title: 'colRule',
            width: 2.2,
            cell: ({ first }) => [first.title, ' ', code(first.ruleId)],
          },
          {
            title: 'colFamily',
            width: 1.2,
            cell: ({ first }) => [ctx.t(FAMILY_LABELS[first.family])],
          },
          {
            title: DAT_TEXTS.status.open,
            width: 0.6,
            align: 'right',
            cell: ({ count }) => [num(ctx, count)],
          },
          {
            title: 'colWorst',
            width: 0.8,
            cell: ({ first }) => [severityLabel(first.severity, ctx.locale)],
          },
          ...remediation,
          {
            title: 'colReferences',
            width: withRemediation ? 1.4 : 2.4,
            cell: ({ first }) => cell(referencesText(rules.get(first.ruleId), first)),
          },
        ],
      },
      rows,
    ),
  ];
}

function decisionsBlocks(ctx: DatContext): Block[] {
  const { model, findings, today } = ctx.input;
  if (model.decisions.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noDecisions))];
  const produced = new Set(findings.map((f) => f.id));
  const reviewCell = (d: Decision): Inlines => {
    if (d.reviewDate === undefined) return ['–'];
    return d.reviewDate < today
      ? [bold(`${d.reviewDate} (${ctx.t(DAT_TEXTS.pastReview)})`)]
      : [d.reviewDate];
  };
  return [
    tableOf(
      ctx,
      {
        id: 'table-decisions',
        caption: DAT_TEXTS.captionDecisions,
        dense: true,
        columns: [
          { title: 'colDecision', width: 1.5, cell: (d) => [code(d.id)] },
          {
            title: 'colFinding',
            width: 1.8,
            cell: (d) => [
              code(d.finding),
              ...(produced.has(d.finding) ? [] : [` (${ctx.t(DAT_TEXTS.findingGone)})`]),
            ],
          },
          { title: 'colStatus', width: 0.9, cell: (d) => [ctx.t(DECISION_LABELS[d.status])] },
          { title: 'colJustification', width: 3.6, cell: (d) => [d.justification] },
          {
            title: 'colOwner',
            width: 1.1,
            cell: (d) => (d.owner === undefined ? ['–'] : [ctx.nameOf(d.owner)]),
          },
          { title: 'colDate', width: 0.8, cell: (d) => cell(d.date) },
          { title: 'colReview', width: 1, cell: reviewCell },
        ],
      },
      model.decisions,
    ),
    ...gapTodos(ctx, model.decisions, [
      {
        lacks: (d) => d.owner === undefined || d.reviewDate === undefined || d.date === undefined,
        what: DAT_TEXTS.todoDecisionFields,
        where: 'decisions.yaml → decisions[].owner, date, reviewDate',
      },
    ]),
  ];
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
