// bench/audit/ports.js: full TCP range (1–65535) connect scan of one loopback address.
// Target (issue #15): the same open ports as `nmap -sT -p- -T4`, in at most 1.5× nmap's time.
// Same run, same target: ~20 listeners on 127.0.0.200 (random ports in 30000–39999), then our
// scan and nmap's, alternating, median of BENCH_RUNS. Needs a build (npx tsc -p
// tsconfig.build.json) and nmap on the PATH. Loopback only. BENCH_PATH=plain measures the
// single-socket path instead of the worker threads' batch; BENCH_WORKERS sets their number.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { nodeNet } from '../../dist/audit/net/node-net.js';
import { allPorts, scanPorts } from '../../dist/audit/ports/index.js';

const ADDRESS = '127.0.0.200';
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1024);
// batch: probeTcp in worker threads (what scanPorts uses); plain: one `connect` at a time
const PATH = process.env.BENCH_PATH === 'plain' ? 'plain' : 'batch';
const WORKERS = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : undefined;

function network() {
  const net = nodeNet(WORKERS === undefined ? {} : { probeWorkers: WORKERS });
  if (PATH === 'batch') return net;
  return {
    connect: net.connect,
    connectTls: net.connectTls,
    exchangeUdp: net.exchangeUdp,
    now: net.now,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const same = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);

async function listen(count) {
  const servers = [];
  const ports = new Set();
  while (servers.length < count) {
    const port = 30_000 + Math.floor(Math.random() * 10_000);
    if (ports.has(port)) continue;
    const server = createServer((socket) => socket.destroy());
    const ok = await new Promise((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, ADDRESS, () => resolve(true));
    });
    if (!ok) continue;
    ports.add(port);
    servers.push(server);
  }
  return { servers, ports: [...ports].sort((a, b) => a - b) };
}

async function ours() {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const [result] = await scanPorts(network(), [{ address: ADDRESS, ports: allPorts() }], {
    concurrency: CONCURRENCY,
    timeoutMs: 1000,
  });
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { ms: performance.now() - start, cpuMs, open: result.open, tried: result.tried };
}

function nmap() {
  const args = ['-sT', '-p-', '-T4', '-n', '-Pn', ADDRESS, '-oX', '-'];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('nmap', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let xml = '';
    child.stdout.on('data', (chunk) => (xml += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`nmap exited with ${code}`));
      const open = [...xml.matchAll(/portid="(\d+)"><state state="open"/g)].map((m) =>
        Number(m[1]),
      );
      const elapsed = /<finished [^>]*elapsed="([\d.]+)"/.exec(xml);
      resolve({
        ms,
        ownMs: elapsed ? Number(elapsed[1]) * 1000 : NaN,
        open: open.sort((a, b) => a - b),
      });
    });
  });
}

const { servers, ports } = await listen(LISTENERS);
console.log(`target: ${ADDRESS}, ${ports.length} listeners (${ports.join(', ')})`);
const oursRuns = [];
const nmapRuns = [];
let agree = true;
for (let run = 0; run < RUNS; run += 1) {
  const a = await ours();
  const b = await nmap();
  oursRuns.push(a);
  nmapRuns.push(b);
  // other services listening on every address may show up: both must see the same ones
  agree &&= same(a.open, b.open) && ports.every((p) => a.open.includes(p));
  console.log(
    `run ${run + 1}: vigie ${a.ms.toFixed(0)} ms, ${a.cpuMs.toFixed(0)} ms CPU ` +
      `(${a.tried} ports, ${a.open.length} open), ` +
      `nmap ${b.ms.toFixed(0)} ms wall / ${b.ownMs.toFixed(0)} ms own (${b.open.length} open)`,
  );
}
await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));

const oursMs = median(oursRuns.map((r) => r.ms));
const nmapMs = median(nmapRuns.map((r) => r.ms));
const nmapOwnMs = median(nmapRuns.map((r) => r.ownMs));
const ratio = oursMs / nmapMs;
console.log(
  `vigie scanPorts (${PATH} path${WORKERS === undefined ? '' : `, ${WORKERS} workers`}, concurrency ${CONCURRENCY}): ${oursMs.toFixed(0)} ms (median of ${RUNS})`,
);
console.log(
  `nmap -sT -p- -T4: ${nmapMs.toFixed(0)} ms wall clock, ${nmapOwnMs.toFixed(0)} ms by its own count (median of ${RUNS})`,
);
console.log(`same open ports: ${agree ? 'yes' : 'NO'}`);
console.log(
  `ratio (vigie / nmap wall clock): ${ratio.toFixed(2)}×, by nmap's own count ${(oursMs / nmapOwnMs).toFixed(2)}×  ` +
    `[target ≤ 1.5×: ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}]`,
);
process.exitCode = agree && ratio <= 1.5 ? 0 : 1;
