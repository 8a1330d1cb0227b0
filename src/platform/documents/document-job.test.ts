import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorker } from '../jobs/worker.js';
import type { Worker } from '../jobs/worker.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import type { DocumentRecord } from '../store/documents.js';
import { createThreadPool, type ThreadPool } from '../threads/pool.js';
import { DOCUMENT_JOB_KIND, createDocumentJobHandler } from './document-job.js';
import { documentFileName } from './generate.js';

const DEMO_DIR = new URL('../../../examples/forges-de-l-est/', import.meta.url);
const DEMO: Record<string, string> = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [name, readFileSync(new URL(name, DEMO_DIR), 'utf8')]),
);

async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('documentFileName', () => {
  it('names files by slug, kind in the language, version and extension', () => {
    expect(documentFileName('forges', 'dat', 'fr', 3, 'pdf')).toBe('forges-dat-v3.pdf');
    expect(documentFileName('forges', 'analysis', 'fr', 1, 'md')).toBe('forges-analyse-v1.md');
    expect(documentFileName('forges', 'analysis', 'en', 1, 'md')).toBe('forges-analysis-v1.md');
  });
});

describe.each(STORE_DIALECTS)('document.generate job on %s', (dialect) => {
  let t: TestStore;
  let worker: Worker | undefined;
  // The pool `vigie serve` uses; inline on sources (see threads/pool.test.ts for the threads).
  let threads: ThreadPool;
  let workspaceId = '';
  let userId = '';

  beforeEach(async () => {
    t = await openTestStore(dialect, { jobs: { backoffMs: 1 } });
    const user = await t.store.users.create({
      email: 'a@x.org',
      displayName: 'Alice Analyste',
      passwordHash: 'h',
    });
    userId = user.id;
    workspaceId = (await t.store.workspaces.create({ slug: 'forges', name: 'F', ownerId: userId }))
      .id;
    await t.store.versions.append(workspaceId, null, DEMO, 'Demo', userId);
    threads = createThreadPool();
    worker = startWorker(
      t.store,
      [createDocumentJobHandler(t.store, { today: () => '2026-03-02', threads })],
      {
        pollMs: 10,
        workerId: 'w1',
      },
    );
  });
  afterEach(async () => {
    await worker?.stop();
    await threads.terminate();
    await t.dispose();
  });

  const request = async (
    kind: 'dat' | 'analysis',
    format: 'md' | 'pdf' | 'html',
    lang: 'fr' | 'en',
    version = 1,
  ): Promise<{ doc: DocumentRecord; jobId: string }> => {
    const doc = await t.store.documents.create({
      workspaceId,
      version,
      kind,
      format,
      locale: lang,
      createdBy: userId,
    });
    const jobId = await t.store.jobs.enqueue(DOCUMENT_JOB_KIND, { documentId: doc.id });
    await t.store.documents.setJob(doc.id, jobId);
    return { doc, jobId };
  };

  const finished = async (id: string): Promise<DocumentRecord> => {
    let record: DocumentRecord | undefined;
    await until(async () => {
      record = await t.store.documents.get(workspaceId, id);
      return record?.status === 'done' || record?.status === 'failed';
    });
    if (record === undefined) throw new Error('missing');
    return record;
  };

  it('generates the demo DAT in Markdown', async () => {
    const { doc, jobId } = await request('dat', 'md', 'fr');
    const record = await finished(doc.id);
    expect(record).toMatchObject({
      status: 'done',
      fileName: 'forges-dat-v1.md',
      contentType: 'text/markdown; charset=utf-8',
      error: null,
    });
    const content = await t.store.documents.getContent(workspaceId, doc.id);
    const text = content?.content.toString('utf8') ?? '';
    expect(text).toContain("Forges de l'Est");
    expect(text).toContain('Alice Analyste');
    expect(record.size).toBe(content?.content.length);
    expect((await t.store.jobs.get(jobId))?.status).toBe('done');
  });

  it('fails for good, without retrying, when the version files are invalid', async () => {
    await t.store.db
      .updateTable('model_versions')
      .set({ files_json: JSON.stringify({ 'model.yaml': 'assets: [ {id: 1' }) })
      .where('workspace_id', '=', workspaceId)
      .execute();
    const { doc, jobId } = await request('analysis', 'html', 'en');
    const record = await finished(doc.id);
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/^The model of version 1 has \d+ error\(s\)/);
    expect(record.error).toContain('model.yaml:');
    expect(await t.store.documents.getContent(workspaceId, doc.id)).toBeUndefined();
    expect(await t.store.jobs.get(jobId)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('marks the document failed when the job gives up', async () => {
    const { doc } = await request('dat', 'md', 'fr');
    // The version vanishes under the job: a permanent failure reported in the row.
    await t.store.db.deleteFrom('model_versions').execute();
    const record = await finished(doc.id);
    expect(record.status).toBe('failed');
    expect(record.error).toContain("n'existe plus");
    const handler = createDocumentJobHandler(t.store);
    const other = await t.store.documents.create({
      workspaceId,
      version: 1,
      kind: 'dat',
      format: 'md',
      locale: 'en',
      createdBy: null,
    });
    await handler.failed?.({ documentId: other.id }, 'database down', {} as never);
    expect(await t.store.documents.get(workspaceId, other.id)).toMatchObject({
      status: 'failed',
      error: 'Generation failed: database down',
    });
  });

  it.runIf(dialect === 'postgres')(
    'generates the demo DAT as a PDF',
    async () => {
      const started = performance.now();
      const { doc, jobId } = await request('dat', 'pdf', 'fr');
      const record = await finished(doc.id);
      const elapsed = performance.now() - started;
      expect(record).toMatchObject({ status: 'done', fileName: 'forges-dat-v1.pdf' });
      const content = await t.store.documents.getContent(workspaceId, doc.id);
      expect(content?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(content?.contentType).toBe('application/pdf');
      const result = (await t.store.jobs.get(jobId))?.result as { ms: number; pages: number };
      expect(result.pages).toBeGreaterThan(5);
      // Reported in the test output for the timings.
      process.stdout.write(
        `demo DAT PDF: ${String(content?.content.length)} bytes, ${String(result.pages)} pages, generation ${String(result.ms)} ms, request→done ${Math.round(elapsed)} ms\n`,
      );
    },
    180_000,
  );
});
