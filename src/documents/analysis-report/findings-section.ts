/**
 * Findings by severity: a summary table per rule family, then one subsection per severity and,
 * inside it, one per rule with why it matters, each open finding (id, entities, detail), the
 * remediation and the references. Findings covered by a decision in force are left to the
 * decisions section; reopened ones are here, flagged.
 */
import { SEVERITIES, type Finding, type FindingSeverity } from '../../design/findings.js';
import { severityLabel, statusLabel } from '../../design/output/findings-text.js';
import { RULE_FAMILIES, type RuleFamily } from '../../design/rule.js';
import { text } from '../../design/text.js';
import { bold, code, ref, type Block, type Inline } from '../model.js';
import {
  capitalised,
  codeList,
  richText,
  type FindingGroup,
  type ReportContext,
} from './context.js';
import { agree, findings, rules } from './texts.js';
import { familyLabel, referenceInlines } from './vocabulary.js';

const L = text;

/** Up to this many findings of a rule are listed one by one; more go in a table. */
export const LIST_LIMIT = 8;
/** Rows of a rule's table of findings; the rest are only in the appendix. */
export const TABLE_LIMIT = 200;

const TEXTS = {
  intro: L(
    'Open findings are grouped by severity, then by rule. For each rule: why it matters, each occurrence with the entities involved, the remediation and the references. Findings covered by a decision in force are listed with their decision in ',
    'Les constats ouverts sont regroupés par gravité, puis par règle. Pour chaque règle : son enjeu, chaque occurrence avec les entités concernées, la remédiation et les références. Les constats couverts par une décision en vigueur figurent avec leur décision en ',
  ),
  familyCaption: L(
    'Findings by rule family and severity',
    'Constats par famille de règles et gravité',
  ),
  titles: {
    critical: L('Critical findings', 'Constats critiques'),
    high: L('High-severity findings', 'Constats de gravité élevée'),
    medium: L('Medium-severity findings', 'Constats de gravité moyenne'),
    low: L('Low-severity findings', 'Constats de gravité faible'),
  },
  severityIntro: (n: number, r: number) =>
    L(
      `${findings(n).en} open, from ${rules(r).en}.`,
      `${findings(n).fr} ${agree(n, ['', ''], ['ouvert, issu', 'ouverts, issus']).fr} de ${rules(r).fr}.`,
    ),
  noneOfSeverity: L('No open finding of this severity.', 'Aucun constat ouvert de cette gravité.'),
  ruleLine: (family: string, n: number) =>
    L(` — ${family}; ${findings(n).en}.`, ` — ${family} ; ${findings(n).fr}.`),
  why: L('Why it matters', 'Enjeu'),
  remediation: L('Remediation', 'Remédiation'),
  references: L('References', 'Références'),
  falsePositives: L('False positives', 'Faux positifs'),
  tableCaption: (title: string) => L(`Findings: ${title}`, `Constats : ${title}`),
  truncated: (shown: number, total: number) =>
    L(
      `The first ${shown} of ${total} findings of this rule are listed; all appear in `,
      `Les ${shown} premiers des ${total} constats de cette règle sont listés ; tous figurent en `,
    ),
} as const;

const labelled = (label: string, colon: string, content: readonly Inline[]): Block => ({
  kind: 'paragraph',
  content: [bold(`${label}${colon.trimEnd()}`), ' ', ...content],
});

function reopened(finding: Finding, context: ReportContext): Inline[] {
  return finding.decision?.expired === true
    ? [' ', bold(`[${statusLabel(finding, context.locale)}]`)]
    : [];
}

function occurrenceItem(finding: Finding, context: ReportContext): Inline[] {
  const { t } = context;
  return [
    code(finding.id),
    ' — ',
    ...richText(finding.detail),
    ` (${t.entities}${t.colon}`,
    ...codeList(finding.subjects, t.more),
    `${t.semicolon}${t.likelihoodImpact} ${finding.likelihood} × ${finding.impact})`,
    ...reopened(finding, context),
  ];
}

function occurrences(group: FindingGroup, context: ReportContext): Block[] {
  const { t, locale } = context;
  if (group.findings.length <= LIST_LIMIT)
    return [{ kind: 'list', items: group.findings.map((f) => occurrenceItem(f, context)) }];
  const shown = group.findings.slice(0, TABLE_LIMIT);
  const blocks: Block[] = [
    {
      kind: 'table',
      id: `${group.id}-table`,
      caption: [TEXTS.tableCaption(group.findings[0]?.title ?? group.ruleId)[locale]],
      dense: true,
      columns: [
        { title: t.finding, width: 3 },
        { title: t.entities, width: 3 },
        { title: t.likelihoodImpact, width: 1, align: 'center' },
        { title: t.detail, width: 6 },
      ],
      rows: shown.map((f) => [
        [code(f.id)],
        codeList(f.subjects, t.more, 6),
        [`${f.likelihood} × ${f.impact}`],
        [...richText(f.detail), ...reopened(f, context)],
      ]),
    },
  ];
  if (group.findings.length > shown.length) {
    blocks.push({
      kind: 'paragraph',
      content: [
        TEXTS.truncated(shown.length, group.findings.length)[locale],
        ref(t.appendixFindings, 'appendix-findings'),
        '.',
      ],
    });
  }
  return blocks;
}

function groupSection(group: FindingGroup, context: ReportContext): Block {
  const { t, locale } = context;
  const first = group.findings[0];
  const rule = group.rule;
  const family = rule?.family ?? first?.family;
  const children: Block[] = [
    {
      kind: 'paragraph',
      content: [
        bold(`${t.rule}${t.colon.trimEnd()}`),
        ' ',
        code(group.ruleId),
        TEXTS.ruleLine(
          family === undefined ? '' : familyLabel(family, locale),
          group.findings.length,
        )[locale],
      ],
    },
  ];
  if (rule !== undefined)
    children.push(labelled(TEXTS.why[locale], t.colon, richText(rule.rationale[locale])));
  children.push(...occurrences(group, context));
  children.push(
    labelled(
      TEXTS.remediation[locale],
      t.colon,
      richText(rule?.remediation[locale] ?? first?.remediation ?? ''),
    ),
  );
  const references = rule?.references ?? first?.references;
  if (references !== undefined)
    children.push(
      labelled(TEXTS.references[locale], t.colon, referenceInlines(references, locale)),
    );
  if (rule?.falsePositives !== undefined)
    children.push(
      labelled(TEXTS.falsePositives[locale], t.colon, richText(rule.falsePositives[locale])),
    );
  return {
    kind: 'section',
    id: group.id,
    title: first?.title ?? rule?.title[locale] ?? group.ruleId,
    children,
  };
}

function severitySection(severity: FindingSeverity, context: ReportContext): Block {
  const { locale } = context;
  const groups = context.groups[severity];
  const n = groups.reduce((sum, g) => sum + g.findings.length, 0);
  return {
    kind: 'section',
    id: `findings-${severity}`,
    title: TEXTS.titles[severity][locale],
    children:
      groups.length === 0
        ? [{ kind: 'paragraph', content: [TEXTS.noneOfSeverity[locale]] }]
        : [
            { kind: 'paragraph', content: [TEXTS.severityIntro(n, groups.length)[locale]] },
            ...groups.map((g) => groupSection(g, context)),
          ],
  };
}

function familyTable(context: ReportContext): Block {
  const { t, locale, input } = context;
  const empty = (): Record<FindingSeverity | 'decided', number> => ({
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    decided: 0,
  });
  const counts = new Map<RuleFamily, Record<FindingSeverity | 'decided', number>>();
  const total = empty();
  for (const f of input.findings) {
    const entry = counts.get(f.family) ?? empty();
    const key = f.status === 'open' ? f.severity : 'decided';
    entry[key] += 1;
    total[key] += 1;
    counts.set(f.family, entry);
  }
  const row = (label: Inline, c: Record<FindingSeverity | 'decided', number>): Inline[][] => [
    [label],
    ...SEVERITIES.map((s) => [String(c[s])]),
    [String(c.decided)],
    [String(SEVERITIES.reduce((sum, s) => sum + c[s], c.decided))],
  ];
  return {
    kind: 'table',
    id: 'findings-by-family',
    caption: [TEXTS.familyCaption[locale]],
    columns: [
      { title: t.family, width: 3 },
      ...SEVERITIES.map((s) => ({
        title: capitalised(severityLabel(s, locale)),
        align: 'right' as const,
      })),
      { title: t.decided, align: 'right' },
      { title: t.total, align: 'right' },
    ],
    rows: [
      ...RULE_FAMILIES.filter((f) => counts.has(f)).map((f) =>
        row(familyLabel(f, locale), counts.get(f) ?? empty()),
      ),
      row(bold(t.total), total),
    ],
  };
}

/** Section 4: findings by severity. */
export function findingsSection(context: ReportContext): Block {
  const { t } = context;
  return {
    kind: 'section',
    id: 'findings',
    title: t.findings,
    children: [
      {
        kind: 'paragraph',
        content: [TEXTS.intro[context.locale], ref(t.decisions, 'decisions'), '.'],
      },
      familyTable(context),
      ...SEVERITIES.map((s) => severitySection(s, context)),
    ],
  };
}
