import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateRules } from '../../src/design/analyze-rules.js';
import type { Finding } from '../../src/design/findings.js';
import type { Rule } from '../../src/design/rule.js';
import { createTranslator } from '../../src/i18n/index.js';
import { loadModel, type LoadResult } from '../../src/model/load.js';

const t = createTranslator('en');

/** Loads a model written inline; fails the test when it has errors (a broken fixture). */
export function modelFrom(yaml: string): LoadResult {
  const result = loadModel([{ file: 'model.yaml', text: yaml }], { t });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `fixture model has errors:\n${errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`,
    );
  }
  return result;
}

/** Loads one of the example models of the repository (a folder name under `examples/`). */
export function exampleModel(name: string): LoadResult {
  const dir = fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
  const sources = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, text: readFileSync(dir + file, 'utf8') }));
  return loadModel(sources, { t });
}

/** Runs one rule over an inline model and returns its findings. */
export function runRule(
  rule: Rule,
  yaml: string | LoadResult,
  today = '2026-11-28',
): readonly Finding[] {
  const { graph } = typeof yaml === 'string' ? modelFrom(yaml) : yaml;
  const result = evaluateRules(graph, { rules: [rule], locale: 'en', today });
  if (result.failures.length > 0) throw new Error(result.failures[0]?.message);
  return result.findings;
}
