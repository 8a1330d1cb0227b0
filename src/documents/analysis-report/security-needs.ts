/**
 * Security needs (CP1): the business values with their DICP levels, the most sensitive
 * supporting assets with the needs they inherit, and the regulations that apply.
 */
import { compareIds } from '../../domain/compare.js';
import { APPLICABILITY } from '../../design/cp1/report-needs.js';
import type { SupportingAssetNeeds } from '../../design/cp1/needs-report.js';
import { text } from '../../design/text.js';
import { NEED_CRITERIA, type NeedCriterion } from '../../domain/model/index.js';
import type { Block, Inline, TableColumn } from '../model.js';
import { code } from '../model.js';
import { codeList, type ReportContext } from './context.js';
import { agree, assets } from './texts.js';
import { NEED_LETTERS, qualifierLabel } from './vocabulary.js';

const L = text;

/** Supporting assets listed in the report (the DAT has them all). */
export const TOP_ASSETS = 15;

const TEXTS = {
  intro: L(
    'Business values are the processes and the data the organisation cannot afford to lose, alter, disclose or dispute. Each has a need from 1 (low) to 4 (critical) in availability (A), integrity (I), confidentiality (C) and proof (P); a dash means the need is not stated. An asset inherits the highest need of what it supports, stores or hosts: the impact of a finding comes from these levels.',
    'Les valeurs métier sont les processus et les données que l’organisme ne peut se permettre de perdre, d’altérer, de divulguer ou de contester. Chacune a un besoin de 1 (faible) à 4 (critique) en disponibilité (D), intégrité (I), confidentialité (C) et preuve (P) ; un tiret signale un besoin non exprimé. Un actif hérite du besoin le plus élevé de ce qu’il soutient, stocke ou héberge : l’impact d’un constat vient de ces niveaux.',
  ),
  values: L('Business values', 'Valeurs métier'),
  valuesCaption: L(
    'Business values and their security needs',
    'Valeurs métier et leurs besoins de sécurité',
  ),
  process: L('process', 'processus'),
  data: L('data', 'données'),
  assets: L('Most sensitive supporting assets', 'Biens supports les plus sensibles'),
  assetsIntro: (shown: number, total: number) =>
    L(
      `${assets(total).en} ${agree(total, ['inherits', 'inherit'], ['', '']).en} a need from a business value; the ${shown} most sensitive are listed below (the technical architecture dossier lists them all).`,
      `${assets(total).fr} ${agree(total, ['', ''], ['hérite', 'héritent']).fr} d’un besoin d’une valeur métier ; ${agree(shown, ['', ''], ['le plus sensible figure', `les ${shown} plus sensibles figurent`]).fr} ci-dessous (le dossier d’architecture technique les liste tous).`,
    ),
  assetsNone: L(
    'No asset inherits a need: the model states no need on its processes and data.',
    'Aucun actif n’hérite d’un besoin : le modèle n’exprime aucun besoin sur ses processus et données.',
  ),
  assetsCaption: L(
    'Supporting assets with the highest inherited needs',
    'Biens supports aux besoins hérités les plus élevés',
  ),
  regulations: L('Applicable regulations', 'Réglementations applicables'),
  regulationsIntro: L(
    'Regulations are decided from the organisation’s profile, its data and its assets; “likely” asks for a confirmation by the organisation.',
    'Les réglementations sont déterminées à partir du profil de l’organisme, de ses données et de ses actifs ; « probable » appelle une confirmation par l’organisme.',
  ),
  regulationsCaption: L('Regulations and why they apply', 'Réglementations et motifs'),
  regulation: L('Regulation', 'Réglementation'),
  applies: L('Applies', 'S’applique'),
  qualifier: L('Qualification', 'Qualification'),
  why: L('Why', 'Motifs'),
} as const;

const level = (n: number): Inline[] => [n === 0 ? '–' : String(n)];

/**
 * A table whose rows show, after their own first columns, one level per need criterion (A, I,
 * C, P), then their own last columns.
 */
function needsTable<T>(
  locale: 'en' | 'fr',
  table: { readonly id: string; readonly caption: string; readonly rows: readonly T[] },
  columns: {
    readonly before: readonly TableColumn[];
    readonly after?: readonly TableColumn[];
    readonly cells: (row: T) => {
      before: Inline[][];
      level: (criterion: NeedCriterion) => number;
      after?: Inline[][];
    };
  },
): Block {
  return {
    kind: 'table',
    id: table.id,
    caption: [table.caption],
    columns: [
      ...columns.before,
      ...NEED_CRITERIA.map((c) => ({
        title: NEED_LETTERS[c][locale],
        width: 0.5,
        align: 'center' as const,
      })),
      ...(columns.after ?? []),
    ],
    rows: table.rows.map((row) => {
      const cells = columns.cells(row);
      return [
        ...cells.before,
        ...NEED_CRITERIA.map((c) => level(cells.level(c))),
        ...(cells.after ?? []),
      ];
    }),
  };
}

/** Highest level first, then the sum of levels, then id. */
function bySensitivity(a: SupportingAssetNeeds, b: SupportingAssetNeeds): number {
  const levels = (x: SupportingAssetNeeds): number[] => NEED_CRITERIA.map((c) => x.needs[c].level);
  const [la, lb] = [levels(a), levels(b)];
  const sum = (l: number[]): number => l.reduce((s, v) => s + v, 0);
  return Math.max(...lb) - Math.max(...la) || sum(lb) - sum(la) || compareIds(a.id, b.id);
}

function valuesSection(context: ReportContext): Block {
  const { locale, t, input } = context;
  return {
    kind: 'section',
    id: 'needs-business-values',
    title: TEXTS.values[locale],
    children: [
      needsTable(
        locale,
        {
          id: 'needs-business-values-table',
          caption: TEXTS.valuesCaption[locale],
          rows: input.needsReport.businessValues,
        },
        {
          before: [
            { title: t.identifier, width: 2.5 },
            { title: t.kind, width: 1.2 },
            { title: t.name, width: 4 },
          ],
          cells: (v) => ({
            before: [[code(v.id)], [TEXTS[v.kind][locale]], [v.name]],
            level: (c) => v.needs[c],
          }),
        },
      ),
    ],
  };
}

function assetsSection(context: ReportContext): Block {
  const { locale, t, input } = context;
  const all = [...input.needsReport.assets].sort(bySensitivity);
  const shown = all.slice(0, TOP_ASSETS);
  const children: Block[] =
    shown.length === 0
      ? [{ kind: 'paragraph', content: [TEXTS.assetsNone[locale]] }]
      : [
          { kind: 'paragraph', content: [TEXTS.assetsIntro(shown.length, all.length)[locale]] },
          needsTable(
            locale,
            { id: 'needs-assets-table', caption: TEXTS.assetsCaption[locale], rows: shown },
            {
              before: [
                { title: t.asset, width: 2.5 },
                { title: t.name, width: 2.5 },
                { title: t.zone, width: 2.4 },
              ],
              after: [{ title: t.supports, width: 3.6 }],
              cells: (a) => ({
                before: [[code(a.id)], [a.name], a.zone === undefined ? ['—'] : [code(a.zone)]],
                level: (c) => a.needs[c].level,
                after: [codeList(a.supports, t.more, 3)],
              }),
            },
          ),
        ];
  return { kind: 'section', id: 'needs-assets', title: TEXTS.assets[locale], children };
}

function regulationsSection(context: ReportContext): Block {
  const { locale, input } = context;
  return {
    kind: 'section',
    id: 'needs-regulations',
    title: TEXTS.regulations[locale],
    children: [
      { kind: 'paragraph', content: [TEXTS.regulationsIntro[locale]] },
      {
        kind: 'table',
        id: 'needs-regulations-table',
        caption: [TEXTS.regulationsCaption[locale]],
        columns: [
          { title: TEXTS.regulation[locale], width: 2.5 },
          { title: TEXTS.applies[locale], width: 1.6 },
          { title: TEXTS.qualifier[locale], width: 1.8 },
          { title: TEXTS.why[locale], width: 6 },
        ],
        rows: input.regulations.map((r) => [
          [r.name[locale]],
          [APPLICABILITY[r.applies][locale]],
          [qualifierLabel(r.qualifier, locale)],
          [r.reasons.map((reason) => reason.text[locale]).join(context.t.semicolon)],
        ]),
      },
    ],
  };
}

/** Section 3: security needs and regulations. */
export function needsSection(context: ReportContext): Block {
  const { locale } = context;
  return {
    kind: 'section',
    id: 'needs',
    title: context.t.needs,
    children: [
      { kind: 'paragraph', content: [TEXTS.intro[locale]] },
      valuesSection(context),
      assetsSection(context),
      regulationsSection(context),
    ],
  };
}
