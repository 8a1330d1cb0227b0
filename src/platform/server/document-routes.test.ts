import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentView } from '../api/types.js';
import { createJobHandlers, startWorker } from '../jobs/worker.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { contentDisposition } from './document-routes.js';
import { addMembers, client, expectError, signUpAll } from './test-support.js';
import type { TestMethod, TestSession } from './test-support.js';

const DEMO_DIR = new URL('../../../examples/forges-de-l-est/', import.meta.url);
const DEMO: Record<string, string> = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [name, readFileSync(new URL(name, DEMO_DIR), 'utf8')]),
);

describe('contentDisposition', () => {
  it('gives an ASCII fallback and an RFC 8187 UTF-8 name', () => {
    expect(contentDisposition('forges-dat-v1.pdf')).toBe(
      `attachment; filename="forges-dat-v1.pdf"; filename*=UTF-8''forges-dat-v1.pdf`,
    );
    expect(contentDisposition('é"\\\r\n%\'.md')).toBe(
      `attachment; filename="______'.md"; filename*=UTF-8''%C3%A9%22%5C%0D%0A%25%27.md`,
    );
  });
});

describe.each(STORE_DIALECTS)('documents API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let owner: TestSession;
  let auditor: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let workspace: Workspace;
  let other: Workspace;
  let base: string;

  const send = (
    session: TestSession,
    method: TestMethod,
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> => client(app, session).send(method, url, payload);

  const request = async (session: TestSession, payload: unknown): Promise<DocumentView> => {
    const response = await send(session, 'POST', `${base}/documents`, payload);
    expect(response.statusCode, response.body).toBe(202);
    return response.json<{ document: DocumentView }>().document;
  };

  beforeEach(async () => {
    testStore = await openTestStore(dialect, { jobs: { backoffMs: 1 } });
    store = testStore.store;
    app = buildApp({ store });
    ({ owner, auditor, viewer, outsider } = await signUpAll(store, [
      'owner',
      'auditor',
      'viewer',
      'outsider',
    ]));
    workspace = await store.workspaces.create({
      slug: 'forges',
      name: 'Forges',
      ownerId: owner.user.id,
    });
    await addMembers(store, workspace.id, { auditor, viewer });
    other = await store.workspaces.create({ slug: 'o', name: 'O', ownerId: outsider.user.id });
    await store.versions.append(workspace.id, null, DEMO, 'Demo', owner.user.id);
    base = `/api/workspaces/${workspace.id}`;
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('queues a document, a worker generates it, and it downloads as an attachment', async () => {
    const queued = await request(auditor, { version: 1, kind: 'dat', format: 'md', lang: 'fr' });
    expect(queued).toMatchObject({
      version: 1,
      kind: 'dat',
      format: 'md',
      lang: 'fr',
      status: 'queued',
      progress: null,
      fileName: null,
      createdBy: 'auditor',
      finished: null,
    });
    const url = `${base}/documents/${queued.id}`;
    expectError(await send(viewer, 'GET', `${url}/download`), 409, 'not_ready');
    const job = (await store.documents.get(workspace.id, queued.id))?.jobId;
    expect((await store.jobs.get(job ?? ''))?.kind).toBe('document.generate');

    const worker = startWorker(store, createJobHandlers(store), { pollMs: 10 });
    try {
      const deadline = Date.now() + 120_000;
      let view = queued;
      while (view.status === 'queued' || view.status === 'running') {
        if (Date.now() > deadline) throw new Error('document not generated in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
        view = (await send(viewer, 'GET', url)).json<{ document: DocumentView }>().document;
      }
      expect(view).toMatchObject({ status: 'done', fileName: 'forges-dat-v1.md', error: null });
      expect(view.size).toBeGreaterThan(1000);
      expect(view.finished).not.toBeNull();
    } finally {
      await worker.stop();
    }
    const download = await send(viewer, 'GET', `${url}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="forges-dat-v1.md"; filename*=UTF-8''forges-dat-v1.md`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.body).toContain("Forges de l'Est");

    const list = await send(viewer, 'GET', `${base}/documents`);
    expect(list.json<{ documents: DocumentView[] }>().documents.map((d) => d.id)).toEqual([
      queued.id,
    ]);
    const audit = await store.audit.list(workspace.id, { limit: 10 });
    expect(audit.entries.some((e) => e.action === 'document.request')).toBe(true);
  }, 180_000);

  it('serves HTML documents as attachments only and reports failures', async () => {
    const doc = await store.documents.create({
      workspaceId: workspace.id,
      version: 1,
      kind: 'analysis',
      format: 'html',
      locale: 'en',
      createdBy: null,
    });
    await store.documents.complete(doc.id, {
      fileName: 'forges-analysis-v1.html',
      contentType: 'text/html; charset=utf-8',
      content: Buffer.from('<script>alert(1)</script>'),
    });
    const html = await send(viewer, 'GET', `${base}/documents/${doc.id}/download`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-disposition']).toMatch(/^attachment;/);
    expect(html.headers['x-content-type-options']).toBe('nosniff');

    const failed = await store.documents.create({
      workspaceId: workspace.id,
      version: 1,
      kind: 'dat',
      format: 'pdf',
      locale: 'en',
      createdBy: null,
    });
    await store.documents.fail(failed.id, 'The model of version 1 has 2 error(s)');
    const response = await send(viewer, 'GET', `${base}/documents/${failed.id}/download`);
    expectError(response, 422, 'document_failed');
    expect(response.json<{ details: { error: string } }>().details.error).toContain('2 error');
    const view = (await send(viewer, 'GET', `${base}/documents/${failed.id}`)).json<{
      document: DocumentView;
    }>().document;
    expect(view).toMatchObject({
      status: 'failed',
      error: 'The model of version 1 has 2 error(s)',
    });
  });

  it('validates requests and hides other workspaces’ documents', async () => {
    expectError(
      await send(owner, 'POST', `${base}/documents`, {
        version: 9,
        kind: 'dat',
        format: 'md',
        lang: 'fr',
      }),
      404,
      'not_found',
    );
    for (const bad of [
      { version: 1, kind: 'dat', format: 'exe', lang: 'fr' },
      { version: 0, kind: 'dat', format: 'md', lang: 'fr' },
      { version: 1, kind: 'dat', format: 'md', lang: 'de' },
      { version: 1, kind: 'dat', format: 'md', lang: 'fr', extra: 1 },
    ]) {
      expectError(await send(owner, 'POST', `${base}/documents`, bad), 400, 'validation');
    }
    expectError(
      await send(viewer, 'POST', `${base}/documents`, {
        version: 1,
        kind: 'dat',
        format: 'md',
        lang: 'fr',
      }),
      403,
      'forbidden',
    );
    await store.versions.append(other.id, null, DEMO, 'Demo', null);
    const created = await send(outsider, 'POST', `/api/workspaces/${other.id}/documents`, {
      version: 1,
      kind: 'dat',
      format: 'md',
      lang: 'en',
    });
    expect(created.statusCode, created.body).toBe(202);
    const foreign = created.json<{ document: DocumentView }>().document;
    expectError(await send(owner, 'GET', `${base}/documents/${foreign.id}`), 404, 'not_found');
    expectError(
      await send(owner, 'GET', `${base}/documents/${foreign.id}/download`),
      404,
      'not_found',
    );
    expectError(await send(owner, 'GET', `${base}/documents/${randomUUID()}`), 404, 'not_found');
    expectError(await send(owner, 'GET', `${base}/documents/nope`), 400, 'validation');
    expect(
      (await send(owner, 'GET', `${base}/documents`)).json<{ documents: unknown[] }>().documents,
    ).toEqual([]);
  });

  describe('the language of a document requested without one', () => {
    const ORGANISATION = 'organisation.yaml';
    const withLocale = (line: string): Record<string, string> => {
      const text = DEMO[ORGANISATION] ?? '';
      expect(text).toMatch(/^ {2}locale: fr$/m);
      return { ...DEMO, [ORGANISATION]: text.replace(/^ {2}locale: fr\n/m, line) };
    };
    // at most 3 documents queued per user: explicit requests are the owner's
    const ask = (
      lang: string | undefined,
      version: number,
      acceptLanguage?: string,
      who: TestSession = lang === undefined ? auditor : owner,
    ) =>
      client(app, who).post(
        `${base}/documents`,
        { version, kind: 'dat', format: 'md', ...(lang === undefined ? {} : { lang }) },
        acceptLanguage === undefined ? {} : { headers: { 'accept-language': acceptLanguage } },
      );
    const langOf = (response: LightMyRequestResponse): string => {
      expect(response.statusCode, response.body).toBe(202);
      return response.json<{ document: DocumentView }>().document.lang;
    };

    beforeEach(async () => {
      // 1: the demo (locale fr); 2: locale en; 3: no locale
      await store.versions.append(workspace.id, 1, withLocale('  locale: en\n'), 'en', null);
      await store.versions.append(workspace.id, 2, withLocale(''), 'none', null);
    });

    it('follows the model’s locale, an explicit lang winning', async () => {
      expect(langOf(await ask(undefined, 1, 'en'))).toBe('fr');
      expect(langOf(await ask(undefined, 2, 'fr'))).toBe('en');
      expect(langOf(await ask('en', 1))).toBe('en');
      expect(langOf(await ask('fr', 2, 'en'))).toBe('fr');
      // the request as stored in the audit log names the language chosen
      const audit = await store.audit.list(workspace.id, { limit: 50 });
      const first = audit.entries.filter((e) => e.action === 'document.request').at(-1);
      expect(first?.after).toMatchObject({ version: 1, lang: 'fr' });
    });

    it('takes the requester’s language for a model naming none, else English', async () => {
      expect(langOf(await ask(undefined, 3, 'fr-FR,fr;q=0.9,en;q=0.5'))).toBe('fr');
      expect(langOf(await ask(undefined, 3, 'de, en;q=0.8'))).toBe('en');
      expect(langOf(await ask(undefined, 3))).toBe('en');
    });

    it('tells the UI which language a version defaults to', async () => {
      const language = async (version: number, acceptLanguage: string) => {
        const response = await client(app, viewer).get(
          `${base}/documents/language?version=${String(version)}`,
          { headers: { 'accept-language': acceptLanguage } },
        );
        expect(response.statusCode, response.body).toBe(200);
        return response.json<unknown>();
      };
      expect(await language(1, 'en')).toEqual({ version: 1, lang: 'fr', modelLocale: 'fr' });
      expect(await language(2, 'fr')).toEqual({ version: 2, lang: 'en', modelLocale: 'en' });
      expect(await language(3, 'fr')).toEqual({ version: 3, lang: 'fr', modelLocale: null });
      expectError(
        await send(viewer, 'GET', `${base}/documents/language?version=9`),
        404,
        'not_found',
      );
      expectError(
        await send(viewer, 'GET', `${base}/documents/language?version=0`),
        400,
        'validation',
      );
      expectError(
        await send(outsider, 'GET', `${base}/documents/language?version=1`),
        404,
        'not_found',
      );
    });
  });

  it('holds requests to the quotas: 429 quota_exceeded naming the quota, with Retry-After', async () => {
    const limited = buildApp({
      store,
      limits: {
        ...DEFAULT_LIMITS,
        documents: {
          queuedPerUser: 2,
          queuedPerWorkspace: 3,
          perHourPerUser: 100,
          perHourPerWorkspace: 4,
        },
      },
    });
    const ask = (session: TestSession): Promise<LightMyRequestResponse> =>
      client(limited, session).post(`${base}/documents`, {
        version: 1,
        kind: 'dat',
        format: 'md',
        lang: 'en',
      });
    const refused = (response: LightMyRequestResponse) => {
      expectError(response, 429, 'quota_exceeded');
      return response.json<{
        message: { en: string; fr: string };
        details: { quota: string; limit: number; retryAfterSeconds: number };
      }>();
    };
    try {
      expect((await ask(owner)).statusCode).toBe(202);
      expect((await ask(owner)).statusCode).toBe(202);
      const perUser = await ask(owner);
      expect(refused(perUser)).toEqual({
        code: 'quota_exceeded',
        message: {
          en: 'You already have 2 documents waiting to be generated, the most one person may have at once. Try again in 30 seconds.',
          fr: 'Vous avez déjà 2 documents en attente de production, le maximum pour une personne à la fois. Réessayez dans 30 secondes.',
        },
        details: { quota: 'queued_per_user', limit: 2, retryAfterSeconds: 30 },
      });
      expect(perUser.headers['retry-after']).toBe('30');

      expect((await ask(auditor)).statusCode).toBe(202);
      expect(refused(await ask(auditor)).details).toMatchObject({
        quota: 'queued_per_workspace',
        limit: 3,
      });

      // A worker finishes the three documents: the slots are free, the hour's count is not.
      for (let i = 0; i < 3; i += 1) {
        const job = await store.jobs.claimNext('worker');
        const { documentId } = job?.payload as { documentId: string };
        await store.documents.complete(documentId, {
          fileName: 'x.md',
          contentType: 'text/markdown',
          content: Buffer.from('x'),
        });
        await store.jobs.complete(job?.id ?? '', 'worker');
      }
      expect((await ask(auditor)).statusCode).toBe(202);
      const hourly = await ask(owner);
      const body = refused(hourly);
      expect(body.details.quota).toBe('per_hour_per_workspace');
      expect(body.details.retryAfterSeconds).toBeGreaterThan(3500);
      expect(body.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
      expect(hourly.headers['retry-after']).toBe(String(body.details.retryAfterSeconds));
      expect(body.message.en).toMatch(/in the last hour.*Try again in (59|60) minutes\.$/);
      expect(body.message.fr).toMatch(/Réessayez dans (59|60) minutes\.$/);

      // Refused requests left nothing behind: four documents, four audit entries.
      expect(await store.documents.list(workspace.id)).toHaveLength(4);
      const audit = await store.audit.list(workspace.id, { limit: 50 });
      expect(audit.entries.filter((e) => e.action === 'document.request')).toHaveLength(4);
    } finally {
      await limited.close();
    }
  });
});
