import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../src/design/analyze-rules.js';
import { analyseAttackPaths } from '../src/design/attack/index.js';
import { BUILTIN_RULES } from '../src/design/rules/index.js';
import { exampleModel } from './support/model.js';

const TODAY = '2026-11-28';

/** The weaknesses table of the demo's README: number, text and the entity ids it names. */
function weaknesses(): { number: number; text: string; entities: string[] }[] {
  const readme = readFileSync(
    new URL('../examples/forges-de-l-est/README.md', import.meta.url),
    'utf8',
  );
  const section = readme.slice(readme.indexOf('## Faiblesses volontaires'));
  const end = section.indexOf('\n## ', 5);
  return (end === -1 ? section : section.slice(0, end))
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return {
        number: Number(cells[1]),
        text: cells[2] ?? '',
        entities: [...(cells[3] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] ?? ''),
      };
    });
}

describe('every deliberate weakness of the demo is found', () => {
  const { graph } = exampleModel('forges-de-l-est');
  const { findings } = evaluateRules(graph, { rules: BUILTIN_RULES, locale: 'en', today: TODAY });
  const attack = analyseAttackPaths(graph, { today: TODAY });
  const table = weaknesses();

  it('reads the 24 weaknesses of the README', () => {
    expect(table.length).toBeGreaterThanOrEqual(24);
    for (const weakness of table) expect(weakness.entities.length).toBeGreaterThan(0);
  });

  it.each(table.map((w) => [w.number, w] as const))('weakness #%i', (_number, weakness) => {
    const named = new Set<string>();
    const organisationId = graph.model.organisation?.id;
    for (const finding of findings) {
      for (const subject of finding.subjects)
        named.add(subject === '$organisation' ? (organisationId ?? '') : subject);
    }
    for (const path of attack.paths) {
      named.add(path.target);
      for (const step of path.steps) {
        named.add(step.from);
        named.add(step.to);
        named.add(step.via);
      }
    }
    const missing = weakness.entities.filter((entity) => !named.has(entity));
    expect(missing, `#${weakness.number} ${weakness.text}`).toEqual([]);
  });
});

describe('the minimal example', () => {
  it('yields no high or critical finding', () => {
    const { graph } = exampleModel('minimal');
    const { findings } = evaluateRules(graph, { rules: BUILTIN_RULES, locale: 'en', today: TODAY });
    expect(findings.filter((f) => f.severity === 'high' || f.severity === 'critical')).toEqual([]);
  });
});
