import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import type { LoadResult } from '../../model/load.js';
import { evaluateRules } from '../analyze-rules.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { toSarif } from './sarif.js';

/**
 * The SARIF 2.1.0 JSON Schema (final "rtm.5", draft-04) of the npm package
 * `@microsoft/sarif-matcher-utils` (MIT); its `language` pattern needs non-unicode regexps.
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

interface SarifShape {
  runs: {
    results: {
      ruleId: string;
      partialFingerprints: { vigieFindingId: string };
      properties: { rootCause: string };
    }[];
    properties: { rootCauses: { id: string; findings: string[] }[] };
  }[];
}

function sarifOf(load: LoadResult, locale: 'en' | 'fr' = 'en'): SarifShape {
  const { findings } = evaluateRules(load.graph, {
    rules: BUILTIN_RULES,
    locale,
    today: '2026-11-28',
  });
  // through JSON, as the CLI writes it
  return JSON.parse(
    JSON.stringify(
      toSarif({
        rules: BUILTIN_RULES,
        findings,
        locale,
        version: '0.0.0',
        locate: (id) => load.locate(id),
      }),
    ),
  ) as SarifShape;
}

const grouped = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: lan, kind: user }
assets:
  - id: tse
    kind: server
    zone: lan
    os: { name: Windows Server, version: 2012 R2, supportEnd: 2023-10-10 }
    services:
      - { protocol: rdp, port: 3389, encryption: tls1.0, vulnerabilities: [CVE-2019-1181] }
flows:
  - { id: flux-rdp, from: internet, to: tse, protocol: rdp, port: 3389 }
`;

describe('SARIF with root causes', () => {
  const validate = sarifValidator();

  it.each([
    ['the demo', () => exampleModel('forges-de-l-est')],
    ['a model where findings group', () => modelFrom(grouped)],
  ])('is valid SARIF 2.1.0 and names each result’s root cause, for %s', (_name, load) => {
    for (const locale of ['en', 'fr'] as const) {
      const log = sarifOf(load(), locale);
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const [run] = log.runs;
      const results = run?.results ?? [];
      const causes = run?.properties.rootCauses ?? [];
      expect(causes.length).toBeGreaterThan(0);
      // some root cause has several facets, each a result of its own rule
      expect(causes.some((c) => c.findings.length > 1)).toBe(true);
      const facetOf = new Map(causes.flatMap((c) => c.findings.map((f) => [f, c.id] as const)));
      expect(facetOf.size).toBe(results.length);
      for (const result of results) {
        const id = result.partialFingerprints.vigieFindingId;
        expect(id.startsWith(`${result.ruleId}@`)).toBe(true);
        expect(result.properties.rootCause).toBe(facetOf.get(id));
      }
    }
  });

  it('gives the same fingerprints and root causes on a second run', () => {
    const first = sarifOf(exampleModel('forges-de-l-est'));
    const second = sarifOf(exampleModel('forges-de-l-est'));
    const ids = (log: SarifShape) =>
      log.runs[0]?.results.map((r) => [
        r.partialFingerprints.vigieFindingId,
        r.properties.rootCause,
      ]);
    expect(ids(second)).toEqual(ids(first));
    expect(second.runs[0]?.properties.rootCauses).toEqual(first.runs[0]?.properties.rootCauses);
  });
});
