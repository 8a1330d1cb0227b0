import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';

const demo = join(root, 'examples', 'forges-de-l-est');
const minimal = join(root, 'examples', 'minimal');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-analyze-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * The SARIF 2.1.0 JSON Schema (final "rtm.5" version, draft-04), as shipped in the npm package
 * `@microsoft/sarif-matcher-utils` (MIT). Its `language` pattern is only valid without the
 * regular expressions' unicode flag, hence `unicodeRegExp: false`.
 */
function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
  const ajv = new Ajv04.default({
    strict: false,
    allErrors: true,
    validateFormats: false,
    unicodeRegExp: false,
  });
  return ajv.compile(schema);
}

describe('vigie analyze', () => {
  it('prints the JSON contract: findings, attack paths and choke points', async () => {
    const out = await vigie(['analyze', demo, '--format', 'json', '--today', '2026-11-28']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as {
      findings: {
        id: string;
        ruleId: string;
        severity: string;
        title: string;
        subjects: string[];
        decision?: unknown;
      }[];
      rootCauses: { id: string; findings: string[] }[];
      attackPaths: { source: string; target: string; steps: unknown[]; score: number }[];
      chokePoints: { id: string; pathsCut: number }[];
    };
    expect(json.findings.length).toBeGreaterThan(50);
    // every finding is the facet of exactly one root cause; several share srv-tse's exposure
    expect(json.rootCauses.flatMap((c) => c.findings).toSorted()).toEqual(
      json.findings.map((f) => f.id).toSorted(),
    );
    expect(json.rootCauses.find((c) => c.id === 'rc@srv-tse')?.findings.length).toBeGreaterThan(3);
    for (const finding of json.findings) {
      expect(finding.id).toBe(`${finding.ruleId}@${finding.id.split('@')[1] ?? ''}`);
      expect(['critical', 'high', 'medium', 'low']).toContain(finding.severity);
      expect(finding.subjects.length).toBeGreaterThan(0);
    }
    const overdue = json.findings.find((f) => f.id === 'unsupported-os@ews-automatisme');
    expect(overdue?.decision).toMatchObject({ expired: true });
    expect(json.attackPaths.some((p) => p.source === 'internet' && p.target === 'srv-tse')).toBe(
      true,
    );
    expect(json.chokePoints.some((c) => c.id === 'flow:flux-internet-rdp-tse')).toBe(true);
  });

  it('counts root causes in the table, the findings of each under it', async () => {
    const out = await vigie(['analyze', demo, '--no-paths', '--today', '2026-11-28']);
    const json = JSON.parse(
      (await vigie(['analyze', demo, '--no-paths', '--format', 'json', '--today', '2026-11-28']))
        .stdout,
    ) as { findings: unknown[]; rootCauses: unknown[] };
    expect(out.stdout).toContain(
      `${String(json.rootCauses.length)} root cause(s) (${String(json.findings.length)} finding(s))`,
    );
    expect(out.stdout).toMatch(
      /rc@srv-tse +Administration service reachable from the Internet \(\d+ findings, one root cause\)/,
    );
    expect(out.stdout).toMatch(/\n\S+ {3,}obsolete-tls@srv-tse /);
    const fr = await vigie(['analyze', demo, '--no-paths', '--lang', 'fr']);
    expect(fr.stdout).toMatch(/\d+ cause\(s\) racine\(s\) \(\d+ constat\(s\)\)/);
  });

  it('fails on high findings for the demo, not for the minimal example', async () => {
    expect((await vigie(['analyze', demo, '--fail-on', 'high', '--no-paths'])).code).toBe(1);
    const out = await vigie(['analyze', minimal, '--fail-on', 'high']);
    expect(out.code).toBe(0);
  });

  it('writes SARIF that a viewer can load', async () => {
    const out = await vigie([
      'analyze',
      demo,
      '--format',
      'sarif',
      '--no-paths',
      '--today',
      '2026-11-28',
    ]);
    const log = JSON.parse(out.stdout) as {
      runs: {
        results: {
          ruleId: string;
          ruleIndex: number;
          suppressions?: unknown[];
          locations: { physicalLocation?: { region: { startLine: number } } }[];
        }[];
        tool: { driver: { rules: { id: string }[] } };
      }[];
    };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // the validator does reject what is not SARIF
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(
      validate({
        ...log,
        runs: [{ ...log.runs[0], results: [{ level: 'critical', message: { text: 'x' } }] }],
      }),
    ).toBe(false);
    const [runLog] = log.runs;
    const results = runLog?.results ?? [];
    expect(results.length).toBeGreaterThan(50);
    for (const result of results) {
      expect(runLog?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.locations[0]?.physicalLocation?.region.startLine).toBeGreaterThan(0);
    }
    // the accepted risk on the Web site is a suppression, not an open result
    expect(results.some((r) => (r.suppressions ?? []).length > 0)).toBe(true);
  });

  it('writes CSV and Markdown, in French too', async () => {
    const csv = await vigie(['analyze', demo, '--format', 'csv', '--no-paths', '--lang', 'fr']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toContain('gravité');
    expect(lines.length).toBeGreaterThan(50);
    const markdown = await vigie(['analyze', demo, '--format', 'markdown']);
    expect(markdown.stdout).toContain('## Findings');
    expect(markdown.stdout).toContain('## Attack paths');
    expect(markdown.stdout).toContain('## Choke points');
  });

  it('refuses an invalid model with exit 2 and located diagnostics', async () => {
    const dir = join(scratch, 'invalid');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'model.yaml'),
      'organisation: { name: X }\nassets:\n  - { id: a, kind: server, zone: nowhere }\n',
    );
    const out = await vigie(['analyze', dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/model\.yaml:3:\d+ error unknown-reference/);
  });

  it('refuses a bad --k before reading the model', async () => {
    const out = await vigie(['analyze', join(scratch, 'invalid'), '--k', '0']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--k expects a whole number from 1 to 20.');
    expect(out.stderr).not.toContain('unknown-reference');
  });
});

describe('custom rules', () => {
  it('runs the rules of <model>/rules with the built-in ones', async () => {
    const dir = join(scratch, 'custom');
    cpSync(minimal, dir, { recursive: true });
    mkdirSync(join(dir, 'rules'));
    writeFileSync(
      join(dir, 'rules', 'local.yaml'),
      `rules:
  - id: custom-router-without-logs
    family: logging
    title: { en: Router without logs, fr: Routeur sans journaux }
    description: { en: A router sends no logs at all., fr: Un routeur n’envoie aucun journal. }
    rationale: { en: Without logs nothing can be investigated., fr: Sans journaux rien ne peut être analysé. }
    remediation: { en: Send the router logs to the collector., fr: Envoyer les journaux du routeur au collecteur. }
    likelihood: 2
    impact: [proof]
    references: { anssi: [logging:R5] }
    select: assets
    where:
      - kind: router
      - logging: { exists: false }
    detail: { en: "{name} sends no logs", fr: "{name} n’envoie aucun journal" }
`,
    );
    const rules = await vigie(['rules', '--model', dir, '--format', 'json']);
    expect(rules.code).toBe(0);
    const listed = JSON.parse(rules.stdout) as { id: string; origin: string }[];
    expect(listed.find((r) => r.id === 'custom-router-without-logs')?.origin).toBe('custom');
    const json = JSON.parse(
      (await vigie(['analyze', dir, '--format', 'json', '--no-paths'])).stdout,
    ) as {
      findings: { ruleId: string }[];
    };
    expect(json.findings.map((f) => f.ruleId)).toContain('custom-router-without-logs');
    // the model loader does not read the rules folder as model files
    expect((await vigie(['validate', dir])).code).toBe(0);
  });

  it('reports a broken rule file with its location and exit 2', async () => {
    const dir = join(scratch, 'broken-rules');
    cpSync(minimal, dir, { recursive: true });
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'bad.yaml'), 'rules:\n  - id: Bad Id\n    select: nothing\n');
    const out = await vigie(['analyze', dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/bad\.yaml:2:\d+ error/);
    expect(out.stdout).toBe('');
  });
});

describe('vigie rules, needs and import', () => {
  it('lists at least 40 rules with their metadata', async () => {
    const json = JSON.parse((await vigie(['rules', '--format', 'json'])).stdout) as {
      id: string;
      title: { fr: string; en: string };
      references: { anssi: string[] };
    }[];
    expect(json.length).toBeGreaterThanOrEqual(40);
    for (const rule of json) {
      expect(rule.title.fr.length).toBeGreaterThan(0);
      expect(rule.references.anssi.length).toBeGreaterThan(0);
    }
    expect((await vigie(['rules', '--lang', 'fr'])).stdout).toContain('règle(s)');
  });

  it('prints needs, regulations, EBIOS framing and a spec analysis', async () => {
    const out = await vigie([
      'needs',
      demo,
      '--format',
      'json',
      '--today',
      '2026-11-28',
      '--spec',
      join(root, 'examples', 'specs', 'portail-fournisseurs.yaml'),
    ]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as {
      regulations: { id: string; applies: string }[];
      spec: { requirements: { id: string }[]; questions: unknown[] };
    };
    expect(json.regulations.find((r) => r.id === 'gdpr')?.applies).toBe('yes');
    expect(json.regulations.find((r) => r.id === 'nis2')?.applies).toBe('yes');
    expect(json.spec.requirements.length).toBeGreaterThan(5);
    const markdown = await vigie(['needs', demo, '--format', 'markdown', '--lang', 'fr']);
    expect(markdown.stdout).toContain('# ');
    expect(markdown.stdout).toMatch(/RGPD/);
  });

  it('analyses a spec on its own, without a model', async () => {
    const out = await vigie([
      'needs',
      '--spec',
      join(root, 'examples', 'specs', 'portail-fournisseurs.yaml'),
      '--format',
      'json',
    ]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as {
      needs?: unknown;
      spec: { requirements: unknown[]; questions: unknown[] };
    };
    expect(json.needs).toBeUndefined();
    expect(json.spec.requirements.length).toBeGreaterThan(3);
    expect((await vigie(['needs'])).code).toBe(2);
  });

  it('reports a broken spec with located diagnostics', async () => {
    const spec = join(scratch, 'spec.yaml');
    writeFileSync(spec, 'id: projet\ntitle: Projet\npurpose: [\n');
    const out = await vigie(['needs', demo, '--spec', spec]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/spec\.yaml:\d+:\d+ error yaml-syntax/);
  });

  it('imports the Threagile example into a model that validates and analyses', async () => {
    const dir = join(scratch, 'threagile');
    const source = join(root, 'test', 'fixtures', 'threagile', 'threagile-example-model.yaml');
    const out = await vigie(['import', 'threagile', source, '-o', dir]);
    expect(out.code).toBe(0);
    expect((await vigie(['validate', dir])).code).toBe(0);
    const analysis = JSON.parse((await vigie(['analyze', dir, '--format', 'json'])).stdout) as {
      findings: unknown[];
    };
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect((await vigie(['import', 'threagile', source, '-o', dir])).code).toBe(2);
    expect(readFileSync(join(dir, 'assets.yaml'), 'utf8')).toContain('yaml-language-server');
  });
});
