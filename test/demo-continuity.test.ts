import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyseBia,
  assessBackups,
  parseScenario,
  planRecovery,
  runSavedScenarios,
  simulateScenario,
  type ScenarioResult,
} from '../src/continuity/index.js';
import { exampleModel } from './support/model.js';

const TODAY = '2026-11-28';
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const CONTINUITY = '## Faiblesses de continuité';

type FlagSource = 'bia' | 'backups' | 'schedule';

/** One thing a README row says reports the weakness (see the notation in the README). */
type Check =
  | {
      readonly kind: 'flag';
      readonly source: FlagSource;
      readonly code: string;
      readonly subject: string;
      readonly text: string;
    }
  | {
      readonly kind: 'scenario';
      readonly scenario: string;
      readonly what: 'backup-lost' | 'rto-missed' | 'missing';
      readonly code?: string;
      readonly subject: string;
      readonly text: string;
    };

interface Row {
  readonly number: number;
  readonly text: string;
  readonly entities: readonly string[];
  /** Code spans of the last column that do not follow the notation. */
  readonly unreadable: readonly string[];
  readonly checks: readonly Check[];
}

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const FLAG = new RegExp(`^(bia|backups|schedule)/(${ID})@(${ID})$`);
const SCENARIO = new RegExp(`^(\\S+) → (backup-lost|rto-missed|missing/(${ID}))@(${ID})$`);

/** A check written `bia/<code>@<id>`, `backups/…`, `schedule/…` or `<scenario> → …@<id>`. */
function parseCheck(span: string): Check | undefined {
  const flag = FLAG.exec(span);
  if (flag !== null) {
    const [, source = '', code = '', subject = ''] = flag;
    return { kind: 'flag', source: source as FlagSource, code, subject, text: span };
  }
  const scenario = SCENARIO.exec(span);
  if (scenario === null) return undefined;
  const [, name = '', what = '', code, subject = ''] = scenario;
  return {
    kind: 'scenario',
    scenario: name,
    what: what.startsWith('missing/') ? 'missing' : (what as 'backup-lost' | 'rto-missed'),
    ...(code === undefined ? {} : { code }),
    subject,
    text: span,
  };
}

/** The level-2 section of a README that starts with `heading`, up to the next one. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(heading);
  if (start === -1) return '';
  const rest = readme.slice(start);
  const end = rest.indexOf('\n## ', heading.length);
  return end === -1 ? rest : rest.slice(0, end);
}

const spans = (markdown: string): string[] =>
  [...markdown.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

/** The numbered rows of the continuity weaknesses table. */
function readRows(readme: string): Row[] {
  return section(readme, CONTINUITY)
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const written = spans(cells[4] ?? '');
      const checks = written.map(parseCheck);
      return {
        number: Number(cells[1]),
        text: cells[2] ?? '',
        entities: spans(cells[3] ?? ''),
        unreadable: written.filter((_, index) => checks[index] === undefined),
        checks: checks.filter((check): check is Check => check !== undefined),
      };
    });
}

/** Every example folder whose README has a continuity weaknesses table. */
function demos(): { name: string; rows: Row[] }[] {
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .filter((name) => existsSync(`${EXAMPLES}${name}/README.md`))
    .map((name) => ({ name, text: readFileSync(`${EXAMPLES}${name}/README.md`, 'utf8') }))
    .filter(({ text }) => text.includes(CONTINUITY))
    .map(({ name, text }) => ({ name, rows: readRows(text) }));
}

const SEVERE = new Set(['high', 'critical']);

describe('the demos with continuity weaknesses are found', () => {
  it('includes the Forges de l’Est', () => {
    expect(demos().map((demo) => demo.name)).toContain('forges-de-l-est');
  });
});

describe.each(demos())('continuity weaknesses of demo $name', ({ name, rows }) => {
  const { graph, diagnostics } = exampleModel(name);
  const flags = {
    bia: analyseBia(graph).flags,
    backups: assessBackups(graph, { today: TODAY }).flags,
    schedule: planRecovery(graph).issues,
  };
  const simulations = new Map<string, ScenarioResult | string>();
  /** The result of a scenario, or why it could not be run. */
  const simulate = (scenario: string): ScenarioResult | string => {
    const known = simulations.get(scenario);
    if (known !== undefined) return known;
    const parsed = parseScenario(scenario);
    const result = parsed.ok
      ? simulateScenario(graph, parsed.spec, { today: TODAY })
      : `does not parse: ${parsed.message.en}`;
    const outcome =
      typeof result !== 'string' && result.error !== undefined ? result.error.en : result;
    simulations.set(scenario, outcome);
    return outcome;
  };

  /** Why a check is not met, or undefined when the engines report it. */
  function unmet(check: Check): string | undefined {
    if (check.kind === 'flag') {
      const found = flags[check.source].some(
        (flag) => flag.code === check.code && flag.subjects[0] === check.subject,
      );
      return found ? undefined : `${check.text}: no such ${check.source} flag`;
    }
    const result = simulate(check.scenario);
    if (typeof result === 'string') return `${check.text}: ${result}`;
    const found =
      check.what === 'backup-lost'
        ? result.backups.some((b) => b.backup === check.subject && !b.survives)
        : check.what === 'rto-missed'
          ? result.processes.some(
              (p) =>
                p.process === check.subject &&
                (p.rtoStatus === 'missed' || p.rtoStatus === 'unrecoverable'),
            )
          : result.missing.some((m) => m.code === check.code && m.subjects.includes(check.subject));
    return found ? undefined : `${check.text}: not in the scenario's result`;
  }

  it('loads without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads a numbered table whose rows name entities of the model and say what reports them', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.number)).toEqual(rows.map((_, index) => index + 1));
    for (const row of rows) {
      const label = `#${String(row.number)} ${row.text}`;
      expect(row.entities.length, label).toBeGreaterThan(0);
      expect(row.checks.length, label).toBeGreaterThan(0);
      expect(row.unreadable, label).toEqual([]);
      expect(
        row.entities.filter((id) => !graph.has(id)),
        label,
      ).toEqual([]);
      // what a check names is one of the row's entities
      expect(
        row.checks.map((check) => check.subject).filter((id) => !row.entities.includes(id)),
        label,
      ).toEqual([]);
    }
  });

  it.each(rows.map((row) => [row.number, row] as const))(
    'reports continuity weakness #%i',
    (_number, row) => {
      const missing = row.checks.map(unmet).filter((why) => why !== undefined);
      expect(missing, `#${String(row.number)} ${row.text}`).toEqual([]);
    },
  );

  it('runs every saved scenario without error', () => {
    const runs = runSavedScenarios(graph, { today: TODAY });
    expect(runs.length).toBe(graph.model.organisation?.continuity?.scenarios?.length ?? 0);
    const failed = runs
      .filter((run) => run.result.error !== undefined)
      .map((run) => `${run.id}: ${run.result.error?.en ?? ''}`);
    expect(failed).toEqual([]);
  });
});

describe('the minimal example', () => {
  it('raises no high or critical continuity point', () => {
    const { graph } = exampleModel('minimal');
    const severe = [
      ...analyseBia(graph).flags,
      ...assessBackups(graph, { today: TODAY }).flags,
      ...planRecovery(graph).issues,
    ].filter((flag) => SEVERE.has(flag.severity));
    expect(severe.map((flag) => `${flag.code}: ${flag.message.en}`)).toEqual([]);
  });
});
