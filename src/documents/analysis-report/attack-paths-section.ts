/**
 * Attack paths: the crown jewels ranked by how exposed they are, then for the most exposed ones
 * their most likely paths, each with its steps (entity, ATT&CK technique, why it succeeds) and,
 * for the first path of each, a drawing from the diagram provider. Other paths and other crown
 * jewels are listed in tables only, so that the document stays readable on large models.
 */
import type { AttackPath } from '../../design/attack/analyze-paths.js';
import type { AttackTarget } from '../../design/attack/targets.js';
import { pathRoute } from '../../design/output/paths-text.js';
import { text } from '../../design/text.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import { bold, code, link, type Block, type Inline } from '../model.js';
import { codeList, targetSectionId, type ReportContext, type TargetExposure } from './context.js';
import { agree, jewels, paths, sources, steps } from './texts.js';
import { NEED_LETTERS, percent, referenceHref } from './vocabulary.js';

const L = text;

/** Crown jewels detailed in their own subsection (the others are in tables). */
export const DETAILED_TARGETS = 10;
/** Paths shown step by step for each detailed crown jewel. */
export const PATHS_PER_TARGET = 3;
/** Drawings of attack paths in the document (one per detailed crown jewel at most). */
export const MAX_FIGURES = 10;
/** Rows of the table of a crown jewel's other paths. */
export const OTHER_PATHS_LIMIT = 15;

const TEXTS = {
  intro: (p: number, s: number, t: number, detailed: number) =>
    L(
      `${paths(p).en} ${agree(p, ['was', 'were'], ['', '']).en} computed from ${sources(s).en} to ${jewels(t).en}. Crown jewels are ranked by the likelihood of their most likely path; the ${detailed} most exposed are detailed below, each step with its MITRE ATT&CK technique and what makes it succeed.`,
      `${paths(p).fr} ${agree(p, ['', ''], ['a été calculé', 'ont été calculés']).fr} depuis ${sources(s).fr} vers ${jewels(t).fr}. Les biens critiques sont classés selon la vraisemblance de leur chemin le plus vraisemblable ; les ${detailed} plus exposés sont détaillés ci-dessous, chaque étape avec sa technique MITRE ATT&CK et ce qui la fait réussir.`,
    ),
  none: L(
    'Attack paths were not computed for this report.',
    'Les chemins d’attaque n’ont pas été calculés pour ce rapport.',
  ),
  targetsCaption: L('Crown jewels and their exposure', 'Biens critiques et leur exposition'),
  jewel: L('Crown jewel', 'Bien critique'),
  value: L('Value', 'Valeur'),
  why: L('Why it is a target', 'Pourquoi c’est une cible'),
  best: L('Best likelihood', 'Vraisemblance max.'),
  sourcesColumn: L('Sources', 'Sources'),
  pathsColumn: L('Paths', 'Chemins'),
  unreached: L('no path', 'aucun chemin'),
  targetIntro: (n: number, s: number) =>
    L(
      `${paths(n).en} from ${sources(s).en} ${agree(n, ['reaches', 'reach'], ['', '']).en} it.`,
      `${paths(n).fr} depuis ${sources(s).fr} ${agree(n, ['', ''], ['l’atteint', 'l’atteignent']).fr}.`,
    ),
  whyLabel: L('Target', 'Cible'),
  reasonNeed: (isData: boolean, name: string, levels: string) =>
    isData
      ? L(`stores or hosts “${name}” (${levels})`, `stocke ou héberge « ${name} » (${levels})`)
      : L(`supports “${name}” (${levels})`, `soutient « ${name} » (${levels})`),
  path: (rank: number) => L(`Path ${rank}`, `Chemin ${rank}`),
  pathLine: (source: string, score: string, n: number) =>
    L(
      ` — from ${source}, likelihood ${score}, ${steps(n).en}: `,
      ` — depuis ${source}, vraisemblance ${score}, ${steps(n).fr} : `,
    ),
  figureCaption: (source: string, target: string, score: string) =>
    L(
      `Most likely attack path from ${source} to ${target} (likelihood ${score})`,
      `Chemin d’attaque le plus vraisemblable depuis ${source} vers ${target} (vraisemblance ${score})`,
    ),
  stepsCaption: (rank: number, target: string) =>
    L(`Steps of path ${rank} to ${target}`, `Étapes du chemin ${rank} vers ${target}`),
  step: L('#', 'n°'),
  move: L('From → to', 'De → vers'),
  technique: L('ATT&CK technique', 'Technique ATT&CK'),
  probability: L('p', 'p'),
  explanation: L('Why it succeeds', 'Pourquoi elle réussit'),
  otherPathsCaption: (target: string) =>
    L(`Other paths to ${target}`, `Autres chemins vers ${target}`),
  source: L('Threat source', 'Source de menace'),
  likelihood: L('Likelihood', 'Vraisemblance'),
  stepsColumn: L('Steps', 'Étapes'),
  route: L('Route', 'Parcours'),
  otherPathsMore: (n: number) =>
    L(
      `${paths(n).en} of lower likelihood ${agree(n, ['is', 'are'], ['', '']).en} not listed.`,
      `${paths(n).fr} ${agree(n, ['', ''], ['moins vraisemblable n’est pas listé', 'moins vraisemblables ne sont pas listés']).fr}.`,
    ),
  others: L('Other crown jewels', 'Autres biens critiques'),
  othersCaption: L(
    'Most likely path to each other crown jewel',
    'Chemin le plus vraisemblable vers chacun des autres biens critiques',
  ),
  unreachedList: L(
    'Crown jewels no computed path reaches: ',
    'Biens critiques qu’aucun chemin calculé n’atteint : ',
  ),
} as const;

/** Why a crown jewel is one, the needs it inherits grouped by business value: `supports “X” (I4 A4)`. */
function reasonsText(target: AttackTarget, context: ReportContext): string {
  const { locale, t } = context;
  const needs = new Map<string, string[]>();
  const others: string[] = [];
  for (const reason of target.reasons) {
    if (reason.code === 'need' && reason.entity !== undefined && reason.criterion !== undefined) {
      const level = `${NEED_LETTERS[reason.criterion][locale]}${reason.level}`;
      const list = needs.get(reason.entity);
      if (list === undefined) needs.set(reason.entity, [level]);
      else list.push(level);
    } else others.push(reason.text[locale]);
  }
  const parts = [...needs].map(
    ([entity, levels]) =>
      TEXTS.reasonNeed(
        context.input.graph.data(entity) !== undefined,
        context.name(entity),
        levels.join(' '),
      )[locale],
  );
  return [...parts, ...others].join(t.semicolon);
}

function place(id: string, context: ReportContext): Inline {
  const source = context.sourceName(id);
  return source === id ? code(id) : source;
}

function techniqueLink(id: string, name: string): Inline {
  const href = referenceHref(id);
  return href === undefined ? `${id} ${name}` : link(`${id} ${name}`, href);
}

function stepsTable(path: AttackPath, rank: number, context: ReportContext): Block {
  const { locale } = context;
  return {
    kind: 'table',
    id: `${targetSectionId(path.target)}-path-${rank}`,
    caption: [TEXTS.stepsCaption(rank, path.target)[locale]],
    columns: [
      { title: TEXTS.step[locale], width: 0.5, align: 'right' },
      { title: TEXTS.move[locale], width: 3 },
      { title: TEXTS.technique[locale], width: 2.5 },
      { title: TEXTS.probability[locale], width: 1.2, align: 'right' },
      { title: TEXTS.explanation[locale], width: 6 },
    ],
    rows: path.steps.map((step, i) => [
      [String(i + 1)],
      [place(step.from, context), ' → ', code(step.to)],
      [techniqueLink(step.technique.id, step.technique.name)],
      [percent(step.probability, locale)],
      [step.explanation[locale]],
    ]),
  };
}

function otherPathsTable(target: TargetExposure, context: ReportContext): Block[] {
  const { locale } = context;
  const rest = target.paths.slice(PATHS_PER_TARGET);
  if (rest.length === 0) return [];
  const shown = rest.slice(0, OTHER_PATHS_LIMIT);
  const blocks: Block[] = [
    {
      kind: 'table',
      id: `${targetSectionId(target.target.id)}-others`,
      caption: [TEXTS.otherPathsCaption(target.target.id)[locale]],
      dense: true,
      columns: [
        { title: TEXTS.source[locale], width: 3 },
        { title: TEXTS.likelihood[locale], width: 1.6, align: 'right' },
        { title: TEXTS.stepsColumn[locale], width: 1, align: 'right' },
        { title: TEXTS.route[locale], width: 6 },
      ],
      rows: shown.map((p) => [
        [context.sourceName(p.source)],
        [percent(p.score, locale)],
        [String(p.steps.length)],
        [code(pathRoute(p))],
      ]),
    },
  ];
  if (rest.length > shown.length)
    blocks.push({
      kind: 'paragraph',
      content: [TEXTS.otherPathsMore(rest.length - shown.length)[locale]],
    });
  return blocks;
}

async function targetSection(
  target: TargetExposure,
  context: ReportContext,
  diagrams: DiagramProvider,
  withFigure: boolean,
): Promise<Block> {
  const { locale, t } = context;
  const { id, label } = target.target;
  const children: Block[] = [
    {
      kind: 'paragraph',
      content: [
        bold(`${TEXTS.whyLabel[locale]}${t.colon.trimEnd()}`),
        ` ${reasonsText(target.target, context)}. `,
        TEXTS.targetIntro(target.paths.length, target.sources)[locale],
      ],
    },
  ];
  const top = target.paths.slice(0, PATHS_PER_TARGET);
  for (const [index, path] of top.entries()) {
    const rank = index + 1;
    const score = percent(path.score, locale);
    children.push({
      kind: 'paragraph',
      content: [
        bold(TEXTS.path(rank)[locale]),
        TEXTS.pathLine(context.sourceName(path.source), score, path.steps.length)[locale],
        code(pathRoute(path)),
      ],
    });
    if (index === 0 && withFigure) {
      const diagram = await diagrams.attackPath(path);
      children.push({
        kind: 'figure',
        id: `${targetSectionId(id)}-figure`,
        svg: diagram.svg,
        width: diagram.width,
        height: diagram.height,
        caption: [TEXTS.figureCaption(context.sourceName(path.source), label, score)[locale]],
        alt: diagram.alt,
      });
    }
    children.push(stepsTable(path, rank, context));
  }
  children.push(...otherPathsTable(target, context));
  const title = label === id ? id : `${label} (${id})`;
  return { kind: 'section', id: targetSectionId(id), title, children };
}

function targetsTable(context: ReportContext): Block {
  const { locale } = context;
  return {
    kind: 'table',
    id: 'attack-targets',
    caption: [TEXTS.targetsCaption[locale]],
    dense: true,
    columns: [
      { title: TEXTS.jewel[locale], width: 3 },
      { title: TEXTS.value[locale], width: 0.8, align: 'center' },
      { title: TEXTS.why[locale], width: 5 },
      { title: TEXTS.best[locale], width: 2, align: 'right' },
      { title: TEXTS.sourcesColumn[locale], width: 1.3, align: 'right' },
      { title: TEXTS.pathsColumn[locale], width: 1.3, align: 'right' },
    ],
    rows: context.exposure.map((e) => [
      [code(e.target.id)],
      [String(e.target.value)],
      [reasonsText(e.target, context)],
      [e.paths[0] === undefined ? TEXTS.unreached[locale] : percent(e.paths[0].score, locale)],
      [String(e.sources)],
      [String(e.paths.length)],
    ]),
  };
}

function othersSection(rest: readonly TargetExposure[], context: ReportContext): Block[] {
  const { locale, t } = context;
  const reached = rest.filter((e) => e.paths.length > 0);
  const unreached = rest.filter((e) => e.paths.length === 0).map((e) => e.target.id);
  if (reached.length === 0 && unreached.length === 0) return [];
  const children: Block[] = [];
  if (reached.length > 0)
    children.push({
      kind: 'table',
      id: 'attack-other-targets',
      caption: [TEXTS.othersCaption[locale]],
      dense: true,
      columns: [
        { title: TEXTS.jewel[locale], width: 2.5 },
        { title: TEXTS.source[locale], width: 2.5 },
        { title: TEXTS.likelihood[locale], width: 1.6, align: 'right' },
        { title: TEXTS.route[locale], width: 5 },
      ],
      rows: reached.map((e) => {
        const best = e.paths[0];
        return [
          [code(e.target.id)],
          [best === undefined ? '' : context.sourceName(best.source)],
          [best === undefined ? '' : percent(best.score, locale)],
          [best === undefined ? '' : code(pathRoute(best))],
        ];
      }),
    });
  if (unreached.length > 0)
    children.push({
      kind: 'paragraph',
      content: [TEXTS.unreachedList[locale], ...codeList(unreached, t.more, 50), '.'],
    });
  return [
    { kind: 'section', id: 'attack-other-targets-section', title: TEXTS.others[locale], children },
  ];
}

/** Section 5: attack paths, with at most `MAX_FIGURES` drawings. */
export async function attackPathsSection(
  context: ReportContext,
  diagrams: DiagramProvider,
): Promise<Block> {
  const { locale, t, input } = context;
  const attack = input.attack;
  if (attack === undefined)
    return {
      kind: 'section',
      id: 'attack-paths',
      title: t.attackPaths,
      children: [{ kind: 'paragraph', content: [TEXTS.none[locale]] }],
    };
  const reached = context.exposure.filter((e) => e.paths.length > 0);
  const detailed = reached.slice(0, DETAILED_TARGETS);
  const detailedIds = new Set(detailed.map((e) => e.target.id));
  const children: Block[] = [
    {
      kind: 'paragraph',
      content: [
        TEXTS.intro(
          attack.paths.length,
          attack.sources.length,
          attack.targets.length,
          detailed.length,
        )[locale],
      ],
    },
    targetsTable(context),
  ];
  for (const [index, target] of detailed.entries())
    children.push(await targetSection(target, context, diagrams, index < MAX_FIGURES));
  children.push(
    ...othersSection(
      context.exposure.filter((e) => !detailedIds.has(e.target.id)),
      context,
    ),
  );
  return { kind: 'section', id: 'attack-paths', title: t.attackPaths, children };
}
