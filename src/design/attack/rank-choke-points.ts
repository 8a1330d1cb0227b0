import { compareIds } from '../../domain/compare.js';
import type { ModelGraph } from '../../model/graph.js';
import { text, type LocalizedText } from '../text.js';
import type { AttackNode, AttackNodeKind } from './attack-graph.js';
import type { AttackStep } from './explain.js';
import { COST_CLASSES, remedyOf, type CostClass, type Remedy } from './remedies.js';

/** A cuttable element on the way to the crown jewels. */
export interface ChokePoint {
  /** `<kind>:<element>` (e.g. `flow:flux-internet-rdp-tse`, `login:id-admin@lan-siege`). */
  readonly id: string;
  readonly kind: Exclude<AttackNodeKind, 'attacker' | 'source' | 'asset' | 'session'>;
  /** The model entity: flow, identity (login, right, account, remote access) or asset. */
  readonly entity: string;
  /** The measure that cuts it, consistent with the model (no MFA asked where it exists). */
  readonly action: LocalizedText;
  /** What that measure costs (cheapest first in `COST_CLASSES`). */
  readonly cost: CostClass;
  readonly explanation: LocalizedText;
  /** Targets whose minimum cut contains it. */
  readonly targets: readonly string[];
  /** Number of the computed paths that go through it (never 0: such elements are left out). */
  readonly pathsCut: number;
  /** Part of the minimum cut that protects every cuttable target at once. */
  readonly overall: boolean;
  /** A cheaper choke point that cuts every path this one cuts (this one is ranked after). */
  readonly cheaperAlternative?: string;
}

/** What the ranking reads of the analysis. */
export interface ChokeInput {
  readonly model: ModelGraph;
  /** The node standing for each element id (its first lane copy for copied elements). */
  readonly nodeOf: (element: string) => AttackNode | undefined;
  /** Minimum cut of each target, as element ids. */
  readonly cuts: readonly { readonly target: string; readonly elements: readonly string[] }[];
  readonly overall: ReadonlySet<string>;
  readonly paths: readonly { readonly steps: readonly AttackStep[] }[];
}

const costRank = (cost: CostClass): number => COST_CLASSES.indexOf(cost);
/** Paths cut per unit of cost: each cost class weighs twice the one before. */
const worth = (point: Pick<ChokePoint, 'pathsCut' | 'cost'>): number =>
  point.pathsCut / 2 ** costRank(point.cost);

/** Paths cut by each element, as sets of path indices. */
function pathsByElement(paths: ChokeInput['paths']): Map<string, Set<number>> {
  const result = new Map<string, Set<number>>();
  paths.forEach((path, index) => {
    for (const step of path.steps) {
      for (const element of step.elements) {
        const set = result.get(element) ?? new Set<number>();
        set.add(index);
        result.set(element, set);
      }
    }
  });
  return result;
}

const covers = (big: ReadonlySet<number>, small: ReadonlySet<number>): boolean =>
  big.size >= small.size && [...small].every((p) => big.has(p));

/**
 * The elements of the minimum cuts that cut at least one computed path, each with the measure
 * that cuts it and its cost. Ranked: first those no cheaper element can replace (one that cuts
 * every path they cut), then by paths cut per unit of cost (a cost class weighs twice the one
 * before it), paths cut, cost class, targets protected and id.
 */
export function rankChokePoints(input: ChokeInput): ChokePoint[] {
  const targetsOf = new Map<string, string[]>();
  for (const cut of input.cuts) {
    for (const element of cut.elements)
      targetsOf.set(element, [...(targetsOf.get(element) ?? []), cut.target]);
  }
  for (const element of input.overall) if (!targetsOf.has(element)) targetsOf.set(element, []);
  const byElement = pathsByElement(input.paths);
  const remedies = new Map<string, Remedy>();
  const remedy = (id: string, node: AttackNode): Remedy => {
    const known = remedies.get(id) ?? remedyOf(input.model, node);
    remedies.set(id, known);
    return known;
  };
  const candidates: (Omit<ChokePoint, 'explanation' | 'cheaperAlternative'> & {
    cut: Set<number>;
  })[] = [];
  for (const [id, targets] of targetsOf) {
    const node = input.nodeOf(id);
    const cut = byElement.get(id);
    if (node === undefined || cut === undefined || cut.size === 0) continue;
    if (
      node.kind === 'attacker' ||
      node.kind === 'source' ||
      node.kind === 'asset' ||
      node.kind === 'session'
    )
      continue;
    const { action, cost } = remedy(id, node);
    candidates.push({
      id,
      kind: node.kind,
      entity: node.entity,
      action,
      cost,
      targets: [...targets].sort(compareIds),
      pathsCut: cut.size,
      overall: input.overall.has(id),
      cut,
    });
  }
  // any cuttable element of the paths may stand in for a costlier one, cut member or not
  const alternatives = [...byElement.entries()]
    .map(([id, cut]) => {
      const node = input.nodeOf(id);
      return node === undefined ? undefined : { id, cut, cost: remedy(id, node).cost };
    })
    .filter((a) => a !== undefined)
    .sort(
      (a, b) =>
        costRank(a.cost) - costRank(b.cost) || b.cut.size - a.cut.size || compareIds(a.id, b.id),
    );
  const total = input.paths.length;
  const result = candidates.map(({ cut, ...point }): ChokePoint => {
    const cheaper = alternatives.find(
      (a) => costRank(a.cost) < costRank(point.cost) && covers(a.cut, cut),
    );
    return {
      ...point,
      explanation: explanationOf(point, total, cheaper?.id),
      ...(cheaper === undefined ? {} : { cheaperAlternative: cheaper.id }),
    };
  });
  return result.sort(
    (a, b) =>
      Number(a.cheaperAlternative !== undefined) - Number(b.cheaperAlternative !== undefined) ||
      worth(b) - worth(a) ||
      b.pathsCut - a.pathsCut ||
      costRank(a.cost) - costRank(b.cost) ||
      b.targets.length - a.targets.length ||
      compareIds(a.id, b.id),
  );
}

const COSTS: Readonly<Record<CostClass, LocalizedText>> = {
  configuration: text('a configuration change', 'un changement de configuration'),
  control: text('a control to add', 'une mesure à ajouter'),
  architecture: text('a change of architecture', 'un changement d’architecture'),
  'business-flow': text(
    'removing a flow a critical process needs',
    'la suppression d’un flux nécessaire à un processus critique',
  ),
};

function explanationOf(
  point: Pick<ChokePoint, 'pathsCut' | 'targets' | 'overall' | 'cost'>,
  total: number,
  cheaper: string | undefined,
): LocalizedText {
  const list = point.targets.join(', ');
  const n = point.targets.length;
  const cost = COSTS[point.cost];
  return text(
    `Cuts ${point.pathsCut} of the ${total} attack paths found; in the minimum cut of ${n} target(s)${list === '' ? '' : `: ${list}`}${point.overall ? '; part of the overall minimum cut' : ''}. Cost: ${cost.en}.${cheaper === undefined ? '' : ` ${cheaper} cuts the same paths for less.`}`,
    `Coupe ${point.pathsCut} des ${total} chemins d’attaque trouvés ; fait partie de la coupe minimale de ${n} cible(s)${list === '' ? '' : ` : ${list}`}${point.overall ? ' ; fait partie de la coupe minimale globale' : ''}. Coût : ${cost.fr}.${cheaper === undefined ? '' : ` ${cheaper} coupe les mêmes chemins à moindre coût.`}`,
  );
}
