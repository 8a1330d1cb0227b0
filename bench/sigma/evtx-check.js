// Dev script (reads /work/shared/data, not a test): parses every SigmaHQ regression .evtx and
// compares the records with the .json rendering beside it. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { parseEvtx } from '../../dist/supervision/sigma/input/evtx/index.js';

const root = process.argv[2] ?? '/work/shared/data/sigma';
const truth = JSON.parse(readFileSync(join(root, 'regression_ground_truth.json'), 'utf8'));

/** Splits concatenated (not newline-delimited) JSON objects. */
function parseConcatenated(text) {
  const out = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

let pass = 0;
let records = 0;
let elapsed = 0;
const failures = [];
for (const test of truth.tests) {
  const bytes = readFileSync(join(root, test.evtx));
  const expected = parseConcatenated(readFileSync(join(root, test.json), 'utf8'));
  const t0 = performance.now();
  const result = parseEvtx(bytes, test.evtx);
  const actual = [...result.events].map((r) => r.event);
  elapsed += performance.now() - t0;
  records += actual.length;
  const ok =
    actual.length === expected.length &&
    actual.every((a, i) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), expected[i])) &&
    result.diagnostics.filter((d) => d.severity === 'error').length === 0;
  if (ok) pass++;
  else failures.push({ test: test.evtx, actual, expected, diagnostics: result.diagnostics });
}
console.log(
  `${pass}/${truth.tests.length} regression EVTX files match their JSON (${records} records, ${elapsed.toFixed(0)} ms)`,
);
/** Paths where two JSON values differ (at most `limit`). */
function differences(a, b, path = '', out = [], limit = 5) {
  if (out.length >= limit) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[k], b[k], `${path}/${k}`, out, limit);
  } else if (a !== b) out.push(`${path}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
  return out;
}
for (const f of failures) {
  console.log(`FAIL ${f.test}`);
  for (const d of f.diagnostics) console.log(`  diagnostic ${d.code}: ${d.message.en}`);
  if (f.actual.length !== f.expected.length)
    console.log(`  ${f.actual.length} records, expected ${f.expected.length}`);
  const actual = JSON.parse(JSON.stringify(f.actual));
  for (const d of differences(actual, f.expected)) console.log(`  ${d}`);
}
// Known: ad691d92-….json was not produced from its .evtx by evtx_dump (nanosecond SystemTime,
// "Explorer.exe" where the .evtx holds "Explorer.EXE"), so 201/202 is the expected result.
process.exitCode = pass === truth.tests.length ? 0 : 1;
