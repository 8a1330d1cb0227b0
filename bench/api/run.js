// bench/api: latency of the platform's busiest read endpoints under 50 concurrent clients.
// Starts `vigie serve` on a fresh SQLite data directory with the demo organisation, signs in as
// the first-run administrator, warms the analysis cache, then runs wrk (Debian's wrk, -c 50,
// 2 threads, BENCH_SECONDS per endpoint, default 10) on: the dashboard, the findings list and
// the asset list of the latest version, with a browser's Accept-Encoding. Prints p50/p95/p99 (ms)
// and requests/s per endpoint.
// Then the same dashboard and findings runs again while a cold analysis of a 10,000-asset model
// (written by `vigie generate`, saved as a version through the API) runs in the analysis thread:
// a new version of it is asked for before each run, so every run overlaps a cold analysis.
// Target (issues #5 and #11): p95 < 50 ms for each, with and without the concurrent analysis. Reference ("peer"): the same response bytes served by
// a bare node:http server on this machine in the same run — the ceiling of a Node process doing
// no routing, no session lookup and no database work; the ratio shows what the platform costs.
// Run after `npm run build`. BENCH_DATABASE_URL runs the server on PostgreSQL instead.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LARGE_ASSETS = Number(process.env.BENCH_LARGE_ASSETS ?? 10_000);
const CLIENTS = 50;
const schema = `bench_api_${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'vigie-bench-api-'));

function startChild(args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`child did not start:\n${out}`));
    }, 60_000);
    const onData = (chunk) => {
      out += String(chunk);
      const value = ready(out);
      if (value !== null) {
        clearTimeout(timer);
        resolve({ child, value });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}:\n${out}`));
    });
  });
}

function wrk(url, cookie) {
  const text = execFileSync(
    'wrk',
    [
      '-t2',
      `-c${CLIENTS}`,
      `-d${SECONDS}s`,
      '--timeout',
      '10s',
      '-s',
      join(here, 'report.lua'),
      // as a browser does: large analysis answers go gzipped (compressed once per answer)
      '-H',
      'Accept-Encoding: gzip, deflate, br',
      ...(cookie === undefined ? [] : ['-H', `Cookie: ${cookie}`]),
      url,
    ],
    { encoding: 'utf8' },
  );
  const line = text.split('\n').find((l) => l.startsWith('{'));
  if (line === undefined) throw new Error(`wrk printed no report:\n${text}`);
  return JSON.parse(line);
}

function row(label, r) {
  const verdict = r.p95 < 50 ? 'OK' : 'NOT MET';
  return `  ${label.padEnd(22)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${r.rps.toFixed(0).padStart(6)} req/s  errors ${r.errors}  [p95 < 50 ms ${verdict}]`;
}

async function main() {
  const env = { VIGIE_DATA: join(work, 'data'), VIGIE_LANG: 'en' };
  if (process.env.BENCH_DATABASE_URL !== undefined) {
    // a schema of its own, dropped at the end: the database is left as it was
    env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
    env.VIGIE_DB_SCHEMA = schema;
  }
  const server = await startChild(
    ['bin/vigie.js', 'serve', '--host', '127.0.0.1', '--port', '0'],
    env,
    (out) => {
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const password = /one-time password (\S+)/.exec(out)?.[1];
      return url !== undefined && password !== undefined ? { url, password } : null;
    },
  );
  const { url, password } = server.value;
  let baseline;
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@vigie.local', password }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = /vigie_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    const { csrfToken: csrf } = await login.json();
    const get = async (path) => {
      const response = await fetch(`${url}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const { workspaces } = await (await get('/api/workspaces')).json();
    const ws = workspaces[0].id;
    const { versions } = await (await get(`/api/workspaces/${ws}/versions`)).json();
    const v = versions[0].number;
    const endpoints = [
      ['dashboard', `/api/workspaces/${ws}/dashboard?lang=fr`],
      ['findings list', `/api/workspaces/${ws}/versions/${v}/findings?lang=fr`],
      ['asset list', `/api/workspaces/${ws}/versions/${v}/entities/assets?lang=fr`],
    ];
    const started = Date.now();
    let dashboardBody = '';
    for (const [label, path] of endpoints) {
      const text = await (await get(path)).text();
      if (label === 'dashboard') dashboardBody = text;
    }
    const coldMs = Date.now() - started;
    const bodyFile = join(work, 'dashboard.json');
    writeFileSync(bodyFile, dashboardBody);
    baseline = await startChild([join(here, 'baseline.js'), bodyFile], {}, (out) => {
      const port = /^(\d+)\n/.exec(out)?.[1];
      return port === undefined ? null : Number(port);
    });

    console.log(
      `bench/api — ${CLIENTS} concurrent clients, wrk -t2, ${SECONDS} s per endpoint, demo organisation (${process.env.BENCH_DATABASE_URL === undefined ? 'SQLite' : 'PostgreSQL'})`,
    );
    console.log(
      `  first (cold) requests of the three endpoints: ${coldMs} ms (analysis computed once per version)`,
    );
    const results = {};
    for (const [label, path] of endpoints) {
      results[label] = wrk(`${url}${path}`, cookie);
      console.log(row(label, results[label]));
    }
    const peer = wrk(`http://127.0.0.1:${baseline.value}/`);
    console.log(row('peer: bare node:http', peer));
    // the same runs during cold analyses of a large model
    const modelDir = join(work, 'large');
    execFileSync(
      process.execPath,
      [
        'bin/vigie.js',
        'generate',
        '--assets',
        String(LARGE_ASSETS),
        '--seed',
        '11',
        '-o',
        modelDir,
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const files = Object.fromEntries(
      readdirSync(modelDir)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => [name, readFileSync(join(modelDir, name), 'utf8')]),
    );
    const send = async (method, path, body) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const { workspace } = await send('POST', '/api/workspaces', { name: 'Large', slug: 'large' });
    const concurrent = endpoints.filter(([label]) => label !== 'asset list');
    for (let number = 1; number <= concurrent.length; number += 1) {
      await send('POST', `/api/workspaces/${workspace.id}/versions`, {
        expectedLatest: number === 1 ? null : number - 1,
        files,
        message: `generated ${number}`,
      });
    }
    console.log(
      `  during a cold analysis of a ${LARGE_ASSETS.toLocaleString('en')}-asset model (a new version before each run):`,
    );
    let number = 0;
    for (const [label, path] of concurrent) {
      number += 1;
      const started = Date.now();
      const cold = get(`/api/workspaces/${workspace.id}/versions/${number}/findings?lang=en`).then(
        async (response) => {
          await response.arrayBuffer();
          return Date.now() - started;
        },
      );
      const during = wrk(`${url}${path}`, cookie);
      const ranFor = Date.now() - started;
      const coldMs = await cold;
      console.log(
        `${row(`${label} (during)`, during)}  [cold analysis ${(coldMs / 1000).toFixed(1)} s, ${coldMs >= ranFor ? 'overlapped the whole run' : `ended ${((ranFor - coldMs) / 1000).toFixed(1)} s before the run`}]`,
      );
    }
    const d = results.dashboard;
    console.log(
      `  dashboard vs bare node:http (same ${(dashboardBody.length / 1024).toFixed(1)} KB body): ${(d.rps / peer.rps).toFixed(2)}× the requests/s, p95 ${(d.p95 / peer.p95).toFixed(2)}×`,
    );
  } finally {
    server.child.kill('SIGTERM');
    baseline?.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
    if (process.env.BENCH_DATABASE_URL !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
