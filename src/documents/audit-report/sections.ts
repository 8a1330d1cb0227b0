/**
 * The audit report's sections: executive summary, scope and method, findings by check (worst
 * first), drift against the model, comparison with the previous campaign, action plan, and the
 * hosts and services observed as an appendix.
 */
import { compareFindings } from '../../audit/findings.js';
import type { AuditFinding, Severity } from '../../audit/types.js';
import { SEVERITIES } from '../../audit/types.js';
import { callout, col, list, paragraph, section, table } from '../dat/common.js';
import { code, link, type Block, type Inline, type Inlines } from '../model.js';
import type { AuditReportContext } from './context.js';
import { AUDIT_TEXTS as T, SEVERITY_TEXT } from './texts.js';

/** Rows of long tables beyond this are left out, with a note. */
const MAX_ROWS = 200;
const WORST_FIRST: readonly Severity[] = [...SEVERITIES].reverse();

const NUMBER = { en: new Intl.NumberFormat('en-GB'), fr: new Intl.NumberFormat('fr-FR') } as const;
const num = (ctx: AuditReportContext, value: number) => NUMBER[ctx.locale].format(value);

function capped(
  ctx: AuditReportContext,
  rows: readonly (readonly Inlines[])[],
): {
  rows: readonly (readonly Inlines[])[];
  note: Block[];
} {
  if (rows.length <= MAX_ROWS) return { rows, note: [] };
  return {
    rows: rows.slice(0, MAX_ROWS),
    note: [paragraph(ctx.t(T.moreRows(rows.length - MAX_ROWS)))],
  };
}

const entitiesCell = (ctx: AuditReportContext, ids: readonly string[]): Inlines =>
  ids.length === 0 ? ['–'] : [ids.map((id) => ctx.nameOf(id)).join(', ')];

const severityCell = (ctx: AuditReportContext, finding: AuditFinding): Inlines => [
  `${ctx.t(SEVERITY_TEXT[finding.severity])} (${finding.cvss.score.toFixed(1)})`,
];

function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${String(minutes)} min ${String(seconds % 60)} s` : `${String(seconds)} s`;
}

export function summarySection(ctx: AuditReportContext): Block {
  const { results, previous } = ctx.input;
  const findings = results.findings;
  const reached = results.hosts.filter((h) => h.reachable).length;
  const counts = WORST_FIRST.map((severity) => ({
    severity,
    count: findings.filter((f) => f.severity === severity).length,
  }));
  const blocks: Block[] = [
    paragraph(ctx.t(T.summaryLead(findings.length, results.campaign.scope.targets, reached))),
  ];
  const worst = counts.find((c) => c.count > 0 && c.severity !== 'info');
  if (findings.length === 0) blocks.push(callout('success', ctx.t(T.summaryNone)));
  else if (worst !== undefined)
    blocks.push(
      callout(
        worst.severity === 'critical' || worst.severity === 'high' ? 'danger' : 'warning',
        ctx.t(T.summaryWorst(worst.count, ctx.t(SEVERITY_TEXT[worst.severity]))),
      ),
    );
  const drift = findings.filter((f) => f.domain === 'drift').length;
  if (drift > 0) blocks.push(paragraph(ctx.t(T.summaryDrift(drift))));
  if (previous !== undefined) {
    const { added, fixed, persisting } = previous.comparison;
    blocks.push(
      paragraph(ctx.t(T.summaryComparison(added.length, fixed.length, persisting.length))),
    );
  }
  blocks.push(
    table(
      'audit-severity-counts',
      ctx.t(T.bySeverity),
      [col(ctx.t(T.severity), 2), col(ctx.t(T.count), 1, 'right')],
      counts.map((c) => [[ctx.t(SEVERITY_TEXT[c.severity])], [num(ctx, c.count)]]),
    ),
  );
  const top = [...findings]
    .sort(compareFindings)
    .filter((f) => f.severity !== 'info')
    .slice(0, 8);
  if (top.length > 0)
    blocks.push(
      table(
        'audit-top-findings',
        ctx.t(T.topFindings),
        [
          col(ctx.t(T.finding), 3),
          col(ctx.t(T.severity), 1.2),
          col(ctx.t(T.target), 1.5),
          col(ctx.t(T.entities), 1.5),
        ],
        top.map((f) => [
          [f.title[ctx.locale]],
          severityCell(ctx, f),
          [code(f.subject)],
          entitiesCell(ctx, f.entities),
        ]),
      ),
    );
  return section('summary', ctx.t(T.summary), blocks);
}

export function scopeSection(ctx: AuditReportContext): Block {
  const { campaign, refused, errors, stats } = ctx.input.results;
  const rows: Inlines[][] = [
    [[ctx.t(T.campaign)], [campaign.name]],
    [[ctx.t(T.period)], [`${campaign.startedAt} → ${campaign.finishedAt}`]],
    [[ctx.t(T.duration)], [durationText(stats.durationMs)]],
    [[ctx.t(T.vantage)], [campaign.vantage ?? ctx.t(T.vantageNone)]],
    [[ctx.t(T.model)], [campaign.model === null ? ctx.t(T.modelNone) : campaign.model.name]],
    [[ctx.t(T.scopeFile)], [campaign.scope.file === null ? '–' : code(campaign.scope.file)]],
    [[ctx.t(T.targets)], [num(ctx, campaign.scope.targets)]],
    [[ctx.t(T.ports)], [campaign.scope.ports]],
    [[ctx.t(T.connections)], [num(ctx, stats.connections)]],
    [[ctx.t(T.tool)], [`${campaign.tool.name} ${campaign.tool.version}`]],
  ];
  const blocks: Block[] = [
    paragraph(ctx.t(T.scopeLead)),
    table('audit-scope', ctx.t(T.scope), [col('', 1), col('', 3)], rows),
    paragraph(ctx.t(T.checksMade), ctx.fr ? ' : ' : ': ', ctx.t(T.checksList)),
  ];
  if (refused.length > 0) {
    const { rows: shown, note } = capped(
      ctx,
      refused.map((r) => [[code(`${r.address}:${String(r.port)}`)], [r.reason]]),
    );
    blocks.push(
      table(
        'audit-refused',
        ctx.t(T.refused),
        [col(ctx.t(T.target), 1), col(ctx.t(T.reason), 3)],
        shown,
      ),
      ...note,
    );
  }
  if (errors.length > 0) {
    const { rows: shown, note } = capped(
      ctx,
      errors.map((e) => [[code(e.target)], [e.probe], [e.message]]),
    );
    blocks.push(
      table(
        'audit-errors',
        ctx.t(T.errors),
        [col(ctx.t(T.target), 1), col(ctx.t(T.probe), 1), col(ctx.t(T.message), 3)],
        shown,
      ),
      ...note,
    );
  }
  return section('scope', ctx.t(T.scope), blocks);
}

function referenceInlines(finding: AuditFinding): Inline[] {
  return finding.references.flatMap((r, index) => {
    const label = `${r.source.toUpperCase()} ${r.id}${r.title === undefined ? '' : ` — ${r.title}`}`;
    const item: Inline = r.url === undefined ? label : link(label, r.url);
    return index === 0 ? [item] : ['; ', item];
  });
}

/** One subsection per check (the root cause), worst first, its occurrences as a table. */
function checkGroups(
  ctx: AuditReportContext,
  findings: readonly AuditFinding[],
  prefix: string,
): Block[] {
  const groups = new Map<string, AuditFinding[]>();
  for (const finding of [...findings].sort(compareFindings)) {
    const group = groups.get(finding.check);
    if (group === undefined) groups.set(finding.check, [finding]);
    else group.push(finding);
  }
  return [...groups.entries()].map(([check, group]) => {
    const first = group[0] as AuditFinding;
    const { rows, note } = capped(
      ctx,
      group.map((f) => [
        [code(f.subject)],
        entitiesCell(ctx, f.entities),
        [f.detail[ctx.locale]],
        [code(f.evidence.length > 400 ? `${f.evidence.slice(0, 399)}…` : f.evidence)],
      ]),
    );
    return section(`${prefix}-${check}`, first.title[ctx.locale], [
      paragraph(
        ctx.t(T.severity),
        ctx.fr ? ' : ' : ': ',
        `${ctx.t(SEVERITY_TEXT[first.severity])} — `,
        ctx.t(T.cvss),
        ' ',
        code(first.cvss.vector),
        ` (${first.cvss.score.toFixed(1)}) — `,
        ctx.t(T.occurrences(group.length)),
      ),
      table(
        `${prefix}-${check}-occurrences`,
        first.title[ctx.locale],
        [
          col(ctx.t(T.target), 1.3),
          col(ctx.t(T.entities), 1.2),
          col(ctx.t(T.detail), 2.5),
          col(ctx.t(T.evidence), 2.5),
        ],
        rows,
        true,
      ),
      ...note,
      paragraph(ctx.t(T.remediation), ctx.fr ? ' : ' : ': ', first.remediation[ctx.locale]),
      ...(first.references.length > 0
        ? [paragraph(ctx.t(T.references), ctx.fr ? ' : ' : ': ', ...referenceInlines(first))]
        : []),
    ]);
  });
}

export function findingsSection(ctx: AuditReportContext): Block {
  const findings = ctx.input.results.findings.filter((f) => f.domain !== 'drift');
  const blocks: Block[] = [paragraph(ctx.t(T.findingsLead))];
  if (findings.length === 0) blocks.push(paragraph(ctx.t(T.noFindings)));
  for (const severity of WORST_FIRST) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    blocks.push(
      section(
        `findings-${severity}`,
        ctx.t(SEVERITY_TEXT[severity]),
        checkGroups(ctx, group, 'finding'),
      ),
    );
  }
  return section('findings', ctx.t(T.findings), blocks);
}

function proposalText(finding: AuditFinding): string {
  const proposal = finding.proposal;
  if (proposal === undefined) return '–';
  const fields = Object.keys(proposal.fields).join(', ');
  return proposal.kind === 'create-entity'
    ? `+ ${proposal.section} (${fields})`
    : `${proposal.id}: ${fields}`;
}

export function driftSection(ctx: AuditReportContext): Block {
  const { results } = ctx.input;
  const drift = results.findings.filter((f) => f.domain === 'drift').sort(compareFindings);
  const blocks: Block[] = [paragraph(ctx.t(T.driftLead))];
  if (results.campaign.model === null) blocks.push(callout('info', ctx.t(T.noModel)));
  else if (drift.length === 0) blocks.push(callout('success', ctx.t(T.noDrift)));
  else {
    const { rows, note } = capped(
      ctx,
      drift.map((f) => [
        [f.title[ctx.locale]],
        [code(f.subject)],
        entitiesCell(ctx, f.entities),
        [f.detail[ctx.locale]],
        [code(proposalText(f))],
      ]),
    );
    blocks.push(
      table(
        'audit-drift',
        ctx.t(T.drift),
        [
          col(ctx.t(T.finding), 2),
          col(ctx.t(T.target), 1.2),
          col(ctx.t(T.entities), 1.2),
          col(ctx.t(T.detail), 2.5),
          col(ctx.t(T.proposal), 1.5),
        ],
        rows,
        true,
      ),
      ...note,
    );
  }
  return section('drift', ctx.t(T.drift), blocks);
}

export function comparisonSection(ctx: AuditReportContext): Block {
  const previous = ctx.input.previous;
  if (previous === undefined)
    return section('comparison', ctx.t(T.comparison), [paragraph(ctx.t(T.noPrevious))]);
  const { added, fixed, persisting } = previous.comparison;
  const listOf = (findings: readonly AuditFinding[]): Block[] =>
    findings.length === 0
      ? [paragraph('–')]
      : [
          list(
            [...findings]
              .sort(compareFindings)
              .slice(0, MAX_ROWS)
              .map((f) => [`${f.title[ctx.locale]} — `, code(f.subject)]),
          ),
        ];
  return section('comparison', ctx.t(T.comparison), [
    paragraph(
      ctx.t(T.previous),
      ctx.fr ? ' : ' : ': ',
      `${previous.results.campaign.name} (${previous.results.campaign.finishedAt.slice(0, 10)})`,
    ),
    paragraph(ctx.t(T.summaryComparison(added.length, fixed.length, persisting.length))),
    section('comparison-added', ctx.t(T.added), listOf(added)),
    section('comparison-fixed', ctx.t(T.fixed), listOf(fixed)),
  ]);
}

export function planSection(ctx: AuditReportContext): Block {
  const plan = ctx.input.plan ?? [];
  const blocks: Block[] = [paragraph(ctx.t(T.planLead))];
  if (plan.length === 0) blocks.push(paragraph(ctx.t(T.noFindings)));
  else {
    const { rows, note } = capped(
      ctx,
      plan.map((action, index) => [
        [String(index + 1)],
        [action.title[ctx.locale]],
        [ctx.t(SEVERITY_TEXT[action.severity])],
        [num(ctx, action.findings.length)],
        [action.owner === null ? ctx.t(T.ownerNone) : ctx.nameOf(action.owner)],
        [action.due ?? '–'],
        [ctx.t(T.statuses[action.status])],
      ]),
    );
    blocks.push(
      table(
        'audit-plan',
        ctx.t(T.plan),
        [
          col('#', 0.4, 'right'),
          col(ctx.t(T.action), 3),
          col(ctx.t(T.severity), 1),
          col(ctx.t(T.count), 0.8, 'right'),
          col(ctx.t(T.owner), 1.5),
          col(ctx.t(T.due), 1.1),
          col(ctx.t(T.status), 1),
        ],
        rows,
      ),
      ...note,
    );
  }
  return section('plan', ctx.t(T.plan), blocks);
}

export function hostsAppendix(ctx: AuditReportContext): Block {
  const rows: Inlines[][] = [];
  for (const host of ctx.input.results.hosts) {
    for (const port of host.open) {
      const service = port.service;
      rows.push([
        [code(host.address)],
        entitiesCell(ctx, host.entities),
        [code(String(port.port))],
        [
          service === undefined
            ? ctx.t(T.unknown)
            : `${service.protocol}${service.tls ? ' (TLS)' : ''}`,
        ],
        [
          [service?.product, service?.version].filter((part) => part !== undefined).join(' ') ||
            '–',
        ],
      ]);
    }
  }
  const { rows: shown, note } = capped(ctx, rows);
  return section(
    'hosts',
    ctx.t(T.hosts),
    rows.length === 0
      ? [paragraph(ctx.t(T.noHosts))]
      : [
          table(
            'audit-hosts',
            ctx.t(T.hosts),
            [
              col(ctx.t(T.address), 1.2),
              col(ctx.t(T.entities), 1.5),
              col(ctx.t(T.port), 0.6, 'right'),
              col(ctx.t(T.service), 1.2),
              col(ctx.t(T.product), 2),
            ],
            shown,
            true,
          ),
          ...note,
        ],
    true,
  );
}
