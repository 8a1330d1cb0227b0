/**
 * Two `vigie serve` processes on one PostgreSQL database (a fresh schema): started together, they
 * bootstrap once; sessions, versions and optimistic concurrency are shared; a document job is run
 * by exactly one worker. Needs the built CLI (dist/, which `npm ci` builds) and PostgreSQL at
 * TEST_DATABASE_URL. Both processes are killed and the schema dropped at the end, even on failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../src/platform/store/test-support.js';
import { root } from './support/cli.js';

const BIN = join(root, 'bin', 'vigie.js');
const BUILT = join(root, 'dist', 'cli', 'main.js');
const START_TIMEOUT_MS = 60_000;

interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

const schema = `vigie_two_${randomBytes(6).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-two-'));
const children: ChildProcess[] = [];
let a: Instance;
let b: Instance;

/** The database URL with the schema first in search_path (a stale build then fails, not pollutes). */
function databaseUrl(): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

function startInstance(name: string): Promise<Instance> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'en_GB.UTF-8',
    VIGIE_LANG: 'en',
    VIGIE_DATA: join(dataDir, name),
    DATABASE_URL: databaseUrl(),
    VIGIE_DB_SCHEMA: schema,
  };
  delete env.HOST;
  delete env.PORT;
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${name} did not start in time:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1] !== undefined && output.includes('Open http')) {
        clearTimeout(timer);
        resolve({ name, child, url: match[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${String(code)}) before serving:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function query<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function call(
  instance: Instance,
  method: string,
  path: string,
  session?: Session,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  if (session !== undefined) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${instance.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

beforeAll(async () => {
  if (!existsSync(BUILT))
    throw new Error('dist/ is not built: run "npm run build" (npm ci does it).');
  // Both at once: the first-run bootstrap must happen exactly once.
  const started = await Promise.allSettled([startInstance('a'), startInstance('b')]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  [a, b] = started.map((result) => (result as PromiseFulfilledResult<Instance>).value) as [
    Instance,
    Instance,
  ];
}, START_TIMEOUT_MS * 2);

afterAll(async () => {
  await Promise.all(children.map(stop));
  await query(`drop schema if exists "${schema}" cascade`);
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('two vigie serve instances on one PostgreSQL database', () => {
  let session: Session;
  let workspaceId: string;

  it('bootstraps once: one administrator, one demo workspace, one password printed', async () => {
    expect(a.output()).toContain(`schema ${schema}`);
    const printed = [a, b].filter((instance) => instance.output().includes('First run:'));
    expect(printed).toHaveLength(1);
    const password = /one-time password (\S+)/.exec(printed[0]?.output() ?? '')?.[1];
    expect(password).toBeDefined();
    const users = await query<{ email: string }>(`select email from "${schema}".users`);
    expect(users.map((user) => user.email)).toEqual(['admin@vigie.local']);
    const workspaces = await query<{ id: string; slug: string }>(
      `select id, slug from "${schema}".workspaces`,
    );
    expect(workspaces.map((workspace) => workspace.slug)).toEqual(['forges-de-l-est']);
    workspaceId = workspaces[0]?.id ?? '';
    expect(
      await query(`select 1 from "${schema}".model_versions where workspace_id = '${workspaceId}'`),
    ).toHaveLength(1);

    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@vigie.local', password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    session = { cookie, csrf: csrfToken };
  });

  it('shares sessions: a login on A works on B, CSRF included', async () => {
    const me = await call(b, 'GET', '/api/auth/me', session);
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { email: 'admin@vigie.local' } });
    const noCsrf = await call(
      b,
      'POST',
      `/api/workspaces/${workspaceId}/versions`,
      {
        cookie: session.cookie,
        csrf: 'wrong',
      },
      { expectedLatest: 1, files: { 'a.yaml': '' }, message: 'x' },
    );
    expect(noCsrf.status).toBe(403);
  });

  it('shares versions and their optimistic concurrency', async () => {
    const first = await call(b, 'GET', `/api/workspaces/${workspaceId}/versions/1`, session);
    expect(first.status).toBe(200);
    const files = (first.json as { version: { files: Record<string, string> } }).version.files;
    const name = Object.keys(files).sort()[0] ?? '';
    const edited = { ...files, [name]: `${files[name] ?? ''}\n# saved on A\n` };
    const saved = await call(a, 'POST', `/api/workspaces/${workspaceId}/versions`, session, {
      expectedLatest: 1,
      files: edited,
      message: 'saved on A',
    });
    expect(saved.status).toBe(201);
    expect(saved.json).toMatchObject({ version: { number: 2, message: 'saved on A' } });
    const read = await call(b, 'GET', `/api/workspaces/${workspaceId}/versions/2`, session);
    expect(read.status).toBe(200);
    expect((read.json as { version: { files: Record<string, string> } }).version.files).toEqual(
      edited,
    );

    const racing = await Promise.all(
      [a, b].map((instance) =>
        call(instance, 'POST', `/api/workspaces/${workspaceId}/versions`, session, {
          expectedLatest: 2,
          files: { ...edited, [name]: `${edited[name] ?? ''}# from ${instance.name}\n` },
          message: `race ${instance.name}`,
        }),
      ),
    );
    expect(racing.map((result) => result.status).sort()).toEqual([201, 409]);
    const loser = racing.find((result) => result.status === 409);
    expect(loser?.json).toMatchObject({ code: 'conflict' });
    const versions = await query(
      `select number from "${schema}".model_versions where workspace_id = '${workspaceId}'`,
    );
    expect(versions).toHaveLength(3);
  }, 60_000);

  it('runs a document job requested on A exactly once, on one of the two workers', async () => {
    const requested = await call(a, 'POST', `/api/workspaces/${workspaceId}/documents`, session, {
      version: 1,
      kind: 'analysis',
      format: 'md',
      lang: 'en',
    });
    expect(requested.status).toBe(202);
    const id = (requested.json as { document: { id: string } }).document.id;
    let status = 'queued';
    const deadline = Date.now() + 90_000;
    while ((status === 'queued' || status === 'running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const polled = await call(
        b,
        'GET',
        `/api/workspaces/${workspaceId}/documents/${id}`,
        session,
      );
      status = (polled.json as { document: { status: string } }).document.status;
    }
    expect(status).toBe('done');
    const jobs = await query<{ status: string; attempts: number }>(
      `select status, attempts from "${schema}".jobs`,
    );
    expect(jobs).toEqual([{ status: 'done', attempts: 1 }]);
    const download = await fetch(
      `${b.url}/api/workspaces/${workspaceId}/documents/${id}/download`,
      {
        headers: { cookie: session.cookie },
      },
    );
    expect(download.status).toBe(200);
    expect((await download.text()).length).toBeGreaterThan(100);
  }, 120_000);

  it('serves the web UI from both', async () => {
    for (const instance of [a, b]) {
      const page = await fetch(`${instance.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });
});
