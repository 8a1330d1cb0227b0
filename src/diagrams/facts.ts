/**
 * What the views read from the analysis, computed once per provider: the worst open finding of
 * each entity, the assets reachable from the Internet, the look of an asset box and of a flow.
 */
import { severityRank, type Finding, type FindingSeverity } from '../design/findings.js';
import { hasDeclaredEncryption, nameOf, type Asset, type Flow } from '../domain/model/index.js';
import type { DocumentInput } from '../presentation/input.js';
import type { ModelGraph } from '../model/graph.js';
import { isOtAsset } from '../model/predicates.js';
import type { LegendItem, SceneNode } from './scene.js';
import { COLOUR, FONT, SEVERITY_COLOUR } from './styles.js';
import { ASSET_KIND_TEXT, count, say, TEXT } from './texts.js';

export type Severity = FindingSeverity | 'none';

export interface Facts {
  readonly input: DocumentInput;
  readonly graph: ModelGraph;
  /** Worst open finding naming the entity among its subjects. */
  severityOf(id: string): Severity;
  /**
   * Worst open finding concerning the flow: naming it, or naming both its endpoints (a finding
   * on one endpoint alone is shown on that endpoint's box, not on every flow touching it).
   */
  flowSeverity(flow: Flow): Severity;
  /** Assets a flow from the Internet reaches directly. */
  readonly exposed: ReadonlySet<string>;
}

export function worst(a: Severity, b: Severity): Severity {
  if (a === 'none') return b;
  if (b === 'none') return a;
  return severityRank(a) >= severityRank(b) ? a : b;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Worst open severity per subject, and per pair of subjects named by the same finding. */
function indexFindings(findings: readonly Finding[]): {
  single: Map<string, FindingSeverity>;
  pairs: Map<string, FindingSeverity>;
} {
  const single = new Map<string, FindingSeverity>();
  const pairs = new Map<string, FindingSeverity>();
  const raise = (
    map: Map<string, FindingSeverity>,
    key: string,
    severity: FindingSeverity,
  ): void => {
    const known = map.get(key);
    if (known === undefined || severityRank(severity) > severityRank(known)) map.set(key, severity);
  };
  for (const finding of findings) {
    if (finding.status !== 'open') continue;
    for (const subject of finding.subjects) raise(single, subject, finding.severity);
    // pairs of the first subjects only: a finding listing hundreds of entities names no pair
    const head = finding.subjects.slice(0, 40);
    head.forEach((subject, i) => {
      for (const other of head.slice(i + 1))
        raise(pairs, pairKey(subject, other), finding.severity);
    });
  }
  return { single, pairs };
}

export function collectFacts(input: DocumentInput): Facts {
  const index = indexFindings(input.findings);
  const severityOf = (id: string): Severity => index.single.get(id) ?? 'none';
  // the Internet exposure the rules read: a diagram marks what the findings call exposed
  const exposed = new Set(
    [...input.analyses.internetExposure.byTarget.keys()].filter(
      (id) => input.graph.asset(id) !== undefined,
    ),
  );
  return {
    input,
    graph: input.graph,
    severityOf,
    flowSeverity: (flow) =>
      worst(severityOf(flow.id), index.pairs.get(pairKey(flow.from, flow.to)) ?? 'none'),
    exposed,
  };
}

/** `https/443`, or the protocol alone. */
export function flowLabel(flow: Flow): string {
  return flow.port === undefined ? flow.protocol : `${flow.protocol}/${String(flow.port)}`;
}

export { hasDeclaredEncryption as isEncrypted };

export function severityColour(severity: Severity): string {
  return SEVERITY_COLOUR[severity];
}

/** The box of an asset: name, kind (and fleet size); OT and exposure marked. */
export function assetNode(facts: Facts, asset: Asset, id = `a:${asset.id}`): SceneNode {
  const locale = facts.input.locale;
  const ot = isOtAsset(facts.graph, asset);
  const severity = facts.severityOf(asset.id);
  const kind = say(ASSET_KIND_TEXT[asset.kind], locale);
  const fleet = asset.count === undefined ? '' : ` ×${count(asset.count, locale)}`;
  return {
    id,
    kind: 'asset',
    entity: asset.id,
    lines: [
      { text: nameOf(asset), size: FONT.name, maxLines: 2 },
      { text: `${kind}${fleet}`, size: FONT.detail, colour: COLOUR.muted },
    ],
    style: {
      fill: ot ? COLOUR.otFill : COLOUR.boxFill,
      stroke: ot ? COLOUR.otStroke : COLOUR.boxStroke,
      ...(facts.exposed.has(asset.id) ? { accent: COLOUR.exposed } : {}),
      ...(severity === 'none' ? {} : { dot: SEVERITY_COLOUR[severity] }),
    },
  };
}

/** Legend entries for flows: encryption, then colours by severity. */
export function flowLegend(locale: DocumentInput['locale']): LegendItem[] {
  return [
    {
      kind: 'line',
      label: say(TEXT.legendEncrypted, locale),
      colour: SEVERITY_COLOUR.none,
      dashed: false,
    },
    {
      kind: 'line',
      label: say(TEXT.legendClear, locale),
      colour: SEVERITY_COLOUR.none,
      dashed: true,
    },
    {
      kind: 'line',
      label: say(TEXT.legendSevere, locale),
      colour: SEVERITY_COLOUR.high,
      dashed: false,
    },
    {
      kind: 'line',
      label: say(TEXT.legendMedium, locale),
      colour: SEVERITY_COLOUR.medium,
      dashed: false,
    },
    {
      kind: 'line',
      label: say(TEXT.legendLow, locale),
      colour: SEVERITY_COLOUR.low,
      dashed: false,
    },
    {
      kind: 'line',
      label: say(TEXT.legendNone, locale),
      colour: SEVERITY_COLOUR.none,
      dashed: false,
    },
  ];
}

/** Legend entries for asset boxes. */
export function assetLegend(locale: DocumentInput['locale']): LegendItem[] {
  return [
    {
      kind: 'box',
      label: say(TEXT.legendOt, locale),
      fill: COLOUR.otFill,
      stroke: COLOUR.otStroke,
    },
    {
      kind: 'box',
      label: say(TEXT.legendExposed, locale),
      fill: COLOUR.boxFill,
      stroke: COLOUR.boxStroke,
      accent: COLOUR.exposed,
    },
    { kind: 'dot', label: say(TEXT.legendDot, locale), colour: SEVERITY_COLOUR.high },
  ];
}
