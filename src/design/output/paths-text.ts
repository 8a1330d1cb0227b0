import type { Locale } from '../../i18n/index.js';
import { COST_CLASS_LABELS } from '../attack/remedies.js';
import type { AttackPath, AttackPathAnalysis, ChokePoint } from '../attack/index.js';

/** The assets a path crosses, from the source: `internet → srv-tse → srv-ad-01`. */
export function pathRoute(path: AttackPath): string {
  const hops = [path.source, ...path.steps.map((step) => step.to)];
  return hops.filter((hop, index) => hop !== hops[index - 1]).join(' → ');
}

/** Rows for a terminal table of the most likely paths. */
export function pathRows(paths: readonly AttackPath[], limit: number): string[][] {
  return paths
    .slice(0, limit)
    .map((path) => [
      `${(path.score * 100).toFixed(1)} %`,
      path.target,
      pathRoute(path),
      path.steps.map((step) => step.technique.id).join(' '),
    ]);
}

/** Rows for a terminal table of choke points. */
export function chokeRows(
  points: readonly ChokePoint[],
  limit: number,
  locale: Locale,
): string[][] {
  return points
    .slice(0, limit)
    .map((point) => [
      String(point.pathsCut),
      point.id,
      point.action[locale],
      COST_CLASS_LABELS[point.cost][locale],
      String(point.targets.length),
    ]);
}

const code = (value: string): string => `\`${value.replace(/`/g, '')}\``;

/** Attack paths and choke points as Markdown sections. */
export function pathsToMarkdown(analysis: AttackPathAnalysis, locale: Locale, limit = 20): string {
  const fr = locale === 'fr';
  const lines = [`## ${fr ? 'Chemins d’attaque' : 'Attack paths'}`, ''];
  lines.push(
    fr
      ? `${analysis.sources.length} sources de menace, ${analysis.targets.length} cibles, ${analysis.paths.length} chemins ; les ${Math.min(limit, analysis.paths.length)} plus vraisemblables :`
      : `${analysis.sources.length} threat sources, ${analysis.targets.length} targets, ${analysis.paths.length} paths; the ${Math.min(limit, analysis.paths.length)} most likely:`,
    '',
  );
  for (const path of analysis.paths.slice(0, limit)) {
    lines.push(
      `### ${code(path.source)} → ${code(path.target)} (${(path.score * 100).toFixed(1)} %)`,
      '',
    );
    path.steps.forEach((step, index) => {
      lines.push(
        `${index + 1}. ${code(step.from)} → ${code(step.to)} — ${step.explanation[locale]} (ATT&CK ${step.technique.id} ${step.technique.name})`,
      );
    });
    lines.push('');
  }
  lines.push(`## ${fr ? 'Points de coupure' : 'Choke points'}`, '');
  lines.push(
    `| ${fr ? 'chemins coupés' : 'paths cut'} | ${fr ? 'élément' : 'element'} | ${fr ? 'action' : 'action'} | ${fr ? 'coût' : 'cost'} | ${fr ? 'cibles' : 'targets'} |`,
    '|---:|---|---|---|---:|',
  );
  for (const point of analysis.chokePoints.slice(0, limit)) {
    lines.push(
      `| ${point.pathsCut} | ${code(point.id)} | ${point.action[locale].replace(/\|/g, '\\|')} | ${COST_CLASS_LABELS[point.cost][locale]} | ${point.targets.length} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
