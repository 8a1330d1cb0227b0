import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom, runRule } from '../../../test/support/model.js';
import { createTranslator } from '../../i18n/index.js';
import { evaluateRules } from '../analyze-rules.js';
import type { Rule } from '../rule.js';
import { compileCustomRules } from './compile.js';
import { COMPUTED } from './computed.js';
import { OPERATORS } from './parse-condition.js';

const en = createTranslator('en');
const fixture = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../test/fixtures/custom-rules/${name}`, import.meta.url)),
    'utf8',
  );

const examples = compileCustomRules(
  [{ file: 'rules/examples.yaml', text: fixture('examples.yaml') }],
  en,
);
const rule = (id: string): Rule => {
  const found = examples.rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

describe('the example rule file', () => {
  it('compiles without diagnostics', () => {
    expect(examples.diagnostics).toEqual([]);
    expect(examples.rules.map((r) => r.id)).toEqual([
      'custom-db-without-backup',
      'custom-remote-admin-from-internet',
      'custom-stale-restore-test',
    ]);
  });
});

const SMALL = `
organisation: { name: Small }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
  - { id: servers, kind: server }
assets:
  - { id: db-a, name: Base A, kind: database, zone: servers }
  - { id: db-b, kind: database, zone: servers }
  - { id: app, kind: application, zone: servers, services: [{ port: 443 }, { port: 3389 }] }
  - { id: web, kind: web-application, zone: servers, services: [{ port: 443 }, { port: 22 }] }
data:
  - { id: ventes, needs: { availability: 3 }, storedOn: [db-a] }
flows:
  - { id: f-in, from: internet, to: app, protocol: rdp, port: 3389 }
backups:
  - id: bk-a
    protects: [db-a]
    lastRestoreTest: { date: 2025-01-10, result: success }
`;

describe('custom-db-without-backup', () => {
  it('fires on a database no backup protects, and names its zone', () => {
    const findings = runRule(rule('custom-db-without-backup'), SMALL);
    expect(findings.map((f) => [f.id, f.subjects, f.severity, f.detail])).toEqual([
      ['custom-db-without-backup@db-b', ['db-b'], 'medium', 'db-b has no backup (zone servers).'],
    ]);
  });

  it('stays silent when every database is backed up', () => {
    const model = SMALL.replace('protects: [db-a]', 'protects: [db-a, db-b]');
    expect(runRule(rule('custom-db-without-backup'), model)).toEqual([]);
  });
});

describe('custom-remote-admin-from-internet', () => {
  it('fires on an Internet-reachable asset listening on RDP, with its zone related', () => {
    const findings = runRule(rule('custom-remote-admin-from-internet'), SMALL);
    expect(findings.map((f) => [f.id, f.subjects, f.detail])).toEqual([
      [
        'custom-remote-admin-from-internet@app',
        ['app', 'servers'],
        'app is reachable from the Internet and listens on 443, 3389.',
      ],
    ]);
  });

  it('stays silent for SSH on an asset the Internet does not reach', () => {
    const model = SMALL.replace(
      'to: app, protocol: rdp, port: 3389',
      'to: web, protocol: https, port: 443',
    ).replace('{ port: 22 }', '{ port: 8443 }');
    expect(runRule(rule('custom-remote-admin-from-internet'), model)).toEqual([]);
  });
});

describe('custom-stale-restore-test', () => {
  it('fires when the last restore test of a backup of a need-3 asset is over a year old', () => {
    const findings = runRule(rule('custom-stale-restore-test'), SMALL, '2026-11-28');
    expect(findings.map((f) => [f.id, f.subjects, f.severity, f.detail])).toEqual([
      [
        'custom-stale-restore-test@bk-a',
        ['bk-a', 'db-a'],
        'medium',
        'bk-a: last restore test 2025-01-10 (success).',
      ],
    ]);
  });

  it('stays silent within the year', () => {
    expect(runRule(rule('custom-stale-restore-test'), SMALL, '2025-12-01')).toEqual([]);
  });

  it('speaks French with the French template', () => {
    const { graph } = modelFrom(SMALL);
    const result = evaluateRules(graph, {
      rules: [rule('custom-stale-restore-test')],
      locale: 'fr',
      today: '2026-11-28',
    });
    expect(result.findings[0]?.detail).toBe(
      'bk-a : dernier test de restauration 2025-01-10 (success).',
    );
  });
});

describe('on the demo model', () => {
  it('finds the Internet-exposed RDP of the remote desktop server (weakness of flux-internet-rdp-tse)', () => {
    const findings = runRule(
      rule('custom-remote-admin-from-internet'),
      exampleModel('forges-de-l-est'),
    );
    expect(findings.map((f) => f.subjects[0])).toContain('srv-tse');
  });

  it('runs every example rule without failure', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const result = evaluateRules(graph, {
      rules: examples.rules,
      locale: 'fr',
      today: '2026-11-28',
    });
    expect(result.failures).toEqual([]);
  });
});

describe('the documentation', () => {
  const docs = readFileSync(
    fileURLToPath(new URL('../../../docs/custom-rules.md', import.meta.url)),
    'utf8',
  );

  it('names every operator and every computed property', () => {
    for (const operator of OPERATORS) expect(docs).toContain(`\`${operator}\``);
    for (const [kind, properties] of Object.entries(COMPUTED)) {
      for (const name of Object.keys(properties)) {
        expect(docs, `${kind}.${name}`).toContain(`\`${name}\``);
      }
    }
  });
});
