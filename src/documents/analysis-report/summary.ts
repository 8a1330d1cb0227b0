/**
 * The executive summary: counts by severity (open and decided), the most severe open findings in
 * one sentence each, the most exposed crown jewels, the actions that cut the most attack paths,
 * and a verdict callout whose tone follows the results.
 */
import { SEVERITIES, type Finding, type FindingSeverity } from '../../design/findings.js';
import { countBySeverity, severityLabel } from '../../design/output/findings-text.js';
import { groupRootCauses } from '../../design/root-causes.js';
import { longDate } from '../labels.js';
import { bold, code, ref, type Block, type CalloutTone, type Inline } from '../model.js';
import { capitalised, richText, targetSectionId, type ReportContext } from './context.js';
import { percent } from './vocabulary.js';

/** How many findings, crown jewels and choke points the summary names. */
export const SUMMARY_FINDINGS = 5;
export const SUMMARY_TARGETS = 5;
export const SUMMARY_CHOKE_POINTS = 3;

/** Likelihood from which the best attack path alone makes the verdict a warning. */
const LIKELY_PATH = 0.5;

/** The most severe open findings, one per rule first so that the summary is not one rule's list. */
export function topFindings(open: readonly Finding[], limit: number): Finding[] {
  const result: Finding[] = [];
  const rules = new Set<string>();
  for (const finding of open) {
    if (result.length === limit) break;
    if (rules.has(finding.ruleId)) continue;
    rules.add(finding.ruleId);
    result.push(finding);
  }
  for (const finding of open) {
    if (result.length === limit) break;
    if (!result.includes(finding)) result.push(finding);
  }
  // back in report order (the input is sorted most severe first)
  return result.sort((a, b) => open.indexOf(a) - open.indexOf(b));
}

function severityTable(context: ReportContext): Block {
  const { t, locale } = context;
  const open = countBySeverity(context.open);
  const decided = Object.fromEntries(
    SEVERITIES.map((s) => [s, context.decided.filter((f) => f.severity === s).length]),
  ) as Record<FindingSeverity, number>;
  const row = (label: Inline, o: number, d: number): Inline[][] => [
    [label],
    [String(o)],
    [String(d)],
    [String(o + d)],
  ];
  return {
    kind: 'table',
    id: 'summary-severities',
    caption: [t.severityCountsCaption],
    columns: [
      { title: t.severity, width: 2 },
      { title: t.open, align: 'right' },
      { title: t.decided, align: 'right' },
      { title: t.total, align: 'right' },
    ],
    rows: [
      ...SEVERITIES.map((s) => row(capitalised(severityLabel(s, locale)), open[s], decided[s])),
      row(bold(t.total), context.open.length, context.decided.length),
    ],
  };
}

function verdict(context: ReportContext): Block {
  const { t } = context;
  const open = countBySeverity(context.open);
  const best = context.exposure[0]?.paths[0];
  const sentences: string[] = [];
  let tone: CalloutTone = 'success';
  if (open.critical > 0) {
    tone = 'danger';
    sentences.push(t.verdictCritical(open.critical));
  }
  if (open.high > 0) {
    if (tone === 'success') tone = 'warning';
    sentences.push(t.verdictHigh(open.high));
  }
  if (context.reopened.length > 0) {
    if (tone === 'success') tone = 'warning';
    sentences.push(t.verdictReopened(context.reopened.length));
  }
  if (best !== undefined && best.score >= LIKELY_PATH) {
    if (tone === 'success') tone = 'warning';
    sentences.push(t.verdictLikelyPath(percent(best.score, context.locale)));
  }
  if (sentences.length === 0) sentences.push(t.verdictClean);
  const title =
    tone === 'danger' ? t.verdictDanger : tone === 'warning' ? t.verdictWarning : t.verdictSuccess;
  return { kind: 'callout', tone, title, content: [sentences.join(' ')] };
}

function findingItems(context: ReportContext): Block {
  const { t, locale } = context;
  const top = topFindings(context.open, SUMMARY_FINDINGS);
  if (top.length === 0) return { kind: 'paragraph', content: [t.noOpenFinding] };
  return {
    kind: 'list',
    items: top.map((f) => [
      bold(f.title),
      ` (${severityLabel(f.severity, locale)})${t.colon}`,
      ...richText(f.detail),
      ' ',
      ref(f.id, context.sectionOf.get(f.id) ?? `findings-${f.severity}`),
    ]),
  };
}

function pathBlocks(context: ReportContext): Block[] {
  const { t, locale, input } = context;
  const attack = input.attack;
  if (attack === undefined) return [{ kind: 'paragraph', content: [t.noPaths] }];
  const reached = context.exposure.filter((e) => e.paths.length > 0);
  if (reached.length === 0) return [{ kind: 'paragraph', content: [t.noPathFound] }];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [t.pathsSummary(attack.paths.length, attack.sources.length, attack.targets.length)],
    },
    {
      kind: 'list',
      items: reached.slice(0, SUMMARY_TARGETS).map((e) => {
        const best = e.paths[0];
        return [
          ref(e.target.label, targetSectionId(e.target.id)),
          ' (',
          code(e.target.id),
          `)${t.colon}`,
          best === undefined
            ? ''
            : t.exposedTarget(
                context.sourceName(best.source),
                percent(best.score, locale),
                e.sources,
              ),
        ];
      }),
    },
  ];
  const points = attack.chokePoints.slice(0, SUMMARY_CHOKE_POINTS);
  if (points.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        content: [t.topChokePoints, ref(t.chokePoints, 'choke-points'), t.closeColon],
      },
      {
        kind: 'list',
        ordered: true,
        items: points.map((p) => [
          p.action[locale],
          ` (${t.chokeCuts(p.pathsCut, p.targets.length)})`,
        ]),
      },
    );
  }
  return blocks;
}

/** Section 1: the executive summary. */
export function summarySection(context: ReportContext): Block {
  const { t, input, locale } = context;
  const decisions = input.findings.filter((f) => f.decision !== undefined).length;
  const causes = groupRootCauses(input.findings);
  const children: Block[] = [
    {
      kind: 'paragraph',
      content: [
        t.summaryIntro(
          input.model.organisation?.name ?? input.model.organisation?.id ?? '—',
          input.model.assets.length,
          input.model.flows.length,
          input.rules.length,
          longDate(locale, input.today),
        ),
      ],
    },
    verdict(context),
    {
      kind: 'paragraph',
      content: [
        t.findingCounts(
          input.findings.length,
          context.open.length,
          context.decided.length,
          context.reopened.length,
        ),
        t.rootCauseCounts(causes.length, causes.filter((c) => c.status === 'open').length),
      ],
    },
    severityTable(context),
    { kind: 'paragraph', content: [t.mostSevere] },
    findingItems(context),
    ...pathBlocks(context),
  ];
  if (decisions > 0) {
    children.push({
      kind: 'paragraph',
      content: [
        t.summaryDecisions(decisions, context.reopened.length),
        ref(t.decisions, 'decisions'),
        t.closeParen,
      ],
    });
  }
  return { kind: 'section', id: 'summary', title: t.summary, children };
}
