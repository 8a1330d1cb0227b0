import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';
import { selfSignedCertificate } from './support/tls.js';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-serve-cli-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('vigie serve', () => {
  it('refuses a bad port with exit 2, and says why a store cannot open', async () => {
    const port = await vigie(['serve', '--port', '99999']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port expects a whole number');
    const envPort = await vigie(['serve'], { PORT: 'eighty' });
    expect(envPort.code).toBe(2);
    expect(envPort.stderr).toContain('--port expects a whole number');
    const store = await vigie(['serve', '--port', '0'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(store.code).toBe(2);
    expect(store.stderr).toMatch(/cannot start/);
    expect(store.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const schema = await vigie(['serve', '--port', '0'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      VIGIE_DB_SCHEMA: 'Bad-Name; drop',
    });
    expect(schema.code).toBe(2);
    expect(schema.stderr).toMatch(/cannot start/);
  });

  it('serves the web UI and the API, prints the first-run facts once, stops on SIGINT', async () => {
    const dataDir = join(scratch, 'data');
    const first = await runUntilServing(dataDir);
    try {
      expect(first.output).toMatch(/Vigie is serving on http:\/\/127\.0\.0\.1:\d+\/ /);
      expect(first.output).toContain(dataDir);
      expect(first.output).toMatch(/administrator admin@vigie\.local, one-time password \S{20} /);
      expect(first.output).toContain('Demo workspace: Forges de l’Est.');
      const page = await fetch(`${first.url}/w/anything/findings`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      // npm forwards the terminal's Ctrl-C: the duplicate must not cut the graceful stop short.
      first.child.kill('SIGINT');
      first.child.kill('SIGINT');
    }
    expect(await first.exited).toBe(0);

    const second = await runUntilServing(dataDir);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output).not.toContain('one-time password');
    expect(second.output).toContain('Demo workspace: Forges de l’Est.');
  }, 120_000);
});

describe('vigie serve: HTTPS settings are checked before anything starts', () => {
  const pair = selfSignedCertificate();
  const other = selfSignedCertificate();
  afterAll(() => {
    pair.dispose();
    other.dispose();
  });
  // A data directory that must stay untouched: every case fails before opening the store.
  const env = (extra: Record<string, string>): Record<string, string> => ({
    VIGIE_DATA: join(scratch, 'never-created'),
    ...extra,
  });

  it.each([
    [['--public-url', 'vigie.example.org'], {}, 'expects an absolute address'],
    [[], { VIGIE_PUBLIC_URL: 'ftp://vigie.example.org' }, 'must start with https://'],
    [['--public-url', 'https://vigie.example.org/app'], {}, 'must be the root of a site'],
    [['--public-url', 'https://me:secret@vigie.example.org'], {}, 'user name or password'],
    [['--tls-cert', pair.cert], {}, 'go together'],
    [[], { VIGIE_TLS_KEY: pair.key }, 'go together'],
    [['--tls-cert', join(pair.dir, 'missing.pem'), '--tls-key', pair.key], {}, 'ENOENT'],
    [['--tls-cert', pair.key, '--tls-key', pair.key], {}, 'holds no PEM certificate'],
    [['--tls-cert', pair.cert, '--tls-key', other.key], {}, 'does not belong to'],
  ])('%j %j: exit 2, "%s"', async (args, extra, message) => {
    const outcome = await vigie(['serve', '--port', '0', ...args], env(extra));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).not.toContain('secret');
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(scratch, 'never-created'))).toBe(false);
  });

  it('says it in French too', async () => {
    const outcome = await vigie(
      ['serve', '--port', '0', '--public-url', 'nope'],
      env({ LANG: 'fr_FR.UTF-8' }),
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('attend une adresse absolue');
  });
});

describe('vigie serve: one server per SQLite data directory', () => {
  it('refuses a second serve naming the first one’s PID and host; backup still works', async () => {
    const dataDir = join(scratch, 'shared');
    const first = await runUntilServing(dataDir);
    try {
      const second = spawnServe(dataDir);
      expect(await second.exited).toBe(2);
      expect(second.output()).toContain(
        `another Vigie server (PID ${String(first.child.pid)} on host ${hostname()}`,
      );
      expect(second.output()).toContain(join(dataDir, 'vigie.lock'));
      expect(second.output()).not.toMatch(/\n\s+at /);
      // The first one is unharmed, and a backup (read only) runs beside it.
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      const backupFile = join(scratch, 'shared-backup.vigie');
      const backup = await vigie(['backup', '-o', backupFile], { VIGIE_DATA: dataDir });
      expect(backup.code, backup.stderr).toBe(0);
      expect(existsSync(backupFile)).toBe(true);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'vigie.lock'))).toBe(false);
    // Free again: a new serve starts.
    const third = await runUntilServing(dataDir);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 180_000);

  it('takes over the lock of a server killed with -9', async () => {
    const dataDir = join(scratch, 'killed');
    const first = await runUntilServing(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(dataDir, 'vigie.lock'))).toBe(true);
    const second = await runUntilServing(dataDir);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});

interface Running {
  readonly child: ReturnType<typeof spawn>;
  readonly url: string;
  readonly output: string;
  readonly exited: Promise<number | null>;
}

/** `node bin/vigie.js serve --port 0` on SQLite in `dataDir` (needs the built dist/). */
function spawnServe(dataDir: string): {
  child: ChildProcessByStdio<null, Readable, Readable>;
  exited: Promise<number | null>;
  output: () => string;
} {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_GB.UTF-8', VIGIE_DATA: dataDir };
  delete env.DATABASE_URL;
  delete env.HOST;
  delete env.PORT;
  delete env.VIGIE_LANG;
  delete env.VIGIE_PUBLIC_URL;
  delete env.VIGIE_TLS_CERT;
  delete env.VIGIE_TLS_KEY;
  const child = spawn(process.execPath, [join(root, 'bin', 'vigie.js'), 'serve', '--port', '0'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  return { child, exited, output: () => text };
}

function runUntilServing(dataDir: string): Promise<Running> {
  const { child, exited } = spawnServe(dataDir);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`vigie serve did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const url = /serving on (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (url !== undefined && output.includes('Open http')) {
        clearTimeout(timer);
        resolve({ child, url, output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited (${String(code)}):\n${output}`));
    });
  });
}

describe('npm start (scripts/start.js): when to build', () => {
  /** Runs buildReason() of scripts/start.js on `base`. */
  const reason = (base: string): string =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { buildReason } = await import(${JSON.stringify(join(root, 'scripts', 'start.js'))});
         process.stdout.write(String(buildReason(${JSON.stringify(base)})));`,
      ],
      { encoding: 'utf8' },
    );

  it('builds when an output is missing or older than a source, not otherwise', () => {
    const base = join(scratch, 'package');
    for (const dir of ['src/cli', 'web/src', 'dist/cli', 'dist/web']) {
      mkdirSync(join(base, dir), { recursive: true });
    }
    const at = (path: string, seconds: number): void => {
      writeFileSync(join(base, path), '');
      utimesSync(join(base, path), seconds, seconds);
    };
    at('src/cli/main.ts', 1000);
    at('web/src/App.tsx', 1000);
    expect(reason(base)).toBe('dist/cli/main.js is missing');
    at('dist/cli/main.js', 2000);
    expect(reason(base)).toBe('dist/web/index.html is missing');
    at('dist/web/index.html', 2000);
    expect(reason(base)).toBe('undefined');
    at('src/cli/main.test.ts', 3000); // tests are not built
    expect(reason(base)).toBe('undefined');
    at('web/src/App.tsx', 3000);
    expect(reason(base)).toBe('sources changed since the last build');
    at('dist/web/index.html', 4000);
    expect(reason(base)).toBe('sources changed since the last build'); // dist/cli is older
    at('dist/cli/main.js', 4000);
    expect(reason(base)).toBe('undefined');
    at('tsconfig.build.json', 5000);
    expect(reason(base)).toBe('sources changed since the last build');
  });
});
