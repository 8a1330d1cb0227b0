import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../test/support/model.js';
import { createTranslator } from '../i18n/index.js';
import { loadModel } from '../model/load.js';
import type { ModelGraph } from '../model/graph.js';
import { evaluateRules } from './analyze-rules.js';
import type { Finding } from './findings.js';
import { hit, type Rule } from './rule.js';
import { countRootCausesBySeverity, groupRootCauses, type RootCause } from './root-causes.js';
import { BUILTIN_RULES } from './rules/index.js';
import { text } from './text.js';

const TODAY = '2026-11-28';

const findingsOf = (graph: ModelGraph, rules: readonly Rule[] = BUILTIN_RULES): Finding[] => [
  ...evaluateRules(graph, { rules, locale: 'en', today: TODAY }).findings,
];

/** What must not change between runs: each root cause id with its facet ids, in order. */
const shape = (causes: readonly RootCause[]): [string, string, string[]][] =>
  causes.map((c) => [c.id, c.severity, c.facets.map((f) => f.id)]);

/** A deterministic shuffle (no randomness in tests: a failure must be reproducible). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const rule = (id: string, evaluate: Rule['evaluate']): Rule => ({
  id,
  family: 'governance',
  title: text(`Title ${id}`, `Titre ${id}`),
  description: text('d', 'd'),
  rationale: text('r', 'r'),
  remediation: text('m', 'm'),
  likelihood: 2,
  impact: ['confidentiality'],
  references: { anssi: ['hygiene:1'] },
  evaluate,
});

describe('root causes of the demo', () => {
  const { graph } = exampleModel('forges-de-l-est');
  const findings = findingsOf(graph);
  const causes = groupRootCauses(findings);

  it('groups the findings of one entity into one root cause, every finding once', () => {
    expect(causes.length).toBeGreaterThan(0);
    expect(causes.length).toBeLessThan(findings.length);
    const facets = causes.flatMap((c) => c.facets.map((f) => f.id));
    expect(facets.toSorted()).toEqual(findings.map((f) => f.id).toSorted());
    const tse = causes.find((c) => c.id === 'rc@srv-tse');
    expect(tse?.facets.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'internet-exposed-admin-service@srv-tse',
        'internet-exposed-vulnerable-service@srv-tse',
        'obsolete-tls@srv-tse',
        // the sales team logs in through that exposure: a facet of it, with its own id
        'login-from-internet-without-vpn@grp-commerciaux',
      ]),
    );
    expect(tse?.severity).toBe('critical');
    // the rule ids stay traceable: each facet keeps its own finding id
    for (const facet of tse?.facets ?? [])
      expect(facet.id.startsWith(`${facet.ruleId}@`)).toBe(true);
  });

  it('gives a root cause the severity of its most severe open facet', () => {
    for (const cause of causes) {
      const open = cause.facets.filter((f) => f.status === 'open');
      const ranked = (open.length > 0 ? open : cause.facets).map((f) => f.likelihood * f.impact);
      expect(cause.likelihood * cause.impact).toBe(Math.max(...ranked));
      expect(cause.status === 'open').toBe(open.length > 0);
    }
  });

  it('gives the same ids and order whatever the order of files, rules and findings', () => {
    const dir = fileURLToPath(new URL('../../examples/forges-de-l-est/', import.meta.url));
    const sources = readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => ({ file, text: readFileSync(dir + file, 'utf8') }));
    const t = createTranslator('en');
    const reordered = loadModel(shuffled(sources, 7), { t }).graph;
    const again = groupRootCauses(findingsOf(reordered, shuffled(BUILTIN_RULES, 11)));
    expect(shape(again)).toEqual(shape(causes));
    expect(shape(groupRootCauses(shuffled(findings, 3)))).toEqual(shape(causes));
    expect(shape(groupRootCauses(findingsOf(graph)))).toEqual(shape(causes));
  });
});

describe('groupRootCauses', () => {
  const { graph } = modelFrom(`
organisation: { id: acme, name: Acme }
assets:
  - { id: web, kind: server }
  - { id: db, kind: database }
decisions:
  - { id: dec-1, finding: second@db, status: accepted, justification: Known. }
`);

  it('follows a rule’s root cause hint, the organisation included', () => {
    const first = rule('first', () => [hit('web', text('a', 'a'))]);
    const second = rule('second', () => [
      hit('db', text('b', 'b')),
      hit('$organisation', text('c', 'c'), { rootCause: 'web' }),
    ]);
    const third = rule('third', () => [hit('web', text('d', 'd'), { rootCause: '$organisation' })]);
    const causes = groupRootCauses(findingsOf(graph, [first, second, third]));
    expect(shape(causes)).toEqual([
      ['rc@acme', 'medium', ['third@web']],
      ['rc@web', 'medium', ['first@web', 'second@acme']],
      // closed by the accepted risk: after the open ones
      ['rc@db', 'medium', ['second@db']],
    ]);
  });

  it('counts open root causes only, closed facets do not open a root cause', () => {
    const second = rule('second', () => [hit('db', text('b', 'b'), { likelihood: 4 })]);
    const first = rule('first', () => [hit('db', text('a', 'a'))]);
    const causes = groupRootCauses(findingsOf(graph, [second, first]));
    // the accepted facet is more severe, the open one leads
    expect(shape(causes)).toEqual([['rc@db', 'medium', ['first@db', 'second@db']]]);
    expect(causes[0]?.likelihood).toBe(2);
    expect(causes[0]?.status).toBe('open');
    expect(countRootCausesBySeverity(causes)).toEqual({ critical: 0, high: 0, medium: 1, low: 0 });
    const closed = groupRootCauses(findingsOf(graph, [second]));
    expect(closed[0]?.status).toBe('accepted');
    expect(countRootCausesBySeverity(closed).medium).toBe(0);
  });
});
