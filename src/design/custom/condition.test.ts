import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { createTranslator } from '../../i18n/index.js';
import { evaluateRules } from '../analyze-rules.js';
import { compileCustomRules } from './compile.js';

const MODEL = modelFrom(`
organisation: { name: Ops }
zones:
  - { id: internet, kind: internet }
  - { id: site-net, kind: other }
  - { id: servers, kind: server, parent: site-net }
  - { id: lan, kind: user, parent: site-net }
assets:
  - id: hv
    kind: hypervisor
    zone: servers
  - id: db
    name: Main DB
    kind: database
    zone: servers
    hostedOn: hv
    tags: [pci]
    os: { name: Debian, supportEnd: 2024-06-30 }
    services: [{ port: 5432, protocol: postgresql }]
  - id: web
    kind: web-application
    zone: servers
    services: [{ port: 443, protocol: https, encryption: tls1.2 }, { port: 22, protocol: ssh }]
  - id: pc
    kind: workstation
    zone: lan
data:
  - { id: cards, needs: { confidentiality: 4 }, storedOn: [db] }
flows:
  - { id: f-web, from: internet, to: web, protocol: https, port: 443, encryption: tls }
  - { id: f-db, from: web, to: db, protocol: postgresql, port: 5432 }
identities:
  - { id: admins, kind: group, privileged: true }
  - { id: alice, kind: person, memberOf: [admins], left: 2026-01-31 }
  - { id: bob, kind: person, mfa: true }
backups:
  - { id: bk, protects: [db], frequency: 1d, retention: 2w }
`);

const t = createTranslator('en');

/** Ids of the entities a `where` (YAML flow text) selects. */
function select(section: string, where: string): string[] {
  const text = `rules:
  - id: custom-t
    family: segmentation
    title: { en: T, fr: T }
    description: { en: D, fr: D }
    rationale: { en: R, fr: R }
    remediation: { en: M, fr: M }
    likelihood: 1
    impact: [integrity]
    references: { anssi: ['hygiene:1'] }
    select: ${section}
    where: ${where}
    detail: { en: '{id}', fr: '{id}' }
`;
  const compiled = compileCustomRules([{ file: 'r.yaml', text }], t);
  expect(compiled.diagnostics).toEqual([]);
  const result = evaluateRules(MODEL.graph, {
    rules: compiled.rules,
    locale: 'en',
    today: '2026-11-28',
  });
  expect(result.failures).toEqual([]);
  return result.findings.map((f) => f.subjects[0] ?? '').sort();
}

describe('operators and computed properties', () => {
  it.each([
    ['assets', '{ kind: { eq: database } }', ['db']],
    ['assets', '{ kind: database }', ['db']],
    ['assets', '{ kind: { ne: database } }', ['hv', 'pc', 'web']],
    ['assets', '{ kind: { in: [database, workstation] } }', ['db', 'pc']],
    ['assets', '{ kind: { nin: [database, workstation, hypervisor] } }', ['web']],
    ['assets', '{ name: { exists: true } }', ['db']],
    ['assets', '{ name: { matches: "^Main" } }', ['db']],
    ['assets', '{ id: { contains: "e" } }', ['web']],
    ['assets', '{ tags: { contains: pci } }', ['db']],
    ['assets', '{ tags: pci }', ['db']],
    ['assets', '{ os.supportEnd: { before: today } }', ['db']],
    ['assets', '{ os.supportEnd: { after: today-3y } }', ['db']],
    ['assets', '{ services: { length: { gte: 2 } } }', ['web']],
    ['assets', '{ "services[].port": { any: { in: [22, 3389] } } }', ['web']],
    ['assets', '{ services: { any: { port: 22, encryption: { exists: false } } } }', ['web']],
    ['assets', '{ "services[].port": { all: { gt: 1000 } }, services: { exists: true } }', ['db']],
    ['assets', '{ needs.confidentiality: { gte: 3 } }', ['db', 'hv']],
    ['assets', '{ zone.kind: server, not: { hosts: { exists: true } } }', ['hv', 'web']],
    ['assets', '{ zoneKinds: { contains: other } }', ['db', 'hv', 'pc', 'web']],
    ['assets', '{ zone.parent.kind: other, zone.kind: user }', ['pc']],
    ['assets', '{ backedUp: true }', ['db']],
    ['assets', '{ internetReachable: true }', ['web']],
    ['assets', '{ hosted: { any: { data: { exists: true } } } }', ['hv']],
    ['assets', '{ hosted: { any: [{ data: { exists: true } }] } }', ['hv']],
    ['assets', '{ flowsIn: { any: [{ encrypted: false }] } }', ['db']],
    ['assets', '{ any: [{ kind: workstation }, { kind: hypervisor }] }', ['hv', 'pc']],
    ['assets', '{ all: [{ kind: database }, { edr: { exists: false } }] }', ['db']],
    ['flows', '{ fromInternet: true }', ['f-web']],
    ['flows', '{ toZone.kind: server, from.kind: web-application }', ['f-db']],
    ['flows', '{ "data[].needs.confidentiality": { any: { eq: 4 } } }', []],
    ['data', '{ backedUp: true, special: false }', ['cards']],
    ['identities', '{ privileged: true, active: false }', ['alice']],
    ['identities', '{ mfa: true }', ['bob']],
    ['backups', '{ frequency: { lte: 24h }, retention: { lt: 1mo } }', ['bk']],
    ['zones', '{ internetReachable: true }', ['servers', 'site-net']],
    ['zones', '{ assets: { length: { gte: 3 } } }', ['servers', 'site-net']],
  ])('%s where %s', (section, where, expected) => {
    expect(select(section, where)).toEqual(expected);
  });
});
