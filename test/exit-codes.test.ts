/**
 * Exit codes pipelines can trust: every command of the registry is run with outputs it cannot
 * write and inputs it cannot read, and must exit 2 with a message naming the path — never 0,
 * never 70, never a stack trace, never a hang.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { openSync, closeSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import type { Command } from '../src/cli/context.js';
import { firstRun } from '../src/platform/bootstrap/first-run.js';
import { openStore } from '../src/platform/store/index.js';
import { root, vigie, type Outcome } from './support/cli.js';
import { sampleResults } from './support/audit-results.js';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-exit-codes-'));
const model = join(root, 'examples', 'minimal');
const demo = join(root, 'examples', 'forges-de-l-est');
const threagile = join(root, 'test', 'fixtures', 'threagile', 'threagile-stub-model.yaml');
const CASE =
  'rules-emerging-threats/2025/Exploits/CVE-2025-55182/proc_creation_win_exploit_cve_2025_55182_susp_nodejs_server_child_process';
const RULE_ID = '271de298-cc0e-4842-acd8-079a0a99ea65';
const regression = join(root, 'test', 'fixtures', 'sigma', 'regression');
const rule = join(regression, 'rules', `${CASE}.yml`);
const events = join(regression, 'regression_data', CASE, `${RULE_ID}.json`);

const fifo = join(scratch, 'fifo.yaml');
const auditResults = join(scratch, 'audit-results.json');
const plainFile = join(scratch, 'plain-file');
const emptyStore = join(scratch, 'empty-store');
const seededStore = join(scratch, 'seeded-store');
const hasDevices = existsSync('/dev/full') && existsSync('/dev/zero');

beforeAll(async () => {
  execFileSync('mkfifo', [fifo]);
  writeFileSync(auditResults, JSON.stringify(sampleResults()));
  writeFileSync(plainFile, 'not a directory\n');
  // a store with megabytes of data: a backup that stops being read must still end (it stalled)
  const store = await openStore({ dataDir: seededStore });
  const yaml = readdirSync(demo).filter((name) => name.endsWith('.yaml'));
  const files: Record<string, string> = {};
  for (let copy = 0; copy < 40; copy++)
    for (const name of yaml)
      files[`${String(copy)}-${name}`] = readFileSync(join(demo, name), 'utf8');
  await firstRun(store, { name: 'Demo', files }, 'test');
  await store.close();
});

afterAll(() => {
  // a reader stuck opening the FIFO (a regression) is released by a writer
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // no reader: nothing is stuck
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs `vigie`, failing (instead of hanging the suite) when it does not finish. */
async function run(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`vigie ${args.join(' ')} did not finish`));
    }, 20_000);
  });
  try {
    return await Promise.race([vigie(args, env), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/**
 * Exit 2, a message matching `message` and naming `path` (on standard error, or on standard output
 * for the commands whose report is the list of problems), no stack, no internal error.
 */
function expectRefused(out: Outcome, path: string, message: RegExp): void {
  const text = `${out.stderr}${out.stdout}`;
  expect(text).toContain(path);
  expect(text).toMatch(message);
  expect(text).not.toMatch(STACK_LINE);
  expect(text).not.toMatch(/internal error|erreur interne/);
  expect(out.code).toBe(2);
}

/**
 * How to run each command that writes a file or a folder, with `out` as its output. A command
 * of the registry with an `output` option must be here (the test below says which is missing).
 */
const OUTPUTS: Readonly<
  Record<
    string,
    {
      readonly kind: 'file' | 'dir';
      readonly ext?: string;
      readonly env?: Record<string, string>;
      readonly args: (out: string) => string[];
    }
  >
> = {
  needs: { kind: 'file', args: (out) => ['needs', model, '-o', out] },
  pra: { kind: 'file', args: (out) => ['pra', 'schedule', model, '-o', out] },
  analyze: { kind: 'file', args: (out) => ['analyze', model, '--no-paths', '-o', out] },
  dat: { kind: 'file', args: (out) => ['dat', model, '-o', out] },
  report: { kind: 'file', args: (out) => ['report', 'analysis', model, '-o', out] },
  diagram: { kind: 'file', ext: '.svg', args: (out) => ['diagram', model, '-o', out] },
  backup: { kind: 'file', env: { VIGIE_DATA: seededStore }, args: (out) => ['backup', '-o', out] },
  hunt: { kind: 'file', args: (out) => ['hunt', '--rules', rule, '-o', out, events] },
  schema: { kind: 'file', args: (out) => ['schema', '-o', out] },
  init: { kind: 'dir', args: (out) => ['init', out] },
  import: { kind: 'dir', args: (out) => ['import', 'threagile', threagile, '-o', out] },
  generate: { kind: 'dir', args: (out) => ['generate', '--assets', '20', '-o', out] },
  audit: {
    kind: 'file',
    args: (out) => ['audit', 'report', auditResults, '--format', 'csv', '-o', out],
  },
};

/** How each command reads a user-named path; `dirOk` when a directory is a valid input. */
const INPUTS: readonly {
  readonly label: string;
  readonly dirOk: boolean;
  readonly env?: Record<string, string>;
  readonly args: (input: string) => string[];
}[] = [
  { label: 'validate', dirOk: true, args: (p) => ['validate', p] },
  { label: 'summary', dirOk: true, args: (p) => ['summary', p] },
  { label: 'needs', dirOk: true, args: (p) => ['needs', p] },
  { label: 'pra', dirOk: true, args: (p) => ['pra', 'analyze', p] },
  { label: 'needs --spec', dirOk: false, args: (p) => ['needs', model, '--spec', p] },
  { label: 'analyze', dirOk: true, args: (p) => ['analyze', p, '--no-paths'] },
  { label: 'dat', dirOk: true, args: (p) => ['dat', p] },
  { label: 'report', dirOk: true, args: (p) => ['report', 'analysis', p] },
  { label: 'diagram', dirOk: true, args: (p) => ['diagram', p] },
  { label: 'restore', dirOk: false, env: { VIGIE_DATA: emptyStore }, args: (p) => ['restore', p] },
  { label: 'rules --model', dirOk: true, args: (p) => ['rules', '--model', p] },
  { label: 'hunt <logs>', dirOk: true, args: (p) => ['hunt', '--rules', rule, p] },
  { label: 'hunt --rules', dirOk: true, args: (p) => ['hunt', '--rules', p, events] },
  {
    label: 'hunt --pipeline',
    dirOk: false,
    args: (p) => ['hunt', '--rules', rule, '--pipeline', p, events],
  },
  { label: 'sigma check', dirOk: true, args: (p) => ['sigma', 'check', p] },
  { label: 'graph', dirOk: true, args: (p) => ['graph', p] },
  { label: 'audit report', dirOk: false, args: (p) => ['audit', 'report', p, '--format', 'csv'] },
  { label: 'audit --scope', dirOk: false, args: (p) => ['audit', 'run', '--scope', p] },
  {
    label: 'import',
    dirOk: false,
    args: (p) => ['import', 'threagile', p, '-o', join(scratch, 'imported')],
  },
];

/** Commands that read no user-named file (their other failures are tested with them). */
const NO_FILE_INPUT = ['serve', 'backup', 'schema', 'init', 'generate', 'admin'];

const loaded: { name: string; command: Command }[] = await Promise.all(
  COMMANDS.map(async (entry) => ({ name: entry.name, command: await entry.load() })),
);

describe('the tables of this test cover the command registry', () => {
  it('has a way to run every command that writes a file', () => {
    const writers = loaded.filter(({ command }) => 'output' in command.options).map((c) => c.name);
    expect(writers.filter((name) => !(name in OUTPUTS))).toEqual([]);
  });

  it('knows how every command reads its inputs', () => {
    const covered = new Set([...INPUTS.map((i) => i.label.split(' ')[0]), ...NO_FILE_INPUT]);
    expect(loaded.map((c) => c.name).filter((name) => !covered.has(name))).toEqual([]);
  });
});

describe.skipIf(!hasDevices)('an output that cannot be written exits 2 and names the path', () => {
  for (const [name, spec] of Object.entries(OUTPUTS)) {
    const ext = spec.ext ?? '';
    if (spec.kind === 'file') {
      it(`${name}: under a missing directory, a directory, /dev/full`, async () => {
        const missing = join(scratch, `no-such-dir-${name}`, `out${ext}`);
        expectRefused(
          await run(spec.args(missing), spec.env),
          missing,
          new RegExp(`the directory ${dirname(missing)} does not exist`),
        );
        expect(existsSync(dirname(missing))).toBe(false);

        const directory = join(scratch, `dir-${name}${ext}`);
        mkdirSync(directory);
        expectRefused(await run(spec.args(directory), spec.env), directory, /it is a directory/);
        expect(readdirSync(directory)).toEqual([]);

        // /dev/full under a name with the extension the command needs
        const full = ext === '' ? '/dev/full' : join(scratch, `full-${name}${ext}`);
        if (full !== '/dev/full') symlinkSync('/dev/full', full);
        expectRefused(
          await run(spec.args(full), spec.env),
          full,
          /no space left on the device \(ENOSPC\)/,
        );
        // nothing left behind: no temporary file beside the output
        expect(readdirSync(scratch).filter((f) => f.includes('.tmp'))).toEqual([]);
      });
    } else {
      it(`${name}: a file in the way, /dev/full, a path under a file`, async () => {
        expectRefused(await run(spec.args(plainFile)), plainFile, /a directory was expected/);
        expectRefused(await run(spec.args('/dev/full')), '/dev/full', /a directory was expected/);
        const under = join(plainFile, 'sub');
        expectRefused(await run(spec.args(under)), under, /a directory was expected/);
        expect(readFileSync(plainFile, 'utf8')).toBe('not a directory\n');
      });
    }
  }

  it('says it in French too', async () => {
    const missing = join(scratch, 'absent', 'schema.json');
    const out = await run(['schema', '-o', missing, '--lang', 'fr']);
    expectRefused(
      out,
      missing,
      /impossible d’écrire .*\s: le répertoire .* n’existe pas \(ENOENT\)/,
    );
    const full = await run(['schema', '-o', '/dev/full', '--lang', 'fr']);
    expectRefused(full, '/dev/full', /plus de place sur le périphérique \(ENOSPC\)/);
  });
});

describe.skipIf(!hasDevices)('an input that cannot be read exits 2 and names the path', () => {
  for (const input of INPUTS) {
    it(`${input.label}: a missing file, /dev/zero, a FIFO${input.dirOk ? '' : ', a directory'}`, async () => {
      const missing = join(scratch, 'missing.yaml');
      expectRefused(
        await run(input.args(missing), input.env),
        missing,
        /no such file or directory/i,
      );
      const special = /a device, a named pipe or a socket/;
      expectRefused(await run(input.args('/dev/zero'), input.env), '/dev/zero', special);
      expectRefused(await run(input.args(fifo), input.env), fifo, special);
      if (!input.dirOk) {
        const directory = join(scratch, 'a-directory');
        mkdirSync(directory, { recursive: true });
        expectRefused(await run(input.args(directory), input.env), directory, /it is a directory/);
      }
    });
  }
});

describe('vigie hunt never calls an incomplete hunt clean', () => {
  it('exits 2 on a truncated gzip log', async () => {
    const whole = gzipSync(readFileSync(events));
    const truncated = join(scratch, 'truncated.json.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const out = await run(['hunt', '--rules', rule, truncated]);
    expectRefused(out, truncated, /Incomplete hunt: 1 input problem\(s\) in 1 file\(s\)/);
  });

  it('exits 2 on an over-long record, and still prints what the rest matched', async () => {
    const long = join(scratch, 'long.jsonl');
    const record = `{"Event":{"EventData":{"CommandLine":"${'a'.repeat(17 * 1024 * 1024)}"}}}`;
    writeFileSync(long, `${record}\n`);
    const out = await run(['hunt', '--rules', rule, '--format', 'jsonl', events, long]);
    expectRefused(out, long, /over the 16777216-byte limit/);
    expect(out.stdout.trim().split('\n').length).toBeGreaterThan(0);
    expect(out.stdout).toContain(RULE_ID);
  });

  it('exits 2 when one of the logs is missing, with the detections of the others', async () => {
    const missing = join(scratch, 'gone.json');
    const out = await run(['hunt', '--rules', rule, '--format', 'jsonl', events, missing]);
    expectRefused(out, missing, /cannot read .*gone\.json: no such file or directory/);
    expect(out.stdout).toContain(RULE_ID);
    // the same run without the missing file: detections, exit 1
    expect((await run(['hunt', '--rules', rule, events])).code).toBe(1);
  });

  it('writes the detections to -o atomically and keeps them when the hunt is incomplete', async () => {
    const file = join(scratch, 'detections.jsonl');
    const missing = join(scratch, 'gone-again.json');
    const out = await run([
      'hunt',
      '--rules',
      rule,
      '--format',
      'jsonl',
      '-o',
      file,
      events,
      missing,
    ]);
    expect(out.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toContain(RULE_ID);
  });
});

describe('every command documents its exit codes in --help', () => {
  for (const { name, command } of loaded) {
    it(name, async () => {
      const out = await run([name, '--help']);
      expect(out.code).toBe(0);
      const section = out.stdout.slice(out.stdout.indexOf('Exit codes:'));
      expect(section).toMatch(/^ {2}0 {3}success$/m);
      expect(section).toMatch(/^ {2}2 {3}bad usage, unreadable input or unwritable output/m);
      expect(section).toMatch(/^ {2}70 {2}internal error/m);
      expect(/^ {2}1 {3}\S/m.test(section)).toBe(command.found !== undefined);
    });
  }

  it('and the README lists the same commands for exit code 1', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const row = /^\| 1 \| (.*) \|$/m.exec(readme)?.[1] ?? '';
    const named = [...row.matchAll(/`(\w+)[^`]*`/g)].map((m) => m[1]);
    const finders = loaded.filter(({ command }) => command.found !== undefined).map((c) => c.name);
    expect(new Set(named)).toEqual(new Set(finders));
  });

  it('in French too', async () => {
    const out = await run(['hunt', '--help', '--lang', 'fr']);
    expect(out.stdout).toMatch(
      /Codes de sortie\s:\n {2}0 {3}succès\n {2}1 {3}quelque chose a été détecté/,
    );
  });
});

/** True when dist/ was built after the last change to the CLI's sources (the spawned runs need it). */
function distIsFresh(): boolean {
  const built = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(built)) return false;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return newest(path);
        return entry.name.endsWith('.test.ts') ? 0 : statSync(path).mtimeMs;
      }),
    );
  const sources = ['src/cli', 'src/io', 'src/i18n'].map((dir) => newest(join(root, dir)));
  return statSync(built).mtimeMs >= Math.max(...sources);
}

describe.skipIf(!hasDevices || !distIsFresh())('the vigie process (built dist/)', () => {
  const bin = join(root, 'bin', 'vigie.js');
  const spawnVigie = (args: string[], stdout: number | 'pipe' = 'pipe') =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LANG: 'en_GB.UTF-8', VIGIE_LANG: '' },
      stdio: ['ignore', stdout, 'pipe'],
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('exits 2 without a stack when standard output is full', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const out = spawnVigie(['schema'], full);
      expect(out.stderr).toBe(
        'error: cannot write standard output: no space left on the device (ENOSPC).\n',
      );
      expect(out.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('exits 2 without a stack on an unwritable -o', () => {
    const missing = join(scratch, 'nowhere', 'detections.txt');
    const out = spawnVigie(['hunt', '--rules', rule, '-o', missing, events]);
    expect(out.stderr).toBe(
      `error: cannot write ${missing}: the directory ${dirname(missing)} does not exist (ENOENT).\n`,
    );
    expect(out.status).toBe(2);
  });
});
