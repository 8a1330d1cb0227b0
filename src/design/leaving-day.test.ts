/**
 * One meaning of the leaving day across every reader of `left`: it is the person's last day, so
 * the identity is active on it and gone from the day after. Each rule, CP1 evidence check and
 * custom-rule field that reads it must see a person whose last day is today (or tomorrow) exactly
 * as one with no leaving date, and see a person whose last day was yesterday differently.
 */
import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../test/support/model.js';
import { createTranslator } from '../i18n/index.js';
import { evaluateRules } from './analyze-rules.js';
import { EVIDENCE_CHECKS } from './cp1/evidence/index.js';
import { compileCustomRules } from './custom/compile.js';
import { analyseNeeds } from './needs.js';
import { BUILTIN_RULES } from './rules/index.js';

const TODAY = '2026-11-28';
const DAYS = { yesterday: '2026-11-27', today: TODAY, tomorrow: '2026-11-29' } as const;

/** Every identity but the groups carries the same leaving date (`LEFT` is replaced or dropped). */
const MODEL = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: ot, kind: ot }
assets:
  - { id: dc, kind: directory, zone: srv, adminInterfaces: [{ protocol: rdp, from: [internet] }] }
  - { id: erp, kind: application, zone: srv }
  - { id: modem, kind: router, zone: srv }
  - { id: plc, kind: plc, zone: ot, adminInterfaces: [{ protocol: vendor, from: [internet] }] }
data:
  - { id: annuaire, needs: { confidentiality: 3, integrity: 4 }, storedOn: [dc] }
identities:
  - { id: admins, kind: group, privileged: true }
  - id: p-admin
    kind: person
    memberOf: [admins]
    rights: [{ on: dc, level: admin }]
    loginFrom: [lan, internet]
    LEFT
  - { id: p-rights, kind: person, rights: [{ on: erp, level: admin }] LEFT }
  - { id: p-shared, kind: person, shared: true LEFT }
  - { id: p-service, kind: service-account, memberOf: [admins] LEFT }
  - id: p-vendor
    kind: third-party
    company: Acme
    privileged: true
    rights: [{ on: dc, level: admin }]
    remoteAccess: { via: modem, authentication: password, permanent: true }
    LEFT
  - id: p-ot
    kind: third-party
    remoteAccess: { via: plc, authentication: password }
    LEFT
  - { id: p-owner, kind: person LEFT }
decisions:
  - id: d-accepted
    finding: cleartext-protocol@erp
    status: accepted
    justification: Legacy application, replaced next year.
    owner: p-owner
`;

/** A custom rule that reads the computed `active` field. */
const CUSTOM = compileCustomRules(
  [
    {
      file: 'rules.yaml',
      text: `rules:
  - id: custom-active
    family: identities
    title: { en: Active, fr: Actif }
    description: { en: D, fr: D }
    rationale: { en: R, fr: R }
    remediation: { en: M, fr: M }
    likelihood: 1
    impact: [integrity]
    references: { anssi: ['hygiene:6'] }
    select: identities
    where: { active: true }
    detail: { en: '{id}', fr: '{id}' }
`,
    },
  ],
  createTranslator('en'),
);

/** The rules that read the leaving date (through `isActive` / `hasLeft`); every rule is checked. */
const RULE_IDS = [
  'admin-login-from-user-zone',
  'admin-rights-without-privileged-flag',
  'admin-without-mfa',
  'internet-exposed-admin-service',
  'leaver-still-active',
  'login-from-internet-without-vpn',
  'no-admin-zone',
  'ot-internet-connection',
  'remote-access-bypassing-perimeter',
  'risk-decision-without-owner',
  'service-account-privileged',
  'shared-account',
  'third-party-access-without-mfa',
  'third-party-permanent-access',
] as const;

/** The CP1 evidence checks that read the leaving date; every check is checked. */
const EVIDENCE_IDS = [
  'admin-network',
  'leavers-still-active',
  'privileged-without-mfa',
  'remote-working',
  'shared-accounts',
  'third-party-access',
] as const;

/** What every rule and CP1 check says when each person's last day is `left` (none: no date). */
function outputs(left: string | undefined): Map<string, string> {
  const yaml = MODEL.replaceAll(/(\s*)LEFT/g, (_: string, space: string) =>
    left === undefined ? '' : `${space.includes('\n') ? space : ', '}left: ${left}`,
  );
  const { graph } = modelFrom(yaml);
  const result = new Map<string, string>();
  const rules = [...BUILTIN_RULES, ...CUSTOM.rules];
  const evaluated = evaluateRules(graph, { rules, locale: 'en', today: TODAY });
  if (evaluated.failures.length > 0) throw new Error(evaluated.failures[0]?.message);
  for (const rule of rules) {
    const findings = evaluated.findings
      .filter((f) => f.ruleId === rule.id)
      .map((f) => [f.id, f.detail, f.likelihood, f.impact, f.subjects]);
    result.set(rule.id, JSON.stringify(findings));
  }
  const context = { graph, model: graph.model, needs: analyseNeeds(graph), today: TODAY };
  for (const check of EVIDENCE_CHECKS)
    result.set(`cp1:${check.id}`, JSON.stringify(check.evaluate(context)));
  return result;
}

/** The outputs that differ from those of the same model without any leaving date. */
const differing = (at: Map<string, string>, none: Map<string, string>): string[] =>
  [...none.keys()].filter((reader) => at.get(reader) !== none.get(reader));

describe('the leaving day (`left`) is the last day, for every reader', () => {
  const none = outputs(undefined);

  it('reaches every reader: each one sees a person whose last day was yesterday as gone', () => {
    expect(CUSTOM.diagnostics).toEqual([]);
    // the fixture must make each reader depend on the date, or the checks below prove nothing
    const readers = [...RULE_IDS, 'custom-active', ...EVIDENCE_IDS.map((id) => `cp1:${id}`)];
    const seen = differing(outputs(DAYS.yesterday), none);
    expect(readers.filter((reader) => !seen.includes(reader))).toEqual([]);
  });

  it.each([
    ['on the last day', DAYS.today],
    ['before the last day', DAYS.tomorrow],
  ])('sees the identity as active %s, like one with no leaving date', (_, left) => {
    expect(differing(outputs(left), none)).toEqual([]);
  });
});
