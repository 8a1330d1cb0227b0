import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../design/analyze-rules.js';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import { createTranslator } from '../../i18n/index.js';
import { loadModel } from '../../model/load.js';
import { importThreagile } from './import.js';
import { threagileToYamlFiles } from './yaml-files.js';

const en = createTranslator('en');
const fixture = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../test/fixtures/threagile/${name}`, import.meta.url)),
    'utf8',
  );

const example = importThreagile(
  fixture('threagile-example-model.yaml'),
  'threagile-example-model.yaml',
  en,
);
const loadImported = (result: typeof example) =>
  loadModel(
    Object.entries(threagileToYamlFiles(result)).map(([file, text]) => ({ file, text })),
    { t: en },
  );

const byId = <T extends { id: string }>(
  list: readonly T[] | undefined,
  id: string,
): T | undefined => list?.find((item) => item.id === id);

describe('the Threagile example', () => {
  const { files } = example;

  it('converts every element, with exact counts', () => {
    expect(Object.keys(files)).toEqual([
      'organisation.yaml',
      'zones.yaml',
      'assets.yaml',
      'data.yaml',
      'flows.yaml',
      'decisions.yaml',
    ]);
    // 14 technical assets + 1 shared runtime (a hypervisor)
    expect(files['assets.yaml']?.assets).toHaveLength(15);
    expect(files['data.yaml']?.data).toHaveLength(12);
    // 5 trust boundaries + the Internet zone of the `internet: true` assets
    expect(files['zones.yaml']?.zones?.map((z) => [z.id, z.kind, z.parent])).toEqual([
      ['internet', 'internet', undefined],
      ['web-dmz', 'dmz', 'application-network'],
      ['erp-dmz', 'dmz', 'application-network'],
      ['application-network', 'cloud', undefined],
      ['auth-env', 'other', 'application-network'],
      ['dev-network', 'server', undefined],
    ]);
    expect(files['flows.yaml']?.flows).toHaveLength(20);
    expect(files['decisions.yaml']?.decisions).toEqual([
      {
        id: 'decision-untrusted-deserialization-erp-system',
        finding: 'untrusted-deserialization@erp-system',
        status: 'accepted',
        justification: 'Risk accepted as tolerable [ticket: XYZ-1234; checked_by: John Doe]',
        date: '2020-01-04',
      },
    ]);
  });

  it('maps technologies, zones, runtimes and link protocols into assets', () => {
    const assets = files['assets.yaml']?.assets;
    expect(byId(assets, 'sql-database')).toMatchObject({
      kind: 'database',
      zone: 'erp-dmz',
      hostedOn: 'webapp-virtualization',
      encryptedStorage: true,
      services: [{ port: 22, protocol: 'ssh', encryption: 'ssh', authentication: 'certificate' }],
      tags: ['linux', 'mysql', 'threagile:database'],
    });
    expect(byId(assets, 'customer-client')).toMatchObject({
      kind: 'workstation',
      zone: 'internet',
    });
    expect(byId(assets, 'identity-provider')?.kind).toBe('directory');
    expect(byId(assets, 'erp-system')?.redundancy).toEqual({ mode: 'cluster' });
    // the hypervisor sits in the innermost zone that holds all its guests
    expect(byId(assets, 'webapp-virtualization')).toMatchObject({
      kind: 'hypervisor',
      zone: 'application-network',
      tags: ['vmware', 'threagile:shared-runtime'],
    });
  });

  it('maps CIA ratings to DICP needs and stored data to storedOn', () => {
    const data = files['data.yaml']?.data;
    expect(byId(data, 'customer-accounts')).toMatchObject({
      classification: 'secret',
      needs: { confidentiality: 4, integrity: 4, availability: 4 },
    });
    expect(byId(data, 'erp-logs')).toMatchObject({
      classification: 'restricted',
      needs: { confidentiality: 2, integrity: 1, availability: 1 },
      storedOn: ['erp-system'],
    });
    expect(byId(data, 'client-application-code')?.needs).toEqual({
      availability: 3,
      integrity: 4,
      confidentiality: 1,
    });
  });

  it('maps links to flows: protocol, port, encryption, VPN, authentication, data', () => {
    const flows = files['flows.yaml']?.flows;
    expect(byId(flows, 'erp-system-database-traffic')).toEqual({
      id: 'erp-system-database-traffic',
      name: 'Database Traffic',
      description: 'Link to the DB system',
      from: 'erp-system',
      to: 'sql-database',
      protocol: 'sql',
      encryption: 'none',
      authentication: 'password',
      data: ['customer-accounts', 'customer-operational-data', 'internal-business-data'],
    });
    expect(byId(flows, 'backoffice-client-erp-internal-access')).toMatchObject({
      protocol: 'https',
      port: 443,
      encryption: 'tls',
      tags: ['some-erp', 'vpn'],
    });
    expect(byId(flows, 'load-balancer-cms-content-traffic')).toMatchObject({
      protocol: 'http',
      port: 80,
      encryption: 'none',
      authentication: 'none',
    });
  });

  it('reports what it drops: sections, fields and risk tracking it cannot map', () => {
    const codes = example.diagnostics.map((d) => d.code);
    expect(example.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(codes.filter((c) => c === 'threagile-dropped-section')).toHaveLength(10);
    expect(codes.filter((c) => c === 'threagile-risk-key-dropped')).toHaveLength(4);
    expect(
      example.diagnostics.find((d) => d.code === 'threagile-risk-status-dropped'),
    ).toMatchObject({
      severity: 'warning',
      line: 1335,
      column: 13,
      path: 'risk_tracking.dos-risky-access-across-trust-boundary@*@*@*.status',
    });
    expect(
      example.diagnostics.find((d) => d.message.startsWith('Technical-asset fields'))?.message,
    ).toContain('multi_tenant');
  });

  it('writes files that load in Vigie without errors, and analyse', () => {
    const texts = threagileToYamlFiles(example);
    expect(texts['assets.yaml']).toMatch(
      /^# yaml-language-server: \$schema=\.\/vigie-model\.schema\.json\n#\n# Imported from the Threagile model "Some Example Application" \(threagile-example-model\.yaml\)/,
    );
    // the YAML text is plain data that js-yaml reads back to the same objects
    expect(load(texts['flows.yaml'] ?? '')).toEqual(example.files['flows.yaml']);
    const loaded = loadImported(example);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.model.assets).toHaveLength(15);
    expect(loaded.graph.hostsOf('sql-database')).toEqual(['webapp-virtualization']);
    const result = evaluateRules(loaded.graph, {
      rules: BUILTIN_RULES,
      locale: 'en',
      today: '2026-11-28',
    });
    expect(result.failures).toEqual([]);
  });
});

describe('the Threagile stub', () => {
  it('imports and loads without errors', () => {
    const stub = importThreagile(fixture('threagile-stub-model.yaml'), 'stub.yaml', en);
    expect(
      stub.files['assets.yaml']?.assets?.map((a) => [a.id, a.kind, a.zone, a.hostedOn]),
    ).toEqual([
      ['some-component', 'web-application', 'some-network', 'some-runtime'],
      ['some-other-component', 'web-application', undefined, 'some-runtime'],
      ['some-runtime', 'hypervisor', undefined, undefined],
    ]);
    expect(stub.files['zones.yaml']?.zones).toEqual([
      {
        id: 'some-network',
        name: 'Some Trust Boundary',
        description: 'Some Description',
        tags: ['threagile:network-dedicated-hoster'],
        kind: 'other',
      },
    ]);
    expect(loadImported(stub).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('bad input', () => {
  const run = (text: string) => importThreagile(text, 'bad.yaml', en);
  const brief = (text: string) =>
    run(text).diagnostics.map((d) => [d.code, d.severity, d.line, d.column]);

  it('reports YAML that does not parse', () => {
    expect(run('title: [oops\n')).toMatchObject({
      files: {},
      diagnostics: [{ code: 'threagile-yaml-syntax', severity: 'error' }],
    });
  });

  it('reports YAML that is not a Threagile model', () => {
    expect(brief('- a\n- b\n')).toEqual([['threagile-not-threagile', 'error', 1, 1]]);
    expect(brief('assets: []\n')).toEqual([['threagile-not-threagile', 'error', 1, 1]]);
  });

  it('reports a missing title', () => {
    expect(run('threagile_version: 1.0.0\ntechnical_assets: {}\n')).toMatchObject({
      files: {},
      diagnostics: [{ code: 'threagile-schema-required', severity: 'error', line: 1, column: 1 }],
    });
  });

  it('skips an entry without id, keeps the others, and reports dangling references', () => {
    const text = [
      'title: T',
      'technical_assets:',
      '  A:',
      '    id: a',
      '    technology: database',
      '    communication_links:',
      '      L:',
      '        target: nowhere',
      '        protocol: https',
      '  B:',
      '    technology: database',
      '',
    ].join('\n');
    const result = run(text);
    expect(result.files['assets.yaml']?.assets?.map((a) => a.id)).toEqual(['a']);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['threagile-unknown-reference', 'warning', 8, 17],
      ['threagile-entry-skipped', 'error', 11, 5],
    ]);
  });

  it('renames ids Vigie cannot use and keeps them unique', () => {
    const text =
      'title: T\ndata_assets:\n  X: { id: Some_Data }\n  Y: { id: some-data }\ntechnical_assets: {}\n';
    const result = run(text);
    expect(result.files['data.yaml']?.data?.map((d) => d.id)).toEqual(['some-data', 'some-data-2']);
    expect(result.diagnostics.filter((d) => d.code === 'threagile-id-changed')).toHaveLength(2);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(() =>
          importThreagile(`title: x\ntechnical_assets:\n${text}`, 'f.yaml', en),
        ).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
