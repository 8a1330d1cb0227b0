/**
 * The thread pool in both modes. Under Vitest this module imports pool.ts from the sources, which
 * runs tasks in-process (`inline`); the `thread` mode is tested here by importing the BUILT pool
 * (dist/platform/threads/pool.js, from `npm run build`), whose tasks run in real worker threads,
 * and end to end by the tests that spawn the built server (test/two-instances.test.ts,
 * test/serve-cli.test.ts). dist/ reflects the sources of the last build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDocument } from '../documents/generate.js';
import { createThreadPool, type ThreadPool } from './pool.js';
import type * as PoolModule from './pool.js';
import type { DocumentTaskInput } from './tasks.js';

const DEMO_DIR = new URL('../../../examples/forges-de-l-est/', import.meta.url);
const DEMO: Record<string, string> = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [name, readFileSync(new URL(name, DEMO_DIR), 'utf8')]),
);
const BUILT_POOL = new URL('../../../dist/platform/threads/pool.js', import.meta.url);
const BUILT = existsSync(fileURLToPath(BUILT_POOL));

const request = (
  format: 'md' | 'pdf',
  files: Record<string, string> = DEMO,
): DocumentTaskInput => ({
  files,
  request: {
    kind: 'dat',
    format,
    lang: 'fr',
    version: 1,
    slug: 'forges',
    today: '2026-03-02',
    author: 'Alice',
  },
});
const INVALID = { 'model.yaml': 'assets: [ {id: 1' };

/** Rejects with a ThreadTaskError of this code. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    // by name and code: the built pool's class is not the sources' one
    if (error instanceof Error && error.name === 'ThreadTaskError' && 'code' in error) {
      return String(error.code);
    }
    throw error;
  }
  throw new Error('the task did not fail');
}

const pools: ThreadPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.terminate()));
});

describe('thread pool on sources (inline: the same task functions, in-process)', () => {
  const open = (options: Parameters<typeof createThreadPool>[0] = {}): ThreadPool => {
    const pool = createThreadPool(options);
    pools.push(pool);
    return pool;
  };

  it('runs in-process when the thread entry is not built beside the module', () => {
    expect(open().mode).toBe('inline');
    expect(() => createThreadPool({ mode: 'thread' })).toThrow(/Thread entry not found/);
  });

  it('gives what generateDocument gives, as cloned plain data', async () => {
    const input = request('md');
    const [pooled, direct] = await Promise.all([
      open().run('document.generate', input),
      generateDocument(input.files, input.request),
    ]);
    if (!pooled.ok || !direct.ok) throw new Error('generation failed');
    expect(pooled.value.fileName).toBe('forges-dat-v1.md');
    expect(Buffer.isBuffer(pooled.value.bytes)).toBe(false);
    expect(Buffer.from(pooled.value.bytes).equals(Buffer.from(direct.value.bytes))).toBe(true);
  });

  it('returns an invalid model as a value, and a throwing or unclonable task as `failed`', async () => {
    const pool = open();
    const invalid = await pool.run('document.generate', request('md', INVALID));
    expect(invalid).toMatchObject({ ok: false, code: 'invalid_model' });
    const bad = { ...request('md'), request: { ...request('md').request, onProgress: () => 0 } };
    expect(await failure(pool.run('document.generate', bad))).toBe('failed');
    expect(await failure(pool.run('document.generate', { files: DEMO } as never))).toBe('failed');
  });

  it('queues beyond its size and rejects queued tasks when terminated', async () => {
    const pool = open({ size: 1 });
    const first = pool.run('document.generate', request('md'));
    const second = failure(pool.run('document.generate', request('md')));
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    await pool.terminate();
    expect(await second).toBe('terminated');
    expect((await first).ok).toBe(true);
    expect(await failure(pool.run('document.generate', request('md')))).toBe('terminated');
  });
});

describe.skipIf(!BUILT)(
  BUILT
    ? 'thread pool from dist/ (worker threads)'
    : 'thread pool from dist/ — SKIPPED: dist/platform/threads/pool.js is missing, run "npm run build"',
  () => {
    const open = async (
      options: Parameters<typeof createThreadPool>[0] = {},
    ): Promise<ThreadPool> => {
      const built = (await import(BUILT_POOL.href)) as typeof PoolModule;
      const pool = built.createThreadPool(options);
      pools.push(pool);
      return pool;
    };

    it('generates in a worker thread exactly what the in-process path generates', async () => {
      const pool = await open();
      expect(pool.mode).toBe('thread');
      const input = request('md');
      const threaded = await pool.run('document.generate', input);
      const direct = await generateDocument(input.files, input.request);
      if (!threaded.ok || !direct.ok) throw new Error('generation failed');
      expect(threaded.value.fileName).toBe(direct.value.fileName);
      expect(Buffer.from(threaded.value.bytes).equals(Buffer.from(direct.value.bytes))).toBe(true);
      const invalid = await pool.run('document.generate', request('md', INVALID));
      expect(invalid).toMatchObject({ ok: false, code: 'invalid_model' });
      expect(await failure(pool.run('document.generate', { files: DEMO } as never))).toBe('failed');
      // the thread survived the failing task
      expect((await pool.run('document.generate', input)).ok).toBe(true);
      expect(pool.stats()).toEqual({ threads: 1, running: 0, queued: 0 });
    }, 120_000);

    it('keeps the event loop free while a DAT PDF is generated', async () => {
      const pool = await open();
      let last = performance.now();
      let worst = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 20);
      try {
        const result = await pool.run('document.generate', request('pdf'));
        if (!result.ok) throw new Error(result.error);
        expect(Buffer.from(result.value.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      } finally {
        clearInterval(tick);
      }
      // in-process, the event loop stops for seconds; here only the copy of the bytes counts
      expect(worst).toBeLessThan(1000);
    }, 180_000);

    it('terminates a thread over its time limit and starts a fresh one for the next task', async () => {
      const pool = await open({ timeoutMs: 200 });
      expect(await failure(pool.run('document.generate', request('pdf')))).toBe('timeout');
      expect(pool.stats().threads).toBe(0);
      const next = await (
        await open({ timeoutMs: 120_000 })
      ).run('document.generate', request('md'));
      expect(next.ok).toBe(true);
    }, 120_000);

    it('reports a thread that dies as `crashed`, and a closed pool as `terminated`', async () => {
      const small = await open({ resourceLimits: { maxOldGenerationSizeMb: 4 } });
      expect(await failure(small.run('document.generate', request('pdf')))).toBe('crashed');
      const pool = await open();
      const running = failure(pool.run('document.generate', request('pdf')));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await pool.terminate();
      expect(await running).toBe('terminated');
      expect(pool.stats().threads).toBe(0);
    }, 120_000);

    it.skipIf(process.platform !== 'linux')(
      'runs its threads below the priority of the thread answering requests',
      async () => {
        const pool = await open();
        await pool.run('document.generate', request('md'));
        const nice = (task: string): number =>
          Number(
            readFileSync(`/proc/${String(process.pid)}/task/${task}/stat`, 'utf8')
              .split(') ')[1]
              ?.split(' ')[16],
          );
        const tasks = readdirSync(`/proc/${String(process.pid)}/task`);
        // nice 10 for the pool's thread (or the process's own, when it already runs lower)
        const main = nice(String(process.pid));
        expect(Math.max(...tasks.map(nice))).toBeGreaterThanOrEqual(Math.max(main, 10));
      },
      120_000,
    );

    it('analyses a version in a thread, keeps it, and moves the bytes both ways', async () => {
      const pool = await open();
      const inline = createThreadPool({ mode: 'inline' });
      pools.push(inline);
      const encode = (): Uint8Array => new TextEncoder().encode(JSON.stringify(DEMO));
      const load = { number: 1, created: '2026-03-01T00:00:00.000Z', today: '2026-03-02' };
      const query = { kind: 'summary' } as const;
      const sent = encode();
      const threaded = await pool.run(
        'analysis.answer',
        { key: 'pool-test|1', locale: 'fr', query, load: { ...load, filesJson: sent } },
        [sent.buffer as ArrayBuffer],
      );
      // moved, not copied: the sender's buffer is detached
      expect(sent.byteLength).toBe(0);
      const local = await inline.run('analysis.answer', {
        key: 'pool-test-inline|1',
        locale: 'fr',
        query,
        load: { ...load, filesJson: encode() },
      });
      if (threaded.status !== 'ok' || local.status !== 'ok') throw new Error('no answer');
      expect(threaded.computed).toBe(true);
      const summary = JSON.parse(new TextDecoder().decode(threaded.json)) as { version: number };
      expect(summary).toEqual(JSON.parse(new TextDecoder().decode(local.json)));
      expect(summary.version).toBe(1);
      // the thread kept the version: no files needed, nothing computed again
      const again = await pool.run('analysis.answer', {
        key: 'pool-test|1',
        locale: 'en',
        query: { kind: 'findings', filter: {} },
      });
      expect(again).toMatchObject({ status: 'ok', computed: false });
      if (again.status === 'ok') expect(again.gzip).toBeInstanceOf(Uint8Array);
      expect(
        await pool.run('analysis.answer', { key: 'pool-test|2', locale: 'en', query }),
      ).toEqual({ status: 'missing' });
    }, 120_000);
  },
);
