/**
 * One attack path as a left-to-right chain (wrapped into rows when long): the threat source,
 * then each asset reached with the ATT&CK technique of the step and its probability, the
 * target last.
 */
import type { AttackPath } from '../design/attack/analyze-paths.js';
import type { Diagram } from '../presentation/diagram-provider.js';
import type { Locale } from '../i18n/index.js';
import { label } from '../model/predicates.js';
import type { Facts } from './facts.js';
import { drawScene, type LegendItem, type SceneEdge, type SceneNode } from './scene.js';
import { COLOUR, FONT, SEVERITY_COLOUR } from './styles.js';
import { ASSET_KIND_TEXT, say, TEXT } from './texts.js';

const SOURCE_FILL = '#fbe4e2';
const TECHNIQUE_COLOUR = '#8e1b1b';

/** `0.42` / `0,42`; two significant digits below 0.01 (`0.0031`), `< 0.0001` below that. */
function decimal(value: number, locale: Locale): string {
  const text =
    value >= 0.01 ? value.toFixed(2) : value >= 0.0001 ? value.toPrecision(2) : '< 0.0001';
  return locale === 'fr' ? text.replace('.', ',') : text;
}

function sourceLabel(facts: Facts, id: string): string {
  const source = facts.input.attack?.sources.find((s) => s.id === id);
  return source?.label[facts.input.locale] ?? label(facts.graph, id);
}

const name = (facts: Facts, id: string): string => label(facts.graph, id);

/** The diagram of one attack path. */
export async function attackPathDiagram(
  facts: Facts,
  path: AttackPath,
  heading: boolean,
): Promise<Diagram> {
  const locale = facts.input.locale;
  const nodes: SceneNode[] = [
    {
      id: 'n0',
      kind: 'source',
      entity: path.source,
      lines: [
        { text: say(TEXT.source, locale), size: FONT.detail, colour: COLOUR.muted },
        { text: sourceLabel(facts, path.source), size: FONT.name, weight: 'bold', maxLines: 3 },
      ],
      style: { fill: SOURCE_FILL, stroke: SEVERITY_COLOUR.high },
      maxWidth: 160,
    },
  ];
  path.steps.forEach((step, i) => {
    const asset = facts.graph.asset(step.to);
    const last = i === path.steps.length - 1;
    nodes.push({
      id: `n${String(i + 1)}`,
      kind: last ? 'target' : 'step',
      entity: step.to,
      lines: [
        ...(last
          ? [{ text: say(TEXT.target, locale), size: FONT.detail, colour: COLOUR.muted }]
          : []),
        { text: name(facts, step.to), size: FONT.name, weight: 'bold' as const, maxLines: 2 },
        ...(asset === undefined
          ? []
          : [
              {
                text: say(ASSET_KIND_TEXT[asset.kind], locale),
                size: FONT.detail,
                colour: COLOUR.muted,
              },
            ]),
        {
          text: `${step.technique.id} ${step.technique.name}`,
          size: FONT.detail,
          colour: TECHNIQUE_COLOUR,
          maxLines: 2,
        },
        {
          text: `p = ${decimal(step.probability, locale)}`,
          size: FONT.detail,
          colour: COLOUR.muted,
        },
      ],
      style: {
        fill: COLOUR.boxFill,
        stroke: last ? SEVERITY_COLOUR.high : COLOUR.boxStroke,
        strokeWidth: last ? 2 : 1,
      },
      maxWidth: 160,
    });
  });
  const edges: SceneEdge[] = path.steps.map((step, i) => ({
    id: `s${String(i)}`,
    from: `n${String(i)}`,
    to: `n${String(i + 1)}`,
    colour: COLOUR.text,
    dashed: false,
    both: false,
    flows: [step.via],
  }));
  const source = sourceLabel(facts, path.source);
  const target = name(facts, path.target);
  const score = decimal(path.score, locale);
  const title = say(TEXT.attackTitle, locale, { target, source });
  const chain = path.steps.map((s) => `${name(facts, s.to)} (${s.technique.id})`).join(' → ');
  const alt = say(TEXT.attackAlt, locale, {
    source,
    target,
    steps: path.steps.length,
    chain,
    score,
  });
  const legend: LegendItem[] = [
    {
      kind: 'box',
      label: say(TEXT.source, locale),
      fill: SOURCE_FILL,
      stroke: SEVERITY_COLOUR.high,
    },
    {
      kind: 'box',
      label: say(TEXT.target, locale),
      fill: COLOUR.boxFill,
      stroke: SEVERITY_COLOUR.high,
    },
    { kind: 'text', label: say(TEXT.legendProbability, locale) },
    { kind: 'text', label: say(TEXT.pathScore, locale, { score }) },
  ];
  const drawing = await drawScene({
    layout: 'layered',
    direction: 'RIGHT',
    nodes,
    edges,
    legend,
    ...(heading ? { heading: title } : {}),
    title,
    description: alt,
    options: {
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': '1.6',
      'elk.layered.spacing.nodeNodeBetweenLayers': '34',
    },
  });
  return { ...drawing, title, alt };
}
