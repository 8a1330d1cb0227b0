// bench/analyze/paths.js: attack paths on a 10,000-asset / 50,000-flow model.
// Target (issue #3): attack paths for 20 targets (k = 3) in under 10 s.
// Peer: networkx (python3-networkx) computing the same k shortest simple paths
// (`nx.shortest_simple_paths`, Yen's algorithm) on the same attack graph, same source → target pairs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import {
  analyseAttackPaths,
  buildAttackGraph,
  distancesTo,
  findThreatSources,
  kShortestPaths,
} from '../../dist/design/attack/index.js';
import { createTranslator } from '../../dist/i18n/index.js';
import { generateModel } from '../../dist/model/generate.js';
import { loadModel } from '../../dist/model/load.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 50_000);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 20);
const K = Number(process.env.BENCH_K ?? 3);
const TODAY = '2026-11-28';
const here = new URL('.', import.meta.url).pathname;

const files = generateModel({ assets: ASSETS, flows: FLOWS, seed: 7 });
const sources = Object.entries(files).map(([file, content]) => ({
  file,
  text: dump(content, { lineWidth: -1, noRefs: true }),
}));
const { graph, valid } = loadModel(sources, { t: createTranslator('en') });
if (!valid) {
  console.error('the generated model did not load');
  process.exit(1);
}
console.log(`model: ${graph.model.assets.length} assets, ${graph.model.flows.length} flows`);

// 1. The whole analysis: sources, targets, attack graph, k paths (+ best path per source), cuts.
let start = performance.now();
const analysis = analyseAttackPaths(graph, { k: K, maxTargets: TARGETS, today: TODAY });
const fullMs = performance.now() - start;
console.log(
  `attack paths, full analysis: ${fullMs.toFixed(0)} ms for ${analysis.targets.length} targets ` +
    `(${analysis.sources.length} sources, ${analysis.paths.length} paths, ${analysis.chokePoints.length} choke points)`,
);

// 2. The shortest-path part alone, on the same attack graph as networkx gets.
const attack = buildAttackGraph(graph, findThreatSources(graph), { today: TODAY });
const targets = analysis.targets.map((t) => attack.indexOf.get(t.id));
start = performance.now();
const ours = targets.map((target) => {
  const tree = distancesTo(attack.digraph, target);
  return kShortestPaths(attack.digraph, attack.attacker, target, K, { heuristic: tree.dist });
});
const oursMs = performance.now() - start;
console.log(
  `attack graph: ${attack.nodes.length} nodes, ${attack.edges.length} edges; ` +
    `k shortest paths (Yen, k = ${K}) for ${targets.length} targets: ${oursMs.toFixed(0)} ms`,
);

const dir = mkdtempSync(join(tmpdir(), 'vigie-paths-'));
try {
  const file = join(dir, 'attack-graph.json');
  writeFileSync(
    file,
    JSON.stringify({
      nodes: attack.nodes.length,
      source: attack.attacker,
      targets,
      k: K,
      edges: attack.edges.map((e) => [e.from, e.to, e.weight]),
    }),
  );
  const result = spawnSync('python3', [join(here, 'paths_networkx.py'), file], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) {
    console.log(
      `networkx: not run (${(result.stderr || 'python3 failed').trim().split('\n').at(-1)})`,
    );
    console.log('install it with: apt-get install -y python3-networkx');
    process.exit(fullMs < 10_000 ? 0 : 1);
  }
  const peer = JSON.parse(result.stdout);
  let mismatches = 0;
  let kthMismatches = 0;
  ours.forEach((paths, i) => {
    const theirs = peer.costs[i] ?? [];
    const best = paths[0]?.cost;
    if (best === undefined ? theirs.length > 0 : Math.abs(best - (theirs[0] ?? Infinity)) > 1e-9)
      mismatches += 1;
    paths.forEach((path, j) => {
      if (Math.abs(path.cost - (theirs[j] ?? Infinity)) > 1e-9) kthMismatches += 1;
    });
  });
  console.log(
    `networkx ${peer.version}: ${peer.ms.toFixed(0)} ms for the same ${targets.length} targets`,
  );
  console.log(`ratio (ours / networkx): ${(oursMs / peer.ms).toFixed(3)}`);
  console.log(`best path cost mismatches: ${mismatches} / ${targets.length}`);
  console.log(`k-th path cost mismatches: ${kthMismatches} / ${ours.flat().length}`);
  console.log(`target: full analysis under 10 s: ${fullMs < 10_000 ? 'met' : 'MISSED'}`);
  if (mismatches > 0 || fullMs >= 10_000) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
