// bench/sigma: the SigmaHQ Windows rules over Security-Datasets events replicated to >= 1 million
// events, on one core. Prints our events/s, the JSON-parse-only events/s of the same input (the
// ceiling), ripgrep's time for one literal over the same file, and the published figures of
// other engines (perf_anchors.json) with their conditions. Targets (issue #6): >= 30,000 events/s
// and peak memory under 1 GB. Reads ../shared (a bench, not a test): set SIGMA_RULES / DATASETS.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Hunter, prepareRules } from '../../dist/supervision/sigma/engine/hunt.js';
import { isInputDiagnostic, readEvents } from '../../dist/supervision/sigma/input/index.js';

const RULES = process.env.SIGMA_RULES ?? '/work/shared/data/sigma/rules/windows';
const DATASETS = process.env.DATASETS ?? '/work/shared/data/security-datasets/json';
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ANCHORS = process.env.ANCHORS ?? '/work/shared/data/perf/perf_anchors.json';

async function ruleFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await ruleFiles(path)));
    else if (/\.ya?ml$/.test(entry.name))
      out.push({ file: path, text: await readFile(path, 'utf8') });
  }
  return out;
}

// 1. the input: every JSON line of the datasets, repeated until TARGET_EVENTS
const lines = readdirSync(DATASETS)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) =>
    readFileSync(join(DATASETS, f), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{')),
  );
const input = join(tmpdir(), `vigie-sigma-bench-${process.pid}.jsonl`);
const out = createWriteStream(input);
let written = 0;
while (written < TARGET_EVENTS) {
  for (const line of lines) {
    if (written >= TARGET_EVENTS) break;
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once('drain', resolve));
    written += 1;
  }
}
await new Promise((resolve) => out.end(resolve));
const bytes = statSync(input).size;

try {
  // 2. rules
  const t0 = performance.now();
  const prepared = prepareRules(await ruleFiles(RULES));
  const compileMs = performance.now() - t0;
  const usable = prepared.rules.filter((r) => r.compiled).length;

  // 3. our run (read + parse + normalise + route + match + correlate)
  const hunter = new Hunter(prepared);
  let events = 0;
  let detections = 0;
  const t1 = performance.now();
  for await (const item of readEvents(input)) {
    if (isInputDiagnostic(item)) continue;
    events += 1;
    detections += hunter.process(item).length;
  }
  detections += hunter.finish().length;
  const runMs = performance.now() - t1;
  const eps = events / (runMs / 1000);
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // 4. ceiling: JSON.parse of every line, nothing else
  const t2 = performance.now();
  let parsed = 0;
  for await (const line of createInterface({
    input: createReadStream(input),
    crlfDelay: Infinity,
  })) {
    if (line.length > 0) {
      JSON.parse(line);
      parsed += 1;
    }
  }
  const parseEps = parsed / ((performance.now() - t2) / 1000);

  // 5. ripgrep, one literal over the same file
  const t3 = performance.now();
  const rg = spawnSync('rg', ['-c', 'mimikatz', input], { encoding: 'utf8' });
  const rgMs = performance.now() - t3;

  console.log(
    `input: ${events.toLocaleString('en')} events, ${(bytes / 1e9).toFixed(2)} GB of JSON lines (Security-Datasets, replicated)`,
  );
  console.log(
    `rules: ${usable} of ${prepared.rules.length} SigmaHQ Windows rules compiled in ${(compileMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `vigie hunt engine (one core): ${Math.round(eps).toLocaleString('en')} events/s, ${detections.toLocaleString('en')} detections, peak RSS ${peakMb.toFixed(0)} MB  [targets: >= 30,000 events/s ${eps >= 30000 ? 'OK' : 'NOT MET'}; < 1 GB ${peakMb < 1024 ? 'OK' : 'NOT MET'}]`,
  );
  console.log(
    `ceiling, JSON.parse only: ${Math.round(parseEps).toLocaleString('en')} events/s (vigie = ${((eps / parseEps) * 100).toFixed(0)} % of it)`,
  );
  console.log(
    rg.error
      ? 'ripgrep: not installed (apt-get install ripgrep)'
      : `ripgrep, one literal ("mimikatz"): ${(rgMs / 1000).toFixed(2)} s (${Math.round(events / (rgMs / 1000)).toLocaleString('en')} lines/s)`,
  );
  try {
    const anchors = JSON.parse(readFileSync(ANCHORS, 'utf8')).anchors;
    console.log('published figures (other machines, other rule sets: indicative only):');
    const ourGbPerMin = bytes / 1e9 / (runMs / 60000);
    console.log(
      `  (vigie here: ${Math.round(eps).toLocaleString('en')} events/s, ${ourGbPerMin.toFixed(2)} GB/min of JSON)`,
    );
    for (const a of anchors.filter((x) => /hayabusa|zircolite|rsigma/i.test(x.engine))) {
      const rate = a.eps ?? (a.events && a.seconds ? Math.round(a.events / a.seconds) : undefined);
      const figure =
        rate !== undefined
          ? `${rate.toLocaleString('en')} events/s (ratio vigie/it ${(eps / rate).toFixed(1)}x)`
          : a.gb_per_min !== undefined
            ? `${a.gb_per_min} GB/min (ratio vigie/it ${(ourGbPerMin / a.gb_per_min).toFixed(1)}x, JSON vs EVTX bytes)`
            : 'no rate published';
      const conditions = [a.ruleset, a.dataset, a.machine, a.mode, a.date]
        .filter(Boolean)
        .join('; ');
      console.log(`  ${a.engine}: ${figure} — ${conditions}`);
    }
  } catch {
    console.log('published figures: perf_anchors.json not found');
  }
  process.exitCode = eps >= 30000 && peakMb < 1024 ? 0 : 1;
} finally {
  rmSync(input, { force: true });
}
