import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../../test/support/model.js';
import type { ModelGraph } from '../../../model/graph.js';
import { evaluateRules } from '../../analyze-rules.js';
import { findingSubject, type Finding } from '../../findings.js';
import { analyseNeeds } from '../../needs.js';
import { assessBaseline } from '../baseline.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { text } from '../../text.js';
import { EVIDENCE_CHECKS, type Evidence, type EvidenceCheck } from './index.js';
import { defineEvidenceCheck, disputes, rulesJudging } from './types.js';

/**
 * The hygiene baseline (`vigie needs`) and the findings judge the same facts: evidence that
 * supports a measure names no entity an open finding of a judging rule is about (its subject;
 * a finding about the whole organisation is matched by the mail checks' own test), and evidence
 * that contradicts a measure is backed by a finding (open or accepted) or by a documented
 * reason that no rule judges that fact (`unjudged`).
 */

const TODAY = '2026-11-28';

/** What the baseline says and the findings deny, one line each. */
function disagreements(
  graph: ModelGraph,
  checks: readonly EvidenceCheck[] = EVIDENCE_CHECKS,
): string[] {
  const needs = analyseNeeds(graph);
  const { findings } = evaluateRules(graph, {
    rules: BUILTIN_RULES,
    locale: 'en',
    today: TODAY,
    needs,
  });
  const organisation = graph.model.organisation?.id;
  const touches = (e: Evidence, f: Finding): boolean =>
    f.subjects.some((s) => e.entities.includes(findingSubject(s, organisation)));
  const result: string[] = [];
  for (const check of checks) {
    const judging = new Set(rulesJudging(check).map((r) => r.id));
    const relevant = findings.filter((f) => judging.has(f.ruleId));
    const context = { model: graph.model, graph, needs, today: TODAY };
    for (const e of check.evaluate(context)) {
      if (e.effect === 'supports') {
        const disputing = relevant.filter(
          (f) =>
            f.status === 'open' &&
            disputes(findingSubject(f.subjects[0] ?? '', organisation), e, context),
        );
        for (const f of disputing)
          result.push(`${check.id} supports [${e.entities.join(', ')}] but ${f.id} is open`);
      } else if (check.unjudged === undefined) {
        const backed = relevant.some(
          (f) => (f.status === 'open' || f.status === 'accepted') && touches(e, f),
        );
        if (!backed) result.push(`${check.id} contradicts with no finding: ${e.text.en}`);
      }
    }
  }
  return result;
}

/** The evidence of one measure on a model. */
function evidenceOf(graph: ModelGraph, measure: number): Evidence[] {
  const needs = analyseNeeds(graph);
  return EVIDENCE_CHECKS.filter((c) => c.measure === measure).flatMap((c) => [
    ...c.evaluate({ model: graph.model, graph, needs, today: TODAY }),
  ]);
}

const effects = (list: readonly Evidence[]): string[] => list.map((e) => e.effect);

const examplesDir = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const examples = readdirSync(examplesDir).filter(
  (name) =>
    existsSync(`${examplesDir}${name}/organisation.yaml`) ||
    existsSync(`${examplesDir}${name}/model.yaml`),
);

describe('the hygiene baseline agrees with the rules', () => {
  it('runs on the demo organisations', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['clinique-des-cedres', 'forges-de-l-est', 'maison-lumen']),
    );
  });

  it.each(examples)('on %s', (name) => {
    const { graph } = exampleModel(name);
    expect(disagreements(graph)).toEqual([]);
  });

  it('every check that contradicts a measure names the rules judging it, or why none does', () => {
    for (const check of EVIDENCE_CHECKS) {
      for (const [rule, reason] of Object.entries(check.unrelated)) {
        expect(BUILTIN_RULES.some((r) => r.id === rule)).toBe(true);
        expect(reason).not.toBe('');
      }
      if (check.unjudged !== undefined) expect(check.rules).toEqual([]);
    }
  });

  it('catches a check that ignores a rule’s exemption', () => {
    // an HTTP flow to the proxy: cleartext-protocol leaves it out (the proxy is where TLS starts)
    const { graph } = modelFrom(`organisation: { id: org, name: T }
zones: [{ id: lan, kind: user }, { id: srv, kind: server }]
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: proxy, kind: proxy, zone: srv }
flows:
  - { id: web, from: pc, to: proxy, protocol: http }
`);
    const naive = defineEvidenceCheck('naive', 21, text('naive', 'naïf'), ({ model }, e) =>
      model.flows
        .filter((f) => f.protocol === 'http')
        .map((f) => e.contradicts([f.id], f.id, f.id)),
    );
    expect(disagreements(graph, [naive])).toEqual(['naive contradicts with no finding: web']);
    // a check that claims support for what a finding disputes, built without the shared filter
    const boastful: EvidenceCheck = {
      ...naive,
      id: 'boastful',
      evaluate: () => [
        {
          measure: 21,
          check: 'boastful',
          effect: 'supports',
          entities: ['pc'],
          text: text('', ''),
        },
      ],
    };
    expect(disagreements(graph, [boastful])).toEqual([]);
    const wifi = modelFrom(`organisation: { id: org, name: T }
assets: [{ id: ap, kind: wifi-ap, wifi: { security: wep } }]
`);
    const claims = (check: string, measure: number): EvidenceCheck => ({
      ...naive,
      id: check,
      measure,
      evaluate: () => [
        { measure, check, effect: 'supports', entities: ['ap'], text: text('', '') },
      ],
    });
    expect(disagreements(wifi.graph, [claims('claims', 20)])).toEqual([
      'claims supports [ap] but weak-wifi-security@ap is open',
    ]);
    expect(disagreements(graph)).toEqual([]);
    expect(effects(evidenceOf(graph, 21))).toEqual([]);
  });
});

describe('a measure no dedicated check covers', () => {
  const yaml = `organisation: { id: org, name: T }
identities:
  - { id: admins, kind: group, privileged: true }
  - { id: svc-backup, kind: service-account, memberOf: [admins] }
measures:
  - { id: m9, hygiene: 9, status: implemented }
`;

  it('is contradicted by the findings of the rules citing it, and no longer implemented', () => {
    const { graph } = modelFrom(yaml);
    const item = assessBaseline(graph, TODAY).items.find((i) => i.measure.number === 9);
    expect(item?.evidence.map((e) => [e.check, e.effect, ...e.entities])).toEqual([
      ['rule-findings-9', 'contradicts', 'svc-backup'],
    ]);
    expect(item?.effective).toBe('partial');
    expect(disagreements(graph)).toEqual([]);
  });

  it('is left as declared once the finding is marked mitigated', () => {
    const { graph } = modelFrom(`${yaml}decisions:
  - id: dec-svc
    finding: service-account-privileged@svc-backup
    status: mitigated
    justification: the account is disabled outside the backup window
    owner: admins
    date: 2026-01-01
    reviewDate: 2027-01-01
`);
    const item = assessBaseline(graph, TODAY).items.find((i) => i.measure.number === 9);
    expect(item?.evidence).toEqual([]);
    expect(item?.effective).toBe('implemented');
  });
});

/** Small models, each around one exemption of a rule: the evidence follows the rule. */
const EXEMPTIONS: readonly {
  readonly name: string;
  readonly measure: number;
  readonly yaml: string;
  /** The effects of the measure's evidence once it follows the rules. */
  readonly effects: readonly string[];
}[] = [
  {
    name: 'a privileged login from the Internet is no administration from a user zone (28)',
    measure: 28,
    yaml: `zones: [{ id: net, kind: internet }, { id: adm, kind: admin }]
identities:
  - { id: alice, kind: person, privileged: true, mfa: true, loginFrom: [net] }
`,
    effects: ['supports'],
  },
  {
    name: 'a server of the admin zone reaching a SaaS is not an administration workstation (27)',
    measure: 27,
    yaml: `zones: [{ id: adm, kind: admin }, { id: cloud, kind: cloud }]
assets:
  - { id: bastion, kind: server, zone: adm }
  - { id: crm, kind: saas, zone: cloud }
flows:
  - { id: sync, from: bastion, to: crm, protocol: https }
`,
    effects: [],
  },
  {
    name: 'a cleartext flow in an encrypted tunnel is not cleartext (21, 25)',
    measure: 25,
    yaml: `zones: [{ id: lan, kind: server }, { id: partner, kind: partner }]
assets:
  - { id: ftp, kind: server, zone: lan }
  - { id: bank, kind: server, zone: partner }
flows:
  - { id: edi, from: ftp, to: bank, protocol: ftp, encryption: ipsec }
`,
    effects: [],
  },
  {
    name: 'a finding marked false positive does not contradict the measure (8)',
    measure: 8,
    yaml: `identities:
  - { id: kiosk, kind: person, shared: true }
decisions:
  - id: dec-kiosk
    finding: shared-account@kiosk
    status: false-positive
    justification: one person per shift, named in the roster
    owner: kiosk
    date: 2026-01-01
    reviewDate: 2027-01-01
`,
    effects: [],
  },
  {
    name: 'an accepted risk is still a gap in the measure (8)',
    measure: 8,
    yaml: `identities:
  - { id: kiosk, kind: person, shared: true }
decisions:
  - id: dec-kiosk
    finding: shared-account@kiosk
    status: accepted
    justification: replaced next year
    owner: kiosk
    date: 2026-01-01
    reviewDate: 2027-01-01
`,
    effects: ['contradicts'],
  },
  {
    name: 'an operating system past its end of life per the lifecycle table contradicts (35)',
    measure: 35,
    yaml: `assets:
  - { id: old, kind: workstation, os: { name: Windows, version: '7' } }
`,
    effects: ['contradicts'],
  },
  {
    name: 'an immutable replica with a restore test is no backup (37)',
    measure: 37,
    yaml: `data:
  - { id: ledger, name: Ledger, needs: { availability: 4, integrity: 4 }, storedOn: [db] }
assets:
  - { id: db, kind: database, redundancy: { mode: none } }
  - { id: db2, kind: database }
backups:
  - id: mirror
    protects: [db]
    method: replication
    target: db2
    immutable: true
    lastRestoreTest: { date: 2026-10-01, result: success }
`,
    effects: ['contradicts'],
  },
];

describe.each(EXEMPTIONS)('$name', ({ measure, yaml, effects: expected }) => {
  const { graph } = modelFrom(`organisation: { id: org, name: T }\n${yaml}`);

  it('the evidence says what the rules say', () => {
    expect(effects(evidenceOf(graph, measure)).sort()).toEqual([...expected].sort());
  });

  it('and nothing in the baseline contradicts a finding', () => {
    expect(disagreements(graph)).toEqual([]);
  });
});
