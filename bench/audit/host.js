// bench/audit/host.js: the host audit (`vigie audit host`) against Lynis (`lynis audit system
// --quick`, Debian package) on this machine, in the same run: the time of each tool, then a table
// of the Lynis test groups — how many Linux tests Lynis has in each, how many of them a Vigie
// host check covers (its `lynis` ids), and Lynis's own time per group (from its log timestamps).
// Needs a build (`npm run build`) and lynis; run as root for the full picture (both tools read
// more as root). Read-only on both sides.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { collectHost, HOST_CHECKS, judgeHost } from '../../dist/audit/host/index.js';
import { nodeHostReader } from '../../dist/audit/host/system.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LYNIS_DB = '/usr/share/lynis/db/tests.db';

function lynisTests() {
  const tests = new Map();
  for (const line of readFileSync(LYNIS_DB, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [id, , , group, system] = line.split(':');
    if (system === '' || system === 'Linux') tests.set(id, group);
  }
  return tests;
}

function runLynis(dir) {
  const log = join(dir, 'lynis.log');
  const started = performance.now();
  execFileSync(
    'lynis',
    [
      'audit',
      'system',
      '--quick',
      '--no-colors',
      '--logfile',
      log,
      '--report-file',
      join(dir, 'report.dat'),
    ],
    { stdio: 'ignore', timeout: 3_600_000 },
  );
  return { ms: performance.now() - started, log: readFileSync(log, 'utf8') };
}

/** Seconds Lynis spent per group: from each "Performing test ID" line to the next one. */
function lynisGroupTimes(log, tests) {
  const marks = [];
  for (const line of log.split('\n')) {
    const match = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) Performing test ID ([A-Z0-9]+-\d+)/.exec(line);
    if (match) marks.push({ at: Date.parse(match[1].replace(' ', 'T') + 'Z'), id: match[2] });
  }
  const times = new Map();
  for (let i = 0; i < marks.length - 1; i += 1) {
    const group = tests.get(marks[i].id) ?? 'other';
    times.set(group, (times.get(group) ?? 0) + (marks[i + 1].at - marks[i].at) / 1000);
  }
  return times;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const tests = lynisTests();
const ours = [];
const theirs = [];
let lastAudit;
let lastLog = '';
const dir = mkdtempSync(join(os.tmpdir(), 'vigie-bench-lynis-'));
try {
  for (let run = 0; run < RUNS; run += 1) {
    // alternate the order so that caches favour neither tool
    const order = run % 2 === 0 ? ['vigie', 'lynis'] : ['lynis', 'vigie'];
    for (const tool of order) {
      if (tool === 'vigie') {
        const started = performance.now();
        lastAudit = judgeHost(await collectHost(nodeHostReader()));
        ours.push(performance.now() - started);
      } else {
        const { ms, log } = runLynis(dir);
        theirs.push(ms);
        lastLog = log;
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const covered = new Map();
for (const check of HOST_CHECKS)
  for (const id of check.lynis ?? []) covered.set(id, [...(covered.get(id) ?? []), check.id]);
const groupTimes = lynisGroupTimes(lastLog, tests);
const groups = new Map();
for (const [id, group] of tests) {
  const entry = groups.get(group) ?? { total: 0, covered: [] };
  entry.total += 1;
  if (covered.has(id)) entry.covered.push(id);
  groups.set(group, entry);
}

console.log(
  `host audit of ${os.hostname()} (${process.geteuid?.() === 0 ? 'root' : 'not root'}), ${RUNS} runs each, alternating`,
);
console.log(
  `vigie audit host: median ${median(ours).toFixed(0)} ms (${ours.map((v) => v.toFixed(0)).join(', ')}); ${lastAudit.findings.length} findings, hardening index ${lastAudit.hardening.index}`,
);
console.log(
  `lynis audit system --quick: median ${median(theirs).toFixed(0)} ms (${theirs.map((v) => v.toFixed(0)).join(', ')})`,
);
console.log(`ratio (vigie / lynis): ${(median(ours) / median(theirs)).toFixed(3)}`);
console.log('');
console.log(
  'Lynis group          | Linux tests | covered by Vigie | Lynis time (s) | test ids covered',
);
console.log(
  '---------------------|-------------|------------------|----------------|-----------------',
);
for (const [group, entry] of [...groups.entries()].sort(
  (a, b) => b[1].covered.length - a[1].covered.length || a[0].localeCompare(b[0]),
)) {
  if (entry.covered.length === 0 && !groupTimes.has(group)) continue;
  console.log(
    `${group.padEnd(20)} | ${String(entry.total).padStart(11)} | ${String(entry.covered.length).padStart(16)} | ${(groupTimes.get(group) ?? 0).toFixed(0).padStart(14)} | ${entry.covered.join(' ')}`,
  );
}
const coveredIds = [...covered.keys()].filter((id) => tests.has(id));
console.log('');
console.log(
  `Lynis Linux tests covered: ${coveredIds.length} of ${tests.size}; Vigie host checks: ${HOST_CHECKS.length}`,
);
