import type { ModelGraph } from '../../model/graph.js';
import { text, type LocalizedText } from '../text.js';
import type { AttackEdge, AttackGraph, AttackNode } from './attack-graph.js';
import type { Factor, FactorCode } from './exploitability.js';
import { technique, type Technique } from './techniques.js';
import { label } from '../../model/predicates.js';

export const STEP_KINDS = [
  'entry',
  'flow',
  'admin-interface',
  'credential',
  'insider',
  'remote-access',
  'hosting',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** One move of the attacker, from a source or asset to an asset. */
export interface AttackStep {
  readonly from: string;
  readonly to: string;
  readonly kind: StepKind;
  /** What the step goes through: flow, identity, asset of an admin interface, host, zone. */
  readonly via: string;
  readonly probability: number;
  readonly technique: Technique;
  readonly explanation: LocalizedText;
  /** Ids of the cuttable elements the step goes through (what a choke point can name). */
  readonly elements: readonly string[];
  /**
   * Credential and insider steps: the flow (or the asset of the administration interface)
   * that carries the credentials from where the attacker stands; none within one zone.
   */
  readonly route?: string;
}

const FACTORS: Readonly<Record<FactorCode, (detail: string) => LocalizedText>> = {
  'remote-admin': (d) => text(`remote administration (${d})`, `administration à distance (${d})`),
  'ot-protocol': (d) =>
    text(
      `industrial protocol ${d}, with no authentication of its own`,
      `protocole industriel ${d}, sans authentification propre`,
    ),
  vulnerable: (d) => text(`known vulnerabilities ${d}`, `vulnérabilités connues ${d}`),
  unsupported: (d) => text(`unsupported software ${d}`, `logiciel hors support ${d}`),
  'no-authentication': () => text('no authentication', 'aucune authentification'),
  'password-only': () => text('password only', 'mot de passe seul'),
  mfa: () => text('MFA required', 'MFA exigée'),
  cleartext: (d) => text(`${d} in cleartext`, `${d} en clair`),
  'shared-account': () => text('shared account', 'compte partagé'),
  'no-mfa': () => text('no MFA', 'sans MFA'),
  edr: () => text('EDR installed', 'EDR installé'),
  'source-restricted': (d) =>
    text(
      `only from ${d}: the attacker must first hold one of them`,
      `seulement depuis ${d} : l’attaquant doit d’abord en détenir une`,
    ),
  'remote-support': (d) => text(`remote-support tool ${d}`, `outil de télémaintenance ${d}`),
  unattended: () =>
    text(
      'sessions start without anyone on site accepting them',
      'sessions ouvertes sans acceptation sur site',
    ),
};

const LEVELS = {
  admin: text('administrator', 'administrateur'),
  user: text('user', 'utilisateur'),
  read: text('read', 'lecture'),
} as const;

function factorList(factors: readonly Factor[]): LocalizedText {
  const parts = factors.map((f) => FACTORS[f.code](f.detail ?? ''));
  return text(parts.map((p) => p.en).join(', '), parts.map((p) => p.fr).join(', '));
}

/** ` (a, b)` after a sentence, or nothing. */
function suffix(factors: readonly Factor[]): LocalizedText {
  if (factors.length === 0) return text('', '');
  const list = factorList(factors);
  return text(`: ${list.en}`, ` : ${list.fr}`);
}

const isPlace = (node: AttackNode | undefined): boolean =>
  node?.kind === 'source' || node?.kind === 'asset';

/** A stretch of a path between two places (source or asset), with the hubs in between. */
interface Segment {
  readonly nodes: readonly AttackNode[];
  readonly edges: readonly AttackEdge[];
}

/** Cuts a path of the attack graph (attacker first) into steps between places. */
export function segmentsOf(graph: AttackGraph, nodes: readonly number[]): Segment[] {
  const segments: Segment[] = [];
  let current: { nodes: AttackNode[]; edges: AttackEdge[] } | undefined;
  for (let i = 1; i < nodes.length; i += 1) {
    const node = graph.nodes[nodes[i] ?? 0];
    if (node === undefined) continue;
    if (current !== undefined) {
      const edge = findEdge(graph, nodes[i - 1] ?? 0, nodes[i] ?? 0);
      if (edge !== undefined) current.edges.push(edge);
      current.nodes.push(node);
      if (isPlace(node)) {
        segments.push(current);
        current = undefined;
      }
    }
    if (current === undefined && isPlace(node)) current = { nodes: [node], edges: [] };
  }
  return segments;
}

function findEdge(graph: AttackGraph, from: number, to: number): AttackEdge | undefined {
  const { outStart, outEdges } = graph.digraph;
  for (let i = outStart[from] ?? 0; i < (outStart[from + 1] ?? 0); i += 1) {
    const edge = graph.edges[outEdges[i] ?? 0];
    if (edge?.to === to) return edge;
  }
  return undefined;
}

function kindOf(segment: Segment): StepKind {
  const hubs = segment.nodes.filter((n) => !isPlace(n));
  if (hubs.some((n) => n.kind === 'login' || n.kind === 'identity')) return 'credential';
  if (hubs.some((n) => n.kind === 'session' || n.kind === 'right')) return 'insider';
  switch (hubs[0]?.kind) {
    case 'flow':
      return 'flow';
    case 'admin-interface':
      return 'admin-interface';
    case 'remote-access':
    case 'remote-support':
      return 'remote-access';
    default:
      return segment.edges[0]?.kind === 'hosting' ? 'hosting' : 'entry';
  }
}

/** The element id a node stands for (a lane copy names the element it copies). */
export const elementOf = (node: AttackNode): string => node.element ?? node.id;

/** Turns a segment into a step with its explanation. */
export function describeSegment(model: ModelGraph, segment: Segment): AttackStep {
  const first = segment.nodes[0];
  const last = segment.nodes[segment.nodes.length - 1];
  const kind = kindOf(segment);
  const hubs = segment.nodes.filter((n) => !isPlace(n));
  const hub = hubs[0];
  const probability = segment.edges.reduce((p, e) => p * e.probability, 1);
  const defined = segment.edges.filter((e) => e.technique !== undefined);
  const techniqueId = defined[defined.length - 1]?.technique ?? 'T1078';
  const factors = segment.edges.flatMap((e) => e.factors);
  const from = first?.entity ?? '';
  const to = last?.entity ?? '';
  const fromId = first?.id ?? '';
  const right = segment.nodes.find((n) => n.kind === 'right');
  const route = routeOf(segment);
  let via = hub?.entity ?? (kind === 'hosting' ? from : (first?.entity ?? ''));
  if (kind === 'insider') via = right?.entity ?? via;
  return {
    from: fromId,
    to,
    kind,
    via,
    probability,
    technique: technique(techniqueId),
    explanation: explain(model, kind, segment, factors, from, to),
    elements: hubs.filter((n) => n.cost !== undefined).map(elementOf),
    ...(route === undefined ? {} : { route: route.entity }),
  };
}

/** The flow or administration interface a credential or insider step goes through. */
function routeOf(segment: Segment): AttackNode | undefined {
  const session = segment.nodes.findIndex((n) => n.kind === 'session');
  if (session < 0) return undefined;
  return segment.nodes
    .slice(0, session)
    .find((n) => n.kind === 'flow' || n.kind === 'admin-interface');
}

/** ` through flow F` / ` through the admin interface of A` / ` within its zone`. */
function routeText(model: ModelGraph, segment: Segment, to: string): LocalizedText {
  const route = routeOf(segment);
  const name = (id: string): string => label(model, id);
  if (route?.kind === 'flow')
    return text(
      ` through flow “${name(route.entity)}” (${route.entity})`,
      ` par le flux « ${name(route.entity)} » (${route.entity})`,
    );
  if (route?.kind === 'admin-interface') {
    const protocol =
      model.asset(route.entity)?.adminInterfaces?.[route.index ?? 0]?.protocol ?? '?';
    return text(
      ` through its ${protocol} administration interface`,
      ` par son interface d’administration ${protocol}`,
    );
  }
  return text(` from within the zone of ${name(to)}`, ` depuis la zone de ${name(to)}`);
}

function explain(
  model: ModelGraph,
  kind: StepKind,
  segment: Segment,
  factors: readonly Factor[],
  from: string,
  to: string,
): LocalizedText {
  const name = (id: string): string => label(model, id);
  const extra = suffix(factors);
  const hub = segment.nodes.find((n) => !isPlace(n));
  const right = segment.nodes.find((n) => n.kind === 'right');
  switch (kind) {
    case 'flow': {
      const flow = model.flow(hub?.entity ?? '');
      const spec = `${hub?.entity ?? ''}, ${flow?.protocol ?? '?'}${flow?.port === undefined ? '' : `/${flow.port}`}`;
      return text(
        `Flow “${name(hub?.entity ?? '')}” (${spec}) lets the attacker reach ${name(to)}${extra.en}.`,
        `Le flux « ${name(hub?.entity ?? '')} » (${spec}) permet d’atteindre ${name(to)}${extra.fr}.`,
      );
    }
    case 'admin-interface': {
      const asset = model.asset(to);
      const adminInterface = asset?.adminInterfaces?.[hub?.index ?? 0];
      const protocol = adminInterface?.protocol ?? '?';
      const places = (adminInterface?.from ?? []).join(', ');
      return text(
        `The ${protocol} administration interface of ${name(to)} is open to ${places}${extra.en}.`,
        `L’interface d’administration ${protocol} de ${name(to)} est ouverte depuis ${places}${extra.fr}.`,
      );
    }
    case 'credential': {
      const login = segment.nodes.find((n) => n.kind === 'login');
      const identity = name(login?.entity ?? '');
      const place = login?.on ?? from;
      const level = LEVELS[right?.level ?? 'user'];
      const holder = right?.entity ?? '';
      const through =
        holder === login?.entity
          ? text('', '')
          : text(` (through ${holder})`, ` (hérité de ${holder})`);
      const guess = segment.edges.some((e) => e.technique === 'T1110.003');
      const steal = guess
        ? text(
            'the attacker guesses its password (password spraying)',
            'l’attaquant devine son mot de passe (pulvérisation)',
          )
        : text(
            'the attacker dumps its credentials',
            'l’attaquant récupère ses identifiants en mémoire',
          );
      const route = routeText(model, segment, to);
      return text(
        `${identity} logs in from ${place}${extra.en}; ${steal.en} and uses its ${level.en} right${through.en} on ${right?.on ?? to}, reaching ${name(to)}${route.en}.`,
        `${identity} se connecte depuis ${place}${extra.fr} ; ${steal.fr} et utilise son droit ${level.fr}${through.fr} sur ${right?.on ?? to}, et atteint ${name(to)}${route.fr}.`,
      );
    }
    case 'insider': {
      const level = LEVELS[right?.level ?? 'user'];
      const route = routeText(model, segment, to);
      return text(
        `The insider abuses the ${level.en} right of ${right?.entity ?? ''} on ${right?.on ?? to}, reaching ${name(to)}${route.en}.`,
        `L’initié abuse du droit ${level.fr} de ${right?.entity ?? ''} sur ${right?.on ?? to} et atteint ${name(to)}${route.fr}.`,
      );
    }
    case 'remote-access': {
      if (hub?.kind === 'remote-support') {
        const support = model.asset(to)?.remoteSupport?.[hub.index ?? 0];
        const vendor = support?.by === undefined ? '' : ` (${name(support.by)})`;
        return text(
          `The attacker opens a ${support?.tool ?? '?'} session on ${name(to)} with the vendor’s account${vendor}${extra.en}.`,
          `L’attaquant ouvre une session ${support?.tool ?? '?'} sur ${name(to)} avec le compte du prestataire${vendor}${extra.fr}.`,
        );
      }
      const identity = model.identity(hub?.entity ?? '');
      const company = identity?.company ?? name(hub?.entity ?? '');
      return text(
        `The attacker uses the remote access of ${name(hub?.entity ?? '')} (${company}) through ${name(to)}: trusted relationship.`,
        `L’attaquant utilise l’accès distant de ${name(hub?.entity ?? '')} (${company}) par ${name(to)} : relation de confiance.`,
      );
    }
    case 'hosting':
      return text(
        `${name(to)} runs on ${name(from)}: whoever controls the host controls its guests.`,
        `${name(to)} s’exécute sur ${name(from)} : qui contrôle l’hôte contrôle ses invités.`,
      );
    case 'entry':
      return text(
        `A user of ${name(to)} opens a malicious attachment or link${extra.en}.`,
        `Un utilisateur de ${name(to)} ouvre une pièce jointe ou un lien piégé${extra.fr}.`,
      );
  }
}
