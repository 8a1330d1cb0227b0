// bench/documents: the DAT (and the analysis report) of the demo organisation and of a generated
// 10,000-asset / 50,000-flow model, in each format, each run in a fresh process.
// Targets (issue #4): demo DAT under 5 s per format; 10,000-asset DAT under 60 s per format with
// bounded memory. Peer: LibreOffice (soffice --headless) converting our own DOCX of the same DAT
// to PDF — the usual way to get a PDF out of a word-processing document — beside our PDF time.
// Run after `npm run build`. BENCH_ASSETS / BENCH_FLOWS change the size; BENCH_SKIP_BIG=1 only
// runs the demo.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { generateModel } from '../../dist/model/generate.js';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');
const ASSETS = Number(process.env.BENCH_ASSETS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 50_000);
const FORMATS = ['md', 'html', 'pdf', 'docx'];
const work = mkdtempSync(join(tmpdir(), 'vigie-bench-documents-'));

function measure(kind, model, format) {
  const out = join(work, `${kind}-${format}.${format}`);
  const text = execFileSync(process.execPath, [join(here, 'one.js'), kind, model, format, out], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const result = JSON.parse(text);
  if (result.code !== 0) throw new Error(`${kind} ${format} failed: ${result.stderr}`);
  return { ...result, bytes: statSync(out).size, out };
}

function line(label, r, limitMs) {
  const pages = r.pages === null ? '' : `, ${r.pages} pages`;
  const verdict = r.ms <= limitMs ? 'OK' : 'NOT MET';
  return `  ${label.padEnd(6)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${r.peakRssMb.toFixed(0).padStart(5)} MB  ${(r.bytes / 1024).toFixed(0).padStart(7)} KB${pages}  [< ${limitMs / 1000} s ${verdict}]`;
}

function libreOffice(docx) {
  const profile = join(work, 'lo-profile');
  const start = performance.now();
  const res = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      docx,
    ],
    { stdio: 'ignore', timeout: 600_000 },
  );
  return res.error || res.status !== 0 ? undefined : performance.now() - start;
}

let failed = false;
try {
  const demo = join(root, 'examples', 'forges-de-l-est');
  const targets = [['demo (Forges de l’Est, 64 assets, 57 flows)', demo, 5000]];
  if (process.env.BENCH_SKIP_BIG !== '1') {
    const big = join(work, 'big');
    const files = generateModel({ assets: ASSETS, flows: FLOWS, seed: 7 });
    execFileSync('mkdir', ['-p', big]);
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(big, name), dump(content, { lineWidth: -1, noRefs: true }));
    targets.push([`generated (${ASSETS} assets, ${FLOWS} flows)`, big, 60000]);
  }
  for (const [label, model, limit] of targets) {
    console.log(`DAT of the ${label}, French:`);
    const results = {};
    for (const format of FORMATS) {
      const r = measure('dat', model, format);
      results[format] = r;
      console.log(line(format, r, limit));
      if (r.ms > limit) failed = true;
    }
    if (model !== demo) continue; // LibreOffice needs many minutes for a 50,000-row table
    const lo = libreOffice(results.docx.out);
    console.log(
      lo === undefined
        ? '  peer: LibreOffice not available (apt-get install libreoffice-writer-nogui)'
        : `  peer: LibreOffice converting our DOCX to PDF ${(lo / 1000).toFixed(2)} s; our PDF ${(results.pdf.ms / 1000).toFixed(2)} s (ratio ours/LibreOffice ${(results.pdf.ms / lo).toFixed(2)}x; ours includes loading and analysing the model)`,
    );
    {
      const r = measure('analysis', model, 'pdf');
      console.log(`analysis report of the demo, PDF:`);
      console.log(line('pdf', r, limit));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
