import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Hunter, prepareRules } from '../src/supervision/sigma/engine/hunt.js';
import { isInputDiagnostic, readEvents } from '../src/supervision/sigma/input/index.js';

/** SigmaHQ's regression cases (Detection Rule License 1.1), copied under test/fixtures. */
const base = fileURLToPath(new URL('./fixtures/sigma/regression/', import.meta.url));

interface Case {
  readonly rule_id: string;
  readonly rule_title: string;
  readonly rule_path: string;
  readonly expected_match_count: number;
  readonly evtx: string;
  readonly json: string;
}

const truth = JSON.parse(readFileSync(`${base}regression_ground_truth.json`, 'utf8')) as {
  tests: Case[];
};

async function matches(testCase: Case, input: string): Promise<number> {
  const text = readFileSync(`${base}rules/${testCase.rule_path}`, 'utf8');
  const prepared = prepareRules([{ file: testCase.rule_path, text }]);
  const errors = prepared.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message.en}`)).toEqual([]);
  const hunter = new Hunter(prepared);
  let count = 0;
  for await (const item of readEvents(`${base}${input}`)) {
    if (isInputDiagnostic(item)) continue;
    count += hunter.process(item).filter((d) => d.ruleId === testCase.rule_id).length;
  }
  count += hunter.finish().filter((d) => d.ruleId === testCase.rule_id).length;
  return count;
}

describe('SigmaHQ regression cases', () => {
  it('has the 202 cases', () => {
    expect(truth.tests).toHaveLength(202);
  });

  describe.each(truth.tests.map((c) => [`${c.rule_title} (${c.rule_id})`, c] as const))(
    '%s',
    (_name, testCase) => {
      it('matches its JSON rendering', async () => {
        expect(await matches(testCase, testCase.json)).toBeGreaterThanOrEqual(
          testCase.expected_match_count,
        );
      });
      it('matches its EVTX file through the EVTX parser', async () => {
        expect(await matches(testCase, testCase.evtx)).toBeGreaterThanOrEqual(
          testCase.expected_match_count,
        );
      });
    },
  );
});
