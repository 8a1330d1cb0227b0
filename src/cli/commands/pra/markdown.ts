/**
 * `vigie pra analyze|schedule --format markdown`: the analysis as Markdown tables (business
 * impact per process, the 3-2-1-1-0 grid per entity, the schedule per process, the points to
 * address, the assumptions), in the language of the messages.
 */
import type { BackupAssessment, BiaResult, RecoveryPlan } from '../../../continuity/index.js';
import type { LocalizedText } from '../../../design/text.js';
import { ganttDuration } from '../../../diagrams/gantt.js';
import type { Locale, Translator } from '../../../i18n/index.js';

export interface MarkdownInput {
  readonly name: string;
  /** The schedule's headline: the hypothesis (every asset lost at once), teams, makespan. */
  readonly headline: string;
  /** Planned assets their provider or supplier brings back, named. */
  readonly external: readonly string[];
  /** `Name (id)` of a process, asset or data set. */
  readonly named: (id: string) => string;
  readonly bia?: BiaResult;
  readonly backups?: BackupAssessment;
  readonly plan: RecoveryPlan;
  readonly flags: readonly {
    readonly code: string;
    readonly severity: string;
    readonly subjects: readonly string[];
    readonly message: LocalizedText;
  }[];
  readonly assumptions: readonly { readonly subject: string; readonly message: LocalizedText }[];
}

/** A table cell: one line, pipes escaped, markup inert. */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/** A Markdown table: header, separator, rows (cells escaped). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

const IMPACT_AT: Readonly<Record<string, LocalizedText>> = {
  '4h': { en: '4h', fr: '4 h' },
  '1d': { en: '1 day', fr: '1 jour' },
  '3d': { en: '3 days', fr: '3 jours' },
  '1w': { en: '1 week', fr: '1 semaine' },
  '1mo': { en: '1 month', fr: '1 mois' },
};

type Named = (id: string) => string;

const mark = (value: boolean | undefined): string =>
  value === undefined ? '—' : value ? '✓' : '✗';

function biaSection(t: Translator, locale: Locale, bia: BiaResult, named: Named): string[] {
  const points = bia.processes[0]?.impact.map((point) => point.at) ?? [];
  const table = markdownTable(
    [
      t('cli.pra.col.process'),
      'RTO',
      'RPO',
      t('cli.pra.col.mtpd'),
      t('cli.pra.col.depends'),
      ...points.map((at) => t('cli.pra.col.impact', { at: IMPACT_AT[at]?.[locale] ?? at })),
    ],
    bia.processes.map((p) => [
      named(p.process),
      p.rto?.text[locale] ?? '—',
      p.rpo?.text[locale] ?? '—',
      p.mtpd?.text[locale] ?? '—',
      p.dependsOn.length === 0 ? '—' : p.dependsOn.map(named).join(', '),
      ...p.impact.map((point) => String(point.level)),
    ]),
  );
  return [`## ${t('cli.pra.md.bia')}`, '', t('cli.pra.md.bia-note'), '', table, ''];
}

function backupSection(
  t: Translator,
  locale: Locale,
  backups: BackupAssessment,
  named: Named,
): string[] {
  const table = markdownTable(
    [
      t('cli.pra.col.entity'),
      t('cli.pra.col.kind'),
      'RPO',
      t('cli.pra.col.frequency'),
      t('cli.pra.col.copies'),
      t('cli.pra.col.media'),
      t('cli.pra.col.offsite'),
      t('cli.pra.col.isolated'),
      t('cli.pra.col.error-free'),
      t('cli.pra.col.encrypted'),
      t('cli.pra.col.rule'),
      t('cli.pra.col.survives'),
    ],
    backups.entities.map((e) => [
      named(e.id),
      t(e.kind === 'asset' ? 'cli.pra.kind.asset' : 'cli.pra.kind.data'),
      e.rpo === undefined ? '—' : `${ganttDuration(e.rpo.minutes, locale)} (${e.rpo.process})`,
      e.bestFrequencyMinutes === undefined
        ? '—'
        : `${ganttDuration(e.bestFrequencyMinutes, locale)} ${e.rpoMet === false ? '✗' : ''}`,
      String(e.grid.copies),
      String(e.grid.media),
      mark(e.grid.offsite),
      mark(e.grid.isolated),
      mark(e.grid.errorFree),
      mark(e.grid.encrypted),
      mark(e.grid.met),
      mark(e.survivesRansomware),
    ]),
  );
  return [`## ${t('cli.pra.md.backups')}`, '', t('cli.pra.md.backups-note'), '', table, ''];
}

function scheduleSection(t: Translator, locale: Locale, input: MarkdownInput): string[] {
  const { plan, named } = input;
  if (plan.processes.length === 0)
    return [`## ${t('cli.pra.md.schedule')}`, '', t('cli.pra.no-process'), ''];
  const table = markdownTable(
    [
      t('cli.pra.col.process'),
      'RTO',
      t('cli.pra.col.achievable'),
      t('cli.pra.col.status'),
      t('cli.pra.col.chain'),
    ],
    plan.processes.map((p) => [
      named(p.process),
      p.rto === undefined ? '—' : ganttDuration(p.rto, locale),
      ganttDuration(p.achievable, locale),
      t(`cli.pra.status.${p.status}`),
      p.chain.map(named).join(' → '),
    ]),
  );
  return [
    `## ${t('cli.pra.md.schedule')}`,
    '',
    `${cell(input.headline)}.`,
    '',
    table,
    '',
    ...(input.external.length === 0
      ? []
      : [cell(t('cli.pra.provider-dependent', { list: input.external.join(', ') })), '']),
  ];
}

/** The whole analysis as a Markdown document. */
export function renderMarkdown(t: Translator, input: MarkdownInput): string {
  const { locale } = t;
  const flags =
    input.flags.length === 0
      ? t('cli.pra.md.none')
      : markdownTable(
          [
            t('cli.pra.col.severity'),
            t('cli.pra.col.check'),
            t('cli.pra.col.subjects'),
            t('cli.pra.col.message'),
          ],
          input.flags.map((f) => [
            t(`cli.pra.severity.${f.severity}` as never),
            f.code,
            f.subjects.map(input.named).join(', '),
            f.message[locale],
          ]),
        );
  const assumptions =
    input.assumptions.length === 0
      ? t('cli.pra.md.none')
      : markdownTable(
          [t('cli.pra.col.subject'), t('cli.pra.col.assumption')],
          input.assumptions.map((a) => [input.named(a.subject), a.message[locale]]),
        );
  return [
    `# ${cell(t('cli.pra.md.title', { name: input.name }))}`,
    '',
    ...(input.bia === undefined ? [] : biaSection(t, locale, input.bia, input.named)),
    ...(input.backups === undefined ? [] : backupSection(t, locale, input.backups, input.named)),
    ...scheduleSection(t, locale, input),
    `## ${t('cli.pra.md.flags')}`,
    '',
    flags,
    '',
    `## ${t('cli.pra.md.assumptions')}`,
    '',
    assumptions,
    '',
  ].join('\n');
}
