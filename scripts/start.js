#!/usr/bin/env node
// `npm start`: builds when needed, then runs the platform (`vigie serve`) on http://127.0.0.1:8080/
// with the demo organisation. Extra arguments go to `vigie serve` (`npm start -- --port 9000`);
// VIGIE_DATA, DATABASE_URL, VIGIE_DB_SCHEMA, HOST and PORT are honoured as by `vigie serve`.
//
// The build (`npm run build`: TypeScript → dist/, the web UI → dist/web) runs when one of its
// outputs is missing, or older than the newest file under src/ or web/ (tests excluded) or a
// build configuration file. `npm ci` builds already (prepare script), so a fresh clone starts
// at once; after editing a source file, `npm start` rebuilds first.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the build produces: the CLI entry point and the web UI's page. */
const OUTPUTS = ['dist/cli/main.js', 'dist/web/index.html'];
/** What the build reads: source trees (minus tests) and configuration files. */
const SOURCE_TREES = ['src', 'web'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];
const SKIPPED = /(^\.|^node_modules$|\.test\.tsx?$)/;

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of the files under `dir` (0 when it does not exist). */
function newestUnder(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    if (SKIPPED.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(path));
    else if (entry.isFile()) newest = Math.max(newest, mtimeOf(path) ?? 0);
  }
  return newest;
}

/** Why a build is needed, or undefined when dist/ is up to date. */
export function buildReason(base = root) {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    const mtime = mtimeOf(join(base, output));
    if (mtime === undefined) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, mtime);
  }
  let newestSource = 0;
  for (const tree of SOURCE_TREES)
    newestSource = Math.max(newestSource, newestUnder(join(base, tree)));
  for (const file of SOURCE_FILES)
    newestSource = Math.max(newestSource, mtimeOf(join(base, file)) ?? 0);
  return newestSource > oldestOutput ? 'sources changed since the last build' : undefined;
}

function say(text) {
  process.stdout.write(`${text}\n`);
}

function run(command, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      process.stderr.write(`vigie start: cannot run ${command}: ${error.message}\n`);
      resolvePromise(1);
    });
    child.on('exit', (code, signal) => {
      resolvePromise(code ?? (signal === null ? 1 : 128));
    });
  });
}

async function main() {
  const started = Date.now();
  const reason = buildReason();
  if (reason !== undefined) {
    say(`vigie start: building (${reason}): npm run build …`);
    const code = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
    if (code !== 0) {
      process.stderr.write(`vigie start: the build failed (exit ${String(code)}).\n`);
      return code;
    }
    say(`vigie start: built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const data = process.env.VIGIE_DATA ?? 'data';
  say(
    databaseUrl === ''
      ? `vigie start: data in ${isAbsolute(data) ? data : resolve(process.cwd(), data)} (set VIGIE_DATA to change it, DATABASE_URL for PostgreSQL).`
      : 'vigie start: data in PostgreSQL (DATABASE_URL).',
  );
  // `exec`, in effect: the CLI runs in this process, so signals reach it directly (one process,
  // nothing to forward) and its exit code is ours.
  const bin = join(root, 'bin', 'vigie.js');
  process.argv = [process.argv[0] ?? process.execPath, bin, 'serve', ...process.argv.slice(2)];
  await import(pathToFileURL(bin).href);
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await main();
  if (code !== undefined) process.exitCode = code;
}
