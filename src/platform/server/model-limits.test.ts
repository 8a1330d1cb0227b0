/**
 * The model size limit is one limit for both ways a whole model reaches the platform (a zip
 * import, a save from the YAML editor): a model written by `vigie generate --assets 10000`
 * imports through both with the default limits, and over a configured limit both answer 413
 * saying the limit.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate.js';
import { DEFAULT_LIMITS, uploadBytesFor } from '../limits.js';
import type { PlatformLimits } from '../limits.js';
import { writeModelZip } from '../models/zip.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { client, signIn } from './test-support.js';
import type { TestSession } from './test-support.js';

/** The files `vigie generate --assets 10000 -o dir` writes (the same generator and dump). */
function generated(assets: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(generateModel({ assets })).map(([name, content]) => [
      name,
      dump(content, { lineWidth: -1, noRefs: true }),
    ]),
  );
}

const totalBytes = (files: Readonly<Record<string, string>>): number =>
  Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);

interface ErrorJson {
  code: string;
  message: { en: string; fr: string };
  details?: Record<string, unknown>;
}

let big: Record<string, string>;
let bigZip: Buffer;

beforeAll(() => {
  big = generated(10_000);
  bigZip = writeModelZip(big, 'g10k');
});

afterAll(() => {
  big = {};
});

describe('the 10,000-asset model', () => {
  it('is what the limits are sized for: over 8 MB of YAML, far under the default limit', () => {
    const bytes = totalBytes(big);
    expect(bytes).toBeGreaterThan(8 * 1024 * 1024);
    expect(bytes).toBeLessThan(DEFAULT_LIMITS.maxModelBytes / 3);
    expect(bigZip.length).toBeLessThan(bytes / 5);
    expect(DEFAULT_LIMITS.maxUploadBytes).toBe(uploadBytesFor(DEFAULT_LIMITS.maxModelBytes));
    // Its JSON body (the editor's save) fits the upload limit with room to spare.
    const json = JSON.stringify({ expectedLatest: null, files: big, message: 'x' });
    expect(Buffer.byteLength(json)).toBeLessThan(DEFAULT_LIMITS.maxUploadBytes / 2);
  });
});

describe.each(STORE_DIALECTS)('model size limits on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let owner: TestSession;
  let workspace: Workspace;
  const apps: FastifyInstance[] = [];

  const appWith = (limits: PlatformLimits = DEFAULT_LIMITS): FastifyInstance => {
    const app = buildApp({ store, limits });
    apps.push(app);
    return app;
  };

  const saveJson = (app: FastifyInstance, payload: string): Promise<LightMyRequestResponse> =>
    client(app, owner).post(`/api/workspaces/${workspace.id}/versions`, payload, {
      contentType: 'application/json',
    });

  const importZip = (app: FastifyInstance, zip: Buffer): Promise<LightMyRequestResponse> =>
    client(app, owner).post(`/api/workspaces/${workspace.id}/import?message=g10k`, zip, {
      contentType: 'application/zip',
    });

  const saveBody = (files: Record<string, string>): string =>
    JSON.stringify({ expectedLatest: null, files, message: 'g10k' });

  beforeEach(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    const user = await store.users.create({
      email: 'owner@example.test',
      displayName: 'Owner',
      passwordHash: 'x',
    });
    owner = await signIn(store, user);
    workspace = await store.workspaces.create({ slug: 'big', name: 'Big', ownerId: user.id });
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await testStore.dispose();
  });

  it('imports the 10,000-asset model as a zip with the default limits', async () => {
    const response = await importZip(appWith(), bigZip);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    const version = await store.versions.get(workspace.id, 1);
    expect(version?.files).toEqual(big);
  }, 120_000);

  it('saves the 10,000-asset model from the editor (JSON) with the default limits', async () => {
    const response = await saveJson(appWith(), saveBody(big));
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    expect(Object.keys((await store.versions.get(workspace.id, 1))?.files ?? {}).sort()).toEqual(
      Object.keys(big).sort(),
    );
  }, 120_000);

  it('refuses it over a lower model limit with the same 413 from both routes', async () => {
    const maxModelBytes = 8 * 1024 * 1024;
    const app = appWith({
      ...DEFAULT_LIMITS,
      maxModelBytes,
      maxUploadBytes: uploadBytesFor(maxModelBytes),
    });
    const fromEditor = await saveJson(app, saveBody(big));
    const fromZip = await importZip(app, bigZip);
    for (const response of [fromEditor, fromZip]) {
      expect(response.statusCode, response.body.slice(0, 500)).toBe(413);
      const body = response.json<ErrorJson>();
      expect(body.code).toBe('model_too_large');
      expect(body.message.en).toContain('over the limit of 8 MiB (8,388,608 bytes) for a model');
      expect(body.message.fr).toContain('8 Mio (8\u202f388\u202f608 octets) par modèle');
      expect(body.details?.maxBytes).toBe(maxModelBytes);
    }
    // Both say the model's size: the editor's text, the sizes the zip declares for its files.
    expect(fromEditor.json<ErrorJson>()).toEqual(fromZip.json<ErrorJson>());
    expect(fromEditor.json<ErrorJson>().details?.totalBytes).toBe(totalBytes(big));
    expect(await store.versions.list(workspace.id)).toEqual([]);
  });

  it('answers 413 with the upload limit for a body over it, on both routes', async () => {
    const maxUploadBytes = 256 * 1024;
    const app = appWith({ ...DEFAULT_LIMITS, maxModelBytes: maxUploadBytes, maxUploadBytes });
    const fromEditor = await saveJson(app, saveBody(big));
    const fromZip = await importZip(app, bigZip);
    for (const response of [fromEditor, fromZip]) {
      expect(response.statusCode).toBe(413);
      expect(response.json<ErrorJson>()).toEqual({
        code: 'payload_too_large',
        message: {
          en: 'The request body is too large: the limit is 256 KiB (262,144 bytes).',
          fr: 'Le corps de la requête est trop volumineux : la limite est de 256 Kio (262\u202f144 octets).',
        },
        details: { maxBytes: maxUploadBytes },
      });
    }
    // Other JSON routes keep their own, smaller limit.
    const other = await client(app, owner).post('/api/workspaces', {
      slug: 'x',
      name: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(other.statusCode).toBe(413);
    expect(other.json<ErrorJson>().message.en).toContain('1 MiB (1,048,576 bytes)');
  });

  it('reads no model for a caller without a session or the CSRF token', async () => {
    // Refused before the body is read: 401/403, not the 413 that reading it would give.
    const small = 256 * 1024;
    const app = appWith({ ...DEFAULT_LIMITS, maxModelBytes: small, maxUploadBytes: small });
    const body = saveBody({ 'model.yaml': 'x'.repeat(4 * 1024 * 1024) });
    for (const url of [
      `/api/workspaces/${workspace.id}/versions`,
      `/api/workspaces/${workspace.id}/import`,
    ]) {
      const anonymous = await client(app).post(url, body, { contentType: 'application/json' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json<ErrorJson>().code).toBe('unauthenticated');
      const forged = await client(app, owner).post(url, body, {
        contentType: 'application/json',
        csrf: 'nope',
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json<ErrorJson>().code).toBe('csrf');
    }
  });

  it('accepts a model exactly at the limit and refuses one byte more', async () => {
    const files = { 'model.yaml': 'zones: []\n' };
    const exact = totalBytes(files);
    const app = appWith({ ...DEFAULT_LIMITS, maxModelBytes: exact });
    const over = await saveJson(app, saveBody({ 'model.yaml': 'zones: [] \n' }));
    expect(over.statusCode).toBe(413);
    expect(over.json<ErrorJson>().details).toEqual({ maxBytes: exact, totalBytes: exact + 1 });
    expect((await saveJson(app, saveBody(files))).statusCode).not.toBe(413);
  });
});
