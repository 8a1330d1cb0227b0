/**
 * Choke points: the elements (flows, administration interfaces, logins, accounts, rights, remote
 * accesses) whose removal cuts the most attack paths, from the minimum cuts of the crown jewels.
 */
import { COST_CLASS_LABELS } from '../../design/attack/remedies.js';
import { text } from '../../design/text.js';
import { bold, code, ref, type Block } from '../model.js';
import { codeList, type ReportContext } from './context.js';
import { agree, jewels } from './texts.js';
import { CHOKE_KIND_LABELS } from './vocabulary.js';

const L = text;

/** Choke points listed in the table. */
export const CHOKE_POINT_LIMIT = 25;

const TEXTS = {
  intro: L(
    'A choke point is an element on the way to the crown jewels whose removal or hardening cuts attack paths: a flow, an administration interface, the place an account logs in from, an account, an access right, a remote access. Each belongs to the minimum cut of one or more crown jewels (the smallest set of such elements that disconnects the threat sources from them); each comes with a measure and its cost class (configuration, control to add, architecture change, removal of a flow a critical process needs). They are ranked by the number of computed paths they cut for what cutting costs; an element a cheaper one can replace (it cuts the same paths) comes after it.',
    'Un point de coupure est un élément sur le chemin des biens critiques dont la suppression ou le durcissement coupe des chemins d’attaque : un flux, une interface d’administration, le lieu depuis lequel un compte se connecte, un compte, un droit d’accès, un accès distant. Chacun appartient à la coupe minimale d’un ou plusieurs biens critiques (le plus petit ensemble de tels éléments qui les déconnecte des sources de menace) ; chacun est assorti d’une mesure et de sa classe de coût (configuration, mesure à ajouter, changement d’architecture, suppression d’un flux nécessaire à un processus critique). Ils sont classés selon le nombre de chemins calculés qu’ils coupent rapporté à ce que la coupure coûte ; un élément qu’un autre moins coûteux peut remplacer (il coupe les mêmes chemins) vient après lui.',
  ),
  overall: (n: number, t: number) =>
    L(
      `Acting on the ${n} elements of the overall minimum cut disconnects every external threat source from ${jewels(t).en} at once.`,
      `Agir sur les ${n} éléments de la coupe minimale globale déconnecte d’un coup toutes les sources de menace externes de ${jewels(t).fr}.`,
    ),
  none: L(
    'No choke point: no attack path was found, or paths were not computed (see ',
    'Aucun point de coupure : aucun chemin d’attaque n’a été trouvé, ou les chemins n’ont pas été calculés (voir ',
  ),
  caption: L(
    'Choke points, by paths cut and cost',
    'Points de coupure, par chemins coupés et coût',
  ),
  rank: L('#', 'n°'),
  element: L('Element', 'Élément'),
  action: L('Action', 'Action'),
  pathsCut: L('Paths cut', 'Chemins coupés'),
  cost: L('Cost', 'Coût'),
  targets: L('Crown jewels protected', 'Biens critiques protégés'),
  overallColumn: L('Overall cut', 'Coupe globale'),
  more: (n: number, total: number) =>
    L(
      `The first ${n} choke points are listed, out of ${total}.`,
      `Les ${n} premiers points de coupure sont listés, sur ${total}.`,
    ),
  first: L('First choke point', 'Premier point de coupure'),
  uncuttable: (n: number) =>
    L(
      `${jewels(n).en} can be reached through nothing that can be cut (typically an insider using their own rights): no choke point protects ${agree(n, ['it', 'them'], ['', '']).en}; harden ${agree(n, ['it', 'them'], ['', '']).en} directly (least privilege, monitoring of use): `,
      `${jewels(n).fr} ${agree(n, ['', ''], ['peut être atteint', 'peuvent être atteints']).fr} sans rien qui puisse être coupé (typiquement un initié qui utilise ses propres droits) : aucun point de coupure ne ${agree(n, ['', ''], ['le', 'les']).fr} protège ; ${agree(n, ['', ''], ['le', 'les']).fr} durcir directement (moindre privilège, surveillance de l’usage) : `,
    ),
} as const;

/** Section 6: choke points. */
export function chokePointsSection(context: ReportContext): Block {
  const { locale, t, input } = context;
  const attack = input.attack;
  const points = attack?.chokePoints ?? [];
  const children: Block[] = [{ kind: 'paragraph', content: [TEXTS.intro[locale]] }];
  if (attack === undefined || points.length === 0) {
    children.push({
      kind: 'paragraph',
      content: [TEXTS.none[locale], ref(t.attackPaths, 'attack-paths'), t.closeParen],
    });
    return { kind: 'section', id: 'choke-points', title: t.chokePoints, children };
  }
  if (attack.overallCut.elements.length > 0)
    children.push({
      kind: 'paragraph',
      content: [
        TEXTS.overall(attack.overallCut.elements.length, attack.overallCut.targets.length)[locale],
      ],
    });
  const shown = points.slice(0, CHOKE_POINT_LIMIT);
  children.push({
    kind: 'table',
    id: 'choke-points-table',
    caption: [TEXTS.caption[locale]],
    dense: true,
    columns: [
      { title: TEXTS.rank[locale], width: 0.5, align: 'right' },
      { title: TEXTS.element[locale], width: 2.5 },
      { title: t.kind, width: 1.5 },
      { title: TEXTS.action[locale], width: 4.2 },
      { title: TEXTS.cost[locale], width: 1.6 },
      { title: TEXTS.pathsCut[locale], width: 1.6, align: 'right' },
      { title: TEXTS.targets[locale], width: 3.5 },
      { title: TEXTS.overallColumn[locale], width: 1.4, align: 'center' },
    ],
    rows: shown.map((p, i) => [
      [String(i + 1)],
      [code(p.entity)],
      [CHOKE_KIND_LABELS[p.kind][locale]],
      [p.action[locale]],
      [COST_CLASS_LABELS[p.cost][locale]],
      [String(p.pathsCut)],
      p.targets.length === 0
        ? ['—']
        : [`${p.targets.length}${t.colon}`, ...codeList(p.targets, t.more, 6)],
      [p.overall ? t.yes : t.no],
    ]),
  });
  if (points.length > shown.length)
    children.push({
      kind: 'paragraph',
      content: [TEXTS.more(shown.length, points.length)[locale]],
    });
  const first = points[0];
  if (first !== undefined)
    children.push({
      kind: 'paragraph',
      content: [
        bold(`${TEXTS.first[locale]}${t.colon.trimEnd()}`),
        ' ',
        code(first.id),
        ` — ${first.explanation[locale]}`,
      ],
    });
  const uncuttable = attack.cuts.filter((c) => c.uncuttableSources.length > 0).map((c) => c.target);
  if (uncuttable.length > 0)
    children.push({
      kind: 'paragraph',
      content: [
        TEXTS.uncuttable(uncuttable.length)[locale],
        ...codeList(uncuttable, t.more, 20),
        '.',
      ],
    });
  return { kind: 'section', id: 'choke-points', title: t.chokePoints, children };
}
