/**
 * Risk decisions: the findings the organisation accepted, mitigated or declared false positives,
 * with the justification, the owner and the dates; decisions past their review date are flagged
 * (their findings are open again), and decisions that match no current finding are listed for
 * clean-up.
 */
import type { Finding } from '../../design/findings.js';
import { text } from '../../design/text.js';
import type { Decision } from '../../domain/model/index.js';
import { longDate } from '../labels.js';
import { bold, code, ref, type Block, type Inline } from '../model.js';
import { named, type ReportContext } from './context.js';
import { decisions as decisionCount, noun } from './texts.js';
import { DECISION_STATUS_LABELS } from './vocabulary.js';

const L = text;

const falsePositives = noun(
  ['false positive', 'false positives'],
  ['faux positif', 'faux positifs'],
);
const acceptedFr = (n: number): string => noun(['', ''], ['accepté', 'acceptés'])(n).fr;
const mitigatedFr = (n: number): string => noun(['', ''], ['réduit', 'réduits'])(n).fr;

const TEXTS = {
  intro: (n: number, accepted: number, mitigated: number, falsePositive: number) =>
    L(
      `${decisionCount(n).en} of the model apply to current findings: ${accepted} accepted, ${mitigated} mitigated, ${falsePositives(falsePositive).en}. A decision whose review date has passed no longer covers its finding: the finding is open again and appears in `,
      `${decisionCount(n).fr} du modèle s’appliquent à des constats actuels : ${acceptedFr(accepted)}, ${mitigatedFr(mitigated)}, ${falsePositives(falsePositive).fr}. Une décision dont la date de revue est dépassée ne couvre plus son constat : celui-ci est de nouveau ouvert et figure en `,
    ),
  none: L(
    'The model records no risk decision on the current findings.',
    'Le modèle ne consigne aucune décision de traitement du risque sur les constats actuels.',
  ),
  reopenedTitle: L(
    'Decisions past their review date',
    'Décisions dont la date de revue est dépassée',
  ),
  reopened: (decision: string, finding: string, date: string) =>
    L(
      `Decision ${decision} on ${finding} was to be reviewed by ${date}: the finding is open again until the decision is renewed or the weakness treated.`,
      `La décision ${decision} sur ${finding} devait être revue au plus tard le ${date} : le constat est de nouveau ouvert jusqu’au renouvellement de la décision ou au traitement de la faiblesse.`,
    ),
  caption: L(
    'Risk decisions on current findings',
    'Décisions de traitement du risque sur les constats actuels',
  ),
  decision: L('Decision', 'Décision'),
  owner: L('Owner', 'Responsable'),
  date: L('Decided on', 'Date'),
  review: L('Review by', 'Revue au plus tard'),
  state: L('State', 'État'),
  inForce: L('in force', 'en vigueur'),
  reopenedState: L('REOPENED: review overdue', 'ROUVERTE : revue dépassée'),
  noReview: L('in force, no review date', 'en vigueur, sans date de revue'),
  justifications: L('Justifications', 'Justifications'),
  decidedBy: L('decided by', 'décidée par'),
  on: L('on', 'le'),
  stale: L('Decisions without a current finding', 'Décisions sans constat actuel'),
  staleIntro: L(
    'These decisions refer to no finding of this analysis: the weakness is gone or its identifier changed. Review them and remove those that no longer apply.',
    'Ces décisions ne se rapportent à aucun constat de cette analyse : la faiblesse a disparu ou son identifiant a changé. Les réexaminer et retirer celles qui ne s’appliquent plus.',
  ),
  staleCaption: L('Decisions without a current finding', 'Décisions sans constat actuel'),
} as const;

/** Reopened decisions first, then in finding order (most severe first). */
function decidedFindings(context: ReportContext): Finding[] {
  const all = context.input.findings.filter((f) => f.decision !== undefined);
  return [
    ...all.filter((f) => f.decision?.expired === true),
    ...all.filter((f) => f.decision?.expired !== true),
  ];
}

function stateOf(finding: Finding, context: ReportContext): Inline {
  const { locale } = context;
  if (finding.decision?.expired === true) return bold(TEXTS.reopenedState[locale]);
  return finding.decision?.reviewDate === undefined
    ? TEXTS.noReview[locale]
    : TEXTS.inForce[locale];
}

function justification(finding: Finding, context: ReportContext): Block[] {
  const { locale, t } = context;
  const d = finding.decision;
  if (d === undefined) return [];
  const source: Inline[] = [`${context.name(d.id)} — ${TEXTS.decidedBy[locale]} `];
  if (d.owner === undefined) source.push('—');
  else source.push(...named(context, d.owner));
  if (d.date !== undefined) source.push(` ${TEXTS.on[locale]} ${longDate(locale, d.date)}`);
  return [
    {
      kind: 'paragraph',
      content: [
        bold(finding.title),
        ' — ',
        code(finding.id),
        ` (${DECISION_STATUS_LABELS[d.status][locale]}${d.expired ? `, ${TEXTS.reopenedState[locale]}` : ''})${t.colon.trimEnd()}`,
      ],
    },
    { kind: 'quote', content: [d.justification], source },
  ];
}

function staleSection(context: ReportContext): Block[] {
  const { locale, t, input } = context;
  const current = new Set(input.findings.map((f) => f.id));
  const stale: Decision[] = input.model.decisions.filter((d) => !current.has(d.finding));
  if (stale.length === 0) return [];
  return [
    {
      kind: 'section',
      id: 'decisions-stale',
      title: TEXTS.stale[locale],
      children: [
        { kind: 'paragraph', content: [TEXTS.staleIntro[locale]] },
        {
          kind: 'table',
          id: 'decisions-stale-table',
          caption: [TEXTS.staleCaption[locale]],
          columns: [
            { title: TEXTS.decision[locale], width: 2.5 },
            { title: t.finding, width: 3.5 },
            { title: t.status, width: 1.5 },
            { title: TEXTS.owner[locale], width: 2.5 },
            { title: TEXTS.review[locale], width: 1.5 },
          ],
          rows: stale.map((d) => [
            [code(d.id)],
            [code(d.finding)],
            [DECISION_STATUS_LABELS[d.status][locale]],
            d.owner === undefined ? ['—'] : named(context, d.owner),
            [d.reviewDate ?? '—'],
          ]),
        },
      ],
    },
  ];
}

/** Section 7: risk decisions. */
export function decisionsSection(context: ReportContext): Block {
  const { locale, t } = context;
  const decided = decidedFindings(context);
  const children: Block[] = [];
  if (decided.length === 0) children.push({ kind: 'paragraph', content: [TEXTS.none[locale]] });
  else {
    const count = (status: Decision['status']): number =>
      decided.filter((f) => f.decision?.status === status).length;
    children.push({
      kind: 'paragraph',
      content: [
        TEXTS.intro(decided.length, count('accepted'), count('mitigated'), count('false-positive'))[
          locale
        ],
        ref(t.findings, 'findings'),
        '.',
      ],
    });
    const reopened = decided.filter((f) => f.decision?.expired === true);
    if (reopened.length > 0)
      children.push({
        kind: 'callout',
        tone: 'warning',
        title: TEXTS.reopenedTitle[locale],
        content: [
          reopened
            .map(
              (f) =>
                TEXTS.reopened(
                  f.decision?.id ?? '',
                  f.id,
                  longDate(locale, f.decision?.reviewDate ?? ''),
                )[locale],
            )
            .join(' '),
        ],
      });
    children.push({
      kind: 'table',
      id: 'decisions-table',
      caption: [TEXTS.caption[locale]],
      dense: true,
      columns: [
        { title: t.finding, width: 3.5 },
        { title: TEXTS.decision[locale], width: 2.5 },
        { title: t.status, width: 1.3 },
        { title: TEXTS.owner[locale], width: 2.5 },
        { title: TEXTS.date[locale], width: 1.4 },
        { title: TEXTS.review[locale], width: 1.4 },
        { title: TEXTS.state[locale], width: 1.8 },
      ],
      rows: decided.map((f) => {
        const d = f.decision;
        return [
          [code(f.id)],
          [code(d?.id ?? '')],
          [d === undefined ? '' : DECISION_STATUS_LABELS[d.status][locale]],
          d?.owner === undefined ? ['—'] : named(context, d.owner),
          [d?.date ?? '—'],
          [d?.reviewDate ?? '—'],
          [stateOf(f, context)],
        ];
      }),
    });
    children.push({
      kind: 'section',
      id: 'decisions-justifications',
      title: TEXTS.justifications[locale],
      children: decided.flatMap((f) => justification(f, context)),
    });
  }
  children.push(...staleSection(context));
  return { kind: 'section', id: 'decisions', title: t.decisions, children };
}
