// bench/continuity/demo.js: the full disaster recovery plan analysis of the demo
// (examples/forges-de-l-est): business impact analysis, backup assessment, recovery schedule and
// one scenario of each kind. Target (issue #14): under 0.5 s. Targets are picked generically: the
// first site, the first workstation, the first cloud or SaaS asset, every directory, the first
// supplier or contractor contact that provides an asset (else the first third party, else the
// first provider name) and the link of the first site without a redundant one.
// Each run works on a fresh graph of the loaded model (nothing kept from the previous run); the
// model load itself is timed apart.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  analyseBia,
  assessBackups,
  planRecovery,
  simulateScenario,
} from '../../dist/continuity/index.js';
import { hasRedundantLink } from '../../dist/continuity/scenarios/link.js';
import { createTranslator } from '../../dist/i18n/index.js';
import { ModelGraph } from '../../dist/model/graph.js';
import { loadModel } from '../../dist/model/load.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const TARGET_MS = 500;
const TODAY = '2026-12-01';

const dir = fileURLToPath(new URL('../../examples/forges-de-l-est/', import.meta.url));
const sources = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(dir + file, 'utf8') }));
let start = performance.now();
const { graph, valid } = loadModel(sources, { t: createTranslator('en') });
const loadMs = performance.now() - start;
if (!valid) {
  console.error('the demo model did not load');
  process.exit(1);
}
const { model } = graph;
console.log(
  `demo: ${model.assets.length} assets, ${model.flows.length} flows, ${model.processes.length} processes, ${model.backups.length} backups (loaded in ${loadMs.toFixed(0)} ms)`,
);

const cloud = model.assets.find((a) => a.kind === 'saas' || a.kind === 'cloud-service');
const providers = model.assets.map((a) => a.provider).filter((p) => p !== undefined);
const same = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();
const contact = (model.organisation?.continuity?.contacts ?? []).find(
  (c) =>
    (c.kind === 'supplier' || c.kind === 'contractor') && providers.some((p) => same(p, c.name)),
);
const supplier =
  contact?.name ?? model.identities.find((i) => i.kind === 'third-party')?.id ?? providers[0];
const unredundant = model.sites.find((site) => hasRedundantLink(graph, site.id) === false);
const specs = [
  { kind: 'site-loss', target: model.sites[0]?.id },
  { kind: 'ransomware', target: model.assets.find((a) => a.kind === 'workstation')?.id },
  { kind: 'provider', target: cloud?.provider ?? cloud?.id },
  { kind: 'directory' },
  { kind: 'supplier', target: supplier },
  { kind: 'link', target: (unredundant ?? model.sites[0])?.id },
].filter((spec) => spec.kind === 'directory' || spec.target !== undefined);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const parts = { bia: [], backups: [], schedule: [], scenarios: [], total: [], cpu: [] };
let last;
for (let run = 0; run < RUNS; run += 1) {
  const fresh = new ModelGraph(model);
  const cpu = process.cpuUsage();
  const begin = performance.now();
  start = begin;
  const bia = analyseBia(fresh);
  parts.bia.push(performance.now() - start);
  start = performance.now();
  const backups = assessBackups(fresh, { today: TODAY });
  parts.backups.push(performance.now() - start);
  start = performance.now();
  const plan = planRecovery(fresh);
  parts.schedule.push(performance.now() - start);
  start = performance.now();
  const results = specs.map((spec) => simulateScenario(fresh, spec, { today: TODAY }));
  parts.scenarios.push(performance.now() - start);
  parts.total.push(performance.now() - begin);
  const used = process.cpuUsage(cpu);
  parts.cpu.push((used.user + used.system) / 1000);
  last = { bia, backups, plan, results };
}
const total = median(parts.total);
console.log(
  `full PRA analysis: ${total.toFixed(0)} ms (CPU ${median(parts.cpu).toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPU(s); median of ${RUNS}; BIA ${median(parts.bia).toFixed(0)}, ` +
    `backups ${median(parts.backups).toFixed(0)}, schedule ${median(parts.schedule).toFixed(0)}, ` +
    `${specs.length} scenarios ${median(parts.scenarios).toFixed(0)} ms)  [target < 0.5 s: ${total < TARGET_MS ? 'OK' : 'OVER TARGET'}]`,
);
console.log(
  `  ${last.bia.processes.length} processes, ${last.bia.flags.length} BIA flags, ${last.backups.flags.length} backup flags, ` +
    `schedule makespan ${last.plan.makespan} min`,
);
for (const result of last.results) {
  const impacted = result.processes.filter((p) => p.impacted);
  console.log(
    `  ${result.scenario}: ${result.error?.en ?? `${result.lost.length} lost, ${result.backups.filter((b) => !b.survives).length} backups lost, ${impacted.filter((p) => p.rtoStatus !== 'met' && p.rtoStatus !== 'no-rto').length}/${impacted.length} impacted processes miss or cannot recover, missing: ${result.missing.map((m) => m.code).join(', ') || 'none'}`}`,
  );
}
process.exitCode = total < TARGET_MS ? 0 : 1;
