// bench/continuity/document.js: the disaster recovery plan (PRA) of the demo organisation as a
// PDF, the way a user gets it: `vigie pra examples/forges-de-l-est --format pdf -o file`, each run
// in a fresh Node process (model loading, analyses, continuity engines, every scenario simulated,
// Gantt charts, PDF rendering). Target (issue #14): the PRA PDF of the demo under 5 s.
// Also printed: the same document built and rendered again in one warm process, to tell start-up
// (fonts, modules) from the work itself, and the CPU time of each run beside its wall time (on a
// loaded machine the wall time grows with the load, the CPU time does not). Runs on dist/: `npm run build` first.
// BENCH_RUNS sets the number of fresh-process runs (default 5); BENCH_LANG the language (fr).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const demo = join(root, 'examples', 'forges-de-l-est');
const TODAY = '2026-11-28';
const LANG = process.env.BENCH_LANG ?? 'fr';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 5000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One `vigie pra` run in this process; prints JSON (wall time, pages, exit code). */
async function one(out) {
  const { run } = await import('../../dist/cli/main.js');
  let stderr = '';
  const start = performance.now();
  const code = await run(
    ['pra', demo, '--format', 'pdf', '-o', out, '--today', TODAY, '--lang', LANG],
    {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      env: {},
      cwd: root,
      isTTY: false,
    },
  );
  const ms = performance.now() - start;
  const cpu = process.cpuUsage();
  const pages = /(\d+) pages/.exec(stderr)?.[1];
  console.log(
    JSON.stringify({
      code,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      pages: pages === undefined ? null : Number(pages),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      stderr: code === 0 ? undefined : stderr,
    }),
  );
}

/** The document built and rendered `runs` times in one process, after a first warm-up run. */
async function warm(runs) {
  const { exampleSources } = await sourcesOf(demo);
  const { loadModel } = await import('../../dist/model/load.js');
  const { createTranslator } = await import('../../dist/i18n/index.js');
  const { BUILTIN_RULES } = await import('../../dist/design/rules/index.js');
  const { prepareDocumentInput } = await import('../../dist/presentation/input.js');
  const { buildPra } = await import('../../dist/documents/pra/index.js');
  const { ganttSvg } = await import('../../dist/diagrams/gantt.js');
  const { renderDocument } = await import('../../dist/documents/render/index.js');
  const { graph, valid } = loadModel(exampleSources, { t: createTranslator(LANG) });
  if (!valid) throw new Error('the demo model does not load');
  const times = { input: [], build: [], render: [] };
  let pages = 0;
  for (let i = 0; i <= runs; i += 1) {
    const t0 = performance.now();
    const input = prepareDocumentInput(graph, BUILTIN_RULES, { locale: LANG, today: TODAY });
    const t1 = performance.now();
    const document = buildPra(input, {
      version: '1.0',
      date: TODAY,
      author: 'bench',
      classification: 'bench',
      gantt: ganttSvg,
    });
    const t2 = performance.now();
    const rendered = await renderDocument(document, 'pdf');
    const t3 = performance.now();
    pages = rendered.pages ?? 0;
    if (i === 0) continue; // warm-up: fonts and modules
    times.input.push(t1 - t0);
    times.build.push(t2 - t1);
    times.render.push(t3 - t2);
  }
  return {
    input: median(times.input),
    build: median(times.build),
    render: median(times.render),
    pages,
  };
}

async function sourcesOf(dir) {
  const { readdirSync, readFileSync } = await import('node:fs');
  return {
    exampleSources: readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })),
  };
}

if (process.argv[2] === '--one') {
  await one(process.argv[3]);
} else {
  const work = mkdtempSync(join(tmpdir(), 'vigie-bench-pra-'));
  try {
    const out = join(work, `pra-${LANG}.pdf`);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const text = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', out], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const result = JSON.parse(text);
      if (result.code !== 0) throw new Error(`vigie pra failed: ${result.stderr}`);
      runs.push(result);
    }
    const ms = median(runs.map((r) => r.ms));
    const rss = median(runs.map((r) => r.peakRssMb));
    const cpuMs = median(runs.map((r) => r.cpuMs));
    const size = statSync(out).size;
    console.log(
      `PRA PDF of the demo (${LANG}), vigie pra in a fresh process: ${(ms / 1000).toFixed(2)} s ` +
        `(median of ${RUNS}; min ${(Math.min(...runs.map((r) => r.ms)) / 1000).toFixed(2)} s, ` +
        `max ${(Math.max(...runs.map((r) => r.ms)) / 1000).toFixed(2)} s), ${runs[0].pages} pages, ` +
        `${(size / 1024).toFixed(0)} KB, CPU ${(cpuMs / 1000).toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB  ` +
        `[target < ${TARGET_MS / 1000} s: ${ms < TARGET_MS ? 'OK' : 'OVER TARGET'}]`,
    );
    const w = await warm(RUNS);
    const load = loadavg()[0] ?? 0;
    console.log(
      `  same document in a warm process (median of ${RUNS}): analyses ${w.input.toFixed(0)} ms, ` +
        `PRA build (continuity engines, scenarios, Gantt charts) ${w.build.toFixed(0)} ms, ` +
        `PDF rendering ${w.render.toFixed(0)} ms, ${w.pages} pages`,
    );
    console.log(`  machine load average (1 min): ${load.toFixed(1)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
