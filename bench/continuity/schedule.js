// bench/continuity/schedule.js: the recovery schedule on the 10,000-asset / 50,000-flow model.
// Target (issue #14): the schedule for 10,000 assets with 5 teams under 1 s.
// Reference: the same instance (same tasks and precedences) ordered by a plain topological sort
// (Kahn's algorithm, below), the least any scheduler must do; the ratio says what list scheduling,
// the critical path and the team simulation cost on top of it.
import { dump } from 'js-yaml';
import { listSchedule, planRecovery } from '../../dist/continuity/schedule/index.js';
import { createTranslator } from '../../dist/i18n/index.js';
import { generateModel } from '../../dist/model/generate.js';
import { loadModel } from '../../dist/model/load.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 10_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 50_000);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. The whole plan over every asset of the model (scope, precedences, durations, schedule).
const everything = graph.model.assets.map((asset) => asset.id);
const planTimes = [];
let plan;
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  plan = planRecovery(graph, { assets: everything, teams: TEAMS });
  planTimes.push(performance.now() - start);
}
const planMs = median(planTimes);
const cycles = plan.issues.filter((issue) => issue.code === 'schedule-cycle').length;
const missed = plan.processes.filter((p) => p.status === 'missed').length;
console.log(
  `vigie plan: ${plan.tasks.length} assets, ${plan.precedences.length} precedences, ${TEAMS} teams: ` +
    `${planMs.toFixed(0)} ms (median of ${RUNS}), makespan ${plan.makespan} min, ` +
    `critical path ${plan.criticalPath.length} tasks, ${cycles} cycle edges broken, ` +
    `${missed}/${plan.processes.length} processes miss their RTO  [target < 1 s: ${planMs < 1000 ? 'OK' : 'OVER TARGET'}]`,
);

// 2. The scheduler alone and the reference on the same instance.
const durations = new Map(plan.tasks.map((task) => [task.asset, task.duration]));
const tasks = everything.map((id) => ({ id, duration: durations.get(id) ?? 0 }));
const edges = plan.precedences;

function kahn(taskList, precedences) {
  const index = new Map(taskList.map((task, i) => [task.id, i]));
  const successors = taskList.map(() => []);
  const indegree = new Array(taskList.length).fill(0);
  for (const { before, after } of precedences) {
    const b = index.get(before);
    const a = index.get(after);
    if (b === undefined || a === undefined) continue;
    successors[b].push(a);
    indegree[a] += 1;
  }
  const queue = [];
  for (let i = 0; i < taskList.length; i += 1) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head += 1) {
    for (const next of successors[queue[head]]) {
      indegree[next] -= 1;
      if (indegree[next] === 0) queue.push(next);
    }
  }
  return queue; // nodes on or after a cycle are left out
}

const oursTimes = [];
const refTimes = [];
let ordered = 0;
let schedule;
for (let run = 0; run < RUNS; run += 1) {
  let start = performance.now();
  schedule = listSchedule(tasks, edges, TEAMS);
  oursTimes.push(performance.now() - start);
  start = performance.now();
  ordered = kahn(tasks, edges).length;
  refTimes.push(performance.now() - start);
}
const oursMs = median(oursTimes);
const refMs = median(refTimes);
console.log(
  `vigie list scheduling alone: ${oursMs.toFixed(1)} ms (${schedule.tasks.length} tasks scheduled)`,
);
console.log(
  `reference, Kahn topological order in plain JS: ${refMs.toFixed(1)} ms ` +
    `(${ordered} of ${tasks.length} ordered; the rest sit on or after a cycle)`,
);
console.log(`ratio (list scheduling / topological order): ${(oursMs / refMs).toFixed(1)}×`);
process.exitCode = planMs < 1000 ? 0 : 1;
