// Child process of run.js: loads and validates one model, prints time and peak memory as JSON.
import { readModelFiles } from '../../dist/io/model-files.js';
import { loadModel } from '../../dist/model/load.js';
import { createTranslator } from '../../dist/i18n/index.js';

const dir = process.argv[2];
const t = createTranslator('en');
const start = performance.now();
const read = await readModelFiles(dir, t);
const result = loadModel(read.sources, { t, root: dir, diagnostics: read.diagnostics });
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    valid: result.valid,
    assets: result.model.assets.length,
    flows: result.model.flows.length,
    diagnostics: result.diagnostics.length,
  }),
);
