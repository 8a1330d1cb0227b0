// bench/analyze/rules: every built-in rule over the 10,000-asset / 50,000-flow model.
// Target (issue #3): under 5 s. Threagile (the peer for rules over a YAML model) is a Go program
// that cannot be installed here, so this bench prints our figure alone; the attack-path bench
// (paths.js) compares with networkx.
import { createTranslator } from '../../dist/i18n/index.js';
import { evaluateRules } from '../../dist/design/analyze-rules.js';
import { BUILTIN_RULES } from '../../dist/design/rules/index.js';
import { generateModel } from '../../dist/model/generate.js';
import { loadModel } from '../../dist/model/load.js';
import { dump } from 'js-yaml';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const t = createTranslator('en');
const files = generateModel({ assets: ASSETS, flows: FLOWS, seed: 7 });
const sources = Object.entries(files).map(([file, content]) => ({
  file,
  text: dump(content, { lineWidth: -1, noRefs: true }),
}));
const { graph, valid } = loadModel(sources, { t });
if (!valid) {
  console.error('the generated model is invalid');
  process.exit(1);
}

const times = [];
let findings = 0;
const perRule = new Map();
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  const result = evaluateRules(graph, { rules: BUILTIN_RULES, locale: 'en', today: '2026-11-28' });
  times.push(performance.now() - start);
  findings = result.findings.length;
  if (result.failures.length > 0) {
    console.error('rule failures:', result.failures);
    process.exit(1);
  }
}
for (const rule of BUILTIN_RULES) {
  const start = performance.now();
  evaluateRules(graph, { rules: [rule], locale: 'en', today: '2026-11-28' });
  perRule.set(rule.id, performance.now() - start);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(`model: ${ASSETS} assets, ${FLOWS} flows`);
console.log(
  `vigie: ${BUILTIN_RULES.length} rules in ${(median / 1000).toFixed(2)} s (median of ${RUNS}), ${findings} findings  [target < 5 s: ${median < 5000 ? 'OK' : 'OVER TARGET'}]`,
);
const slowest = [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log(`slowest rules: ${slowest.map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(', ')}`);
console.log(
  'peer: Threagile (Go) is not installable on this machine; no ratio for rules (see paths.js for networkx)',
);
process.exitCode = median < 5000 ? 0 : 1;
