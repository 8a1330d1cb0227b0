// bench/model-load: loading + validating a 10,000-asset / 50,000-flow model.
// Target (issue #2): under 2 s and under 500 MB on this machine.
// Peer: PyYAML's LibYAML C loader parsing the same files (parse only: no schema, references or
// checks), the fastest YAML loader a Python tool (pytm, Threagile-style scripts) would use.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { generateModel } from '../../dist/model/generate.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
try {
  mkdirSync(dir, { recursive: true });
  const files = generateModel({ assets: ASSETS, flows: FLOWS, seed: 7 });
  let bytes = 0;
  for (const [name, content] of Object.entries(files)) {
    const text = dump(content, { lineWidth: -1, noRefs: true });
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, name), text);
  }
  console.log(
    `model: ${ASSETS} assets, ${FLOWS} flows, ${(bytes / 1e6).toFixed(1)} MB of YAML in ${Object.keys(files).length} files`,
  );

  const ours = [];
  for (let run = 0; run < RUNS; run += 1) {
    const out = execFileSync(process.execPath, [join(here, 'measure.js'), dir], {
      encoding: 'utf8',
    });
    ours.push(JSON.parse(out));
  }
  const last = ours.at(-1);
  if (!last.valid || last.assets !== ASSETS || last.flows !== FLOWS) {
    console.error('the generated model did not load as expected:', last);
    process.exit(1);
  }
  const oursMs = median(ours.map((r) => r.ms));
  const oursMb = Math.max(...ours.map((r) => r.peakRssMb));

  const cli = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const status = spawnSync(process.execPath, [join(root, 'bin', 'vigie.js'), 'validate', dir], {
      stdio: 'ignore',
    }).status;
    cli.push(performance.now() - start);
    if (status !== 0) {
      console.error(`vigie validate exited ${status}`);
      process.exit(1);
    }
  }
  const cliMs = median(cli);

  const python = `
import sys, time, glob, resource, yaml
start = time.perf_counter()
for path in sorted(glob.glob(sys.argv[1] + '/*.yaml')):
    with open(path) as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
print((time.perf_counter() - start) * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
`;
  let peer;
  const peerRuns = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = spawnSync('python3', ['-c', python, dir], { encoding: 'utf8' });
    if (result.status !== 0) break;
    const [ms, mb] = result.stdout.trim().split(/\s+/).map(Number);
    peerRuns.push({ ms, mb });
  }
  if (peerRuns.length > 0)
    peer = { ms: median(peerRuns.map((r) => r.ms)), mb: Math.max(...peerRuns.map((r) => r.mb)) };

  const verdict = (ok) => (ok ? 'OK' : 'OVER TARGET');
  console.log(
    `vigie load + validate (in process, median of ${RUNS}): ${(oursMs / 1000).toFixed(2)} s, peak RSS ${oursMb.toFixed(0)} MB  [target < 2 s: ${verdict(oursMs < 2000)}; < 500 MB: ${verdict(oursMb < 500)}]`,
  );
  console.log(
    `vigie validate (whole CLI run incl. Node start-up, median of ${RUNS}): ${(cliMs / 1000).toFixed(2)} s`,
  );
  if (peer === undefined) {
    console.log('peer: python3 with PyYAML (LibYAML) not available; no ratio');
  } else {
    console.log(
      `peer PyYAML CSafeLoader (parse only, median of ${RUNS}): ${(peer.ms / 1000).toFixed(2)} s, peak RSS ${peer.mb.toFixed(0)} MB`,
    );
    console.log(
      `ratio vigie/peer: time ${(oursMs / peer.ms).toFixed(2)}x, memory ${(oursMb / peer.mb).toFixed(2)}x (below 1 = Vigie better)`,
    );
  }
  process.exitCode = oursMs < 2000 && oursMb < 500 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
