import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../src/design/analyze-rules.js';
import { analyseAttackPaths } from '../src/design/attack/index.js';
import type { Finding } from '../src/design/findings.js';
import { BUILTIN_RULES } from '../src/design/rules/index.js';
import { exampleModel } from './support/model.js';

const TODAY = '2026-11-28';
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const WEAKNESSES = '## Faiblesses volontaires';
const DONE_RIGHT = '## Ce qui est bien fait';

interface DemoReadme {
  readonly weaknesses: readonly { number: number; text: string; entities: string[] }[];
  readonly doneRight: readonly string[];
}

/** A level-2 section of a README, from its heading to the next one. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(heading);
  if (start === -1) return '';
  const rest = readme.slice(start);
  const end = rest.indexOf('\n## ', heading.length);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Entity ids written in backquotes (a domain name such as `example.fr` is not an id). */
const ids = (markdown: string): string[] =>
  [...markdown.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)*)`/g)].map((m) => m[1] ?? '');

/** The weaknesses table and the done-right ids of a demo's README. */
function readDemo(readme: string): DemoReadme {
  const weaknesses = section(readme, WEAKNESSES)
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return { number: Number(cells[1]), text: cells[2] ?? '', entities: ids(cells[3] ?? '') };
    });
  return { weaknesses, doneRight: [...new Set(ids(section(readme, DONE_RIGHT)))] };
}

/** Every example folder whose README documents deliberate weaknesses. */
function demos(): { name: string; readme: DemoReadme }[] {
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .filter((name) => existsSync(`${EXAMPLES}${name}/README.md`))
    .map((name) => ({ name, text: readFileSync(`${EXAMPLES}${name}/README.md`, 'utf8') }))
    .filter(({ text }) => text.includes(WEAKNESSES))
    .map(({ name, text }) => ({ name, readme: readDemo(text) }));
}

const isSevere = (finding: Finding): boolean =>
  finding.severity === 'high' || finding.severity === 'critical';

describe('the demos are found', () => {
  it('includes the Forges de l’Est and the Clinique des Cèdres', () => {
    const names = demos().map((demo) => demo.name);
    expect(names).toContain('forges-de-l-est');
    expect(names).toContain('clinique-des-cedres');
  });
});

describe.each(demos())('demo $name', ({ name, readme }) => {
  const { graph, diagnostics } = exampleModel(name);
  const { findings } = evaluateRules(graph, { rules: BUILTIN_RULES, locale: 'en', today: TODAY });
  const attack = analyseAttackPaths(graph, { today: TODAY });

  it('loads without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads a numbered weaknesses table naming entities, and done-right ids', () => {
    expect(readme.weaknesses.length).toBeGreaterThan(0);
    expect(readme.weaknesses.map((w) => w.number)).toEqual(
      readme.weaknesses.map((_, index) => index + 1),
    );
    for (const weakness of readme.weaknesses) expect(weakness.entities.length).toBeGreaterThan(0);
    expect(readme.doneRight.length).toBeGreaterThan(0);
  });

  it('names only ids of the model', () => {
    const organisationId = graph.model.organisation?.id;
    const unknown = [...readme.weaknesses.flatMap((w) => w.entities), ...readme.doneRight].filter(
      (id) => id !== organisationId && !graph.has(id),
    );
    expect(unknown).toEqual([]);
  });

  it.each(readme.weaknesses.map((w) => [w.number, w] as const))(
    'finds weakness #%i',
    (_number, weakness) => {
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
      expect(missing, `#${String(weakness.number)} ${weakness.text}`).toEqual([]);
    },
  );

  it('raises no high or critical finding on what is done right', () => {
    const doneRight = new Set(readme.doneRight);
    const severe = findings.filter((f) => isSevere(f) && doneRight.has(f.subjects[0] ?? ''));
    expect(severe.map((f) => `${f.id} (${f.severity}): ${f.detail}`)).toEqual([]);
  });
});

describe('the minimal example', () => {
  it('yields no high or critical finding', () => {
    const { graph } = exampleModel('minimal');
    const { findings } = evaluateRules(graph, { rules: BUILTIN_RULES, locale: 'en', today: TODAY });
    expect(findings.filter(isSevere)).toEqual([]);
  });
});
