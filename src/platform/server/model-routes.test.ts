import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { ApiError } from './errors.js';
import { DEFAULT_MAX_MODEL_BYTES } from '../limits.js';
import { checkFiles } from './model-routes.js';
import { addMembers, client, expectError, signUpAll } from './test-support.js';
import type { DiffResponse, FindingsDiffResponse } from '../api/types.js';
import type { TestClient, TestSession } from './test-support.js';

const MINIMAL = readFileSync(
  new URL('../../../examples/minimal/model.yaml', import.meta.url),
  'utf8',
);
const RENAMED = MINIMAL.replace('name: Boulangerie Exemple', 'name: Boulangerie Renommée');

interface DiagnosticJson {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

describe('checkFiles', () => {
  const codeOf = (files: Record<string, string>): string | undefined => {
    try {
      checkFiles(files, 1000);
      return undefined;
    } catch (error) {
      return error instanceof ApiError ? `${String(error.status)} ${error.code}` : 'other';
    }
  };

  it('accepts plain YAML names and refuses paths, other extensions and empty sets', () => {
    expect(codeOf({ 'model.yaml': '', 'zones.yml': '' })).toBeUndefined();
    for (const name of [
      '../x.yaml',
      'dir/x.yaml',
      '..yaml',
      'x.json',
      '.hidden.yaml',
      'a\\b.yaml',
    ]) {
      expect(codeOf({ [name]: '' }), name).toBe('400 invalid_file_name');
    }
    expect(codeOf({})).toBe('400 no_files');
  });

  it('refuses more than 50 files and files totalling more than the model limit', () => {
    const many = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`f${String(i)}.yaml`, '']),
    );
    expect(codeOf(many)).toBe('400 too_many_files');
    // One file may take the whole limit; UTF-8 bytes are counted, not characters.
    expect(codeOf({ 'a.yaml': 'x'.repeat(1000) })).toBeUndefined();
    expect(codeOf({ 'a.yaml': 'x'.repeat(1001) })).toBe('413 model_too_large');
    expect(codeOf({ 'a.yaml': 'é'.repeat(500) })).toBeUndefined();
    expect(codeOf({ 'a.yaml': `${'é'.repeat(500)}x` })).toBe('413 model_too_large');
    const four = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`f${String(i)}.yaml`, 'x'.repeat(251)]),
    );
    expect(codeOf(four)).toBe('413 model_too_large');
  });
});

describe.each(STORE_DIALECTS)('model versions API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let owner: TestSession;
  let analyst: TestSession;
  let auditor: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let workspace: Workspace;
  let base: string;

  const api = (session: TestSession): TestClient => client(app, session);

  const post = (session: TestSession, payload: unknown): Promise<LightMyRequestResponse> =>
    api(session).post(`${base}/versions`, payload);

  beforeEach(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    app = buildApp({ store });
    ({ owner, analyst, auditor, viewer, outsider } = await signUpAll(store, [
      'owner',
      'analyst',
      'auditor',
      'viewer',
      'outsider',
    ]));
    workspace = await store.workspaces.create({ slug: 'w', name: 'W', ownerId: owner.user.id });
    await addMembers(store, workspace.id, { analyst, auditor, viewer });
    await store.workspaces.create({ slug: 'o', name: 'O', ownerId: outsider.user.id });
    base = `/api/workspaces/${workspace.id}`;
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('saves versions, lists them newest first, reads one with diagnostics and counts, and audits', async () => {
    const first = await post(owner, {
      expectedLatest: null,
      files: { 'model.yaml': MINIMAL },
      message: 'Import',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ version: { number: number } }>().version.number).toBe(1);
    const second = await post(analyst, {
      expectedLatest: 1,
      files: { 'model.yaml': RENAMED },
      message: 'Rename',
    });
    expect(second.statusCode, second.body).toBe(201);

    const list = await api(viewer).get(`${base}/versions`);
    expect(list.statusCode).toBe(200);
    const versions = list.json<{
      versions: { number: number; message: string; author: { displayName: string } | null }[];
    }>().versions;
    expect(versions.map((v) => [v.number, v.message, v.author?.displayName])).toEqual([
      [2, 'Rename', 'analyst'],
      [1, 'Import', 'owner'],
    ]);

    const one = await api(auditor).get(`${base}/versions/2`);
    expect(one.statusCode, one.body).toBe(200);
    const body = one.json<{
      version: { number: number; message: string; files: Record<string, string> };
      validation: { valid: boolean; counts: { assets: number; zones: number; flows: number } };
    }>();
    expect(body.version).toMatchObject({ number: 2, message: 'Rename' });
    expect(Object.keys(body.version.files)).toEqual(['model.yaml']);
    expect(body.version.files['model.yaml']).toBe(RENAMED);
    expect(body.validation.valid).toBe(true);
    expect(body.validation.counts.zones).toBeGreaterThan(0);
    expect(body.validation.counts.assets).toBeGreaterThan(0);
    expectError(await api(viewer).get(`${base}/versions/3`), 404, 'not_found');
    expectError(await api(viewer).get(`${base}/versions/abc`), 400, 'validation');

    const audit = await store.audit.list(workspace.id);
    const entry = audit.entries.find((e) => e.action === 'model.version' && e.entityId === '2');
    expect(entry?.before).toEqual({ number: 1 });
    expect(entry?.after).toEqual({ number: 2, message: 'Rename' });
  });

  it('diffs two versions: the changed line, added and removed files', async () => {
    await post(owner, { expectedLatest: null, files: { 'model.yaml': MINIMAL }, message: 'v1' });
    await post(owner, {
      expectedLatest: 1,
      files: { 'model.yaml': RENAMED, 'extra.yaml': 'sites: []\n' },
      message: 'v2',
    });
    const response = await api(viewer).get(`${base}/versions/1/diff/2`);
    expect(response.statusCode, response.body).toBe(200);
    const files = response.json<{
      files: { file: string; status: string; computed: boolean; unified: string }[];
    }>().files;
    expect(files.map((f) => [f.file, f.status])).toEqual([
      ['extra.yaml', 'added'],
      ['model.yaml', 'changed'],
    ]);
    const changed = files[1]?.unified ?? '';
    expect(changed).toContain('-  name: Boulangerie Exemple');
    expect(changed).toContain('+  name: Boulangerie Renommée');
    expect(changed.split('\n').filter((l) => /^[-+]/.test(l))).toHaveLength(2);
    const back = await api(viewer).get(`${base}/versions/2/diff/1`);
    expect(back.json<{ files: { status: string }[] }>().files[0]?.status).toBe('removed');
    expectError(await api(viewer).get(`${base}/versions/1/diff/9`), 404, 'not_found');
  });

  it('diffs two versions entity by entity, and the findings opened and closed', async () => {
    const noFlows = `${MINIMAL.slice(0, MINIMAL.indexOf('\n# FR : Les flux réseau'))}\n`;
    const telnet =
      '    adminInterfaces: [{ protocol: telnet, port: 23, from: [lan], mfa: false }]\n';
    await post(owner, { expectedLatest: null, files: { 'model.yaml': MINIMAL }, message: 'v1' });
    await post(owner, {
      expectedLatest: 1,
      // a workstation need not log (closes a finding); telnet administration opens one
      files: { 'model.yaml': `${noFlows.replace('kind: router', 'kind: workstation')}${telnet}` },
      message: 'v2',
    });
    const diff = await api(viewer).get(`${base}/versions/1/diff/2`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json<DiffResponse>().entities).toEqual([
      {
        kind: 'flows',
        id: 'flux-lan-dns',
        name: 'Résolution DNS par la box',
        status: 'removed',
        fields: [],
      },
      {
        kind: 'assets',
        id: 'box-internet',
        name: 'Box Internet',
        status: 'changed',
        fields: [
          { path: 'kind', before: 'router', after: 'workstation' },
          {
            path: 'adminInterfaces',
            after: [{ protocol: 'telnet', port: 23, from: ['lan'], mfa: false }],
          },
        ],
      },
    ]);

    const response = await api(viewer).get(`${base}/versions/1/diff/2/findings?lang=fr`);
    expect(response.statusCode, response.body).toBe(200);
    const forward = response.json<FindingsDiffResponse>();
    expect(forward).toMatchObject({ from: 1, to: 2 });
    expect(forward.closed.map((f) => [f.id, f.closedBy])).toEqual([
      ['asset-without-logs@box-internet', 'fixed'],
    ]);
    expect(forward.opened.length).toBeGreaterThan(0);
    expect(forward.opened.every((f) => f.status === 'open')).toBe(true);
    const back = (
      await api(viewer).get(`${base}/versions/2/diff/1/findings`)
    ).json<FindingsDiffResponse>();
    expect(back.opened.map((f) => f.id)).toEqual(['asset-without-logs@box-internet']);
    expect(back.closed.map((f) => f.id).sort()).toEqual(forward.opened.map((f) => f.id).sort());
    const same = (
      await api(viewer).get(`${base}/versions/2/diff/2/findings`)
    ).json<FindingsDiffResponse>();
    expect([same.opened, same.closed]).toEqual([[], []]);

    expectError(await api(viewer).get(`${base}/versions/1/diff/9/findings`), 404, 'not_found');
    expectError(await api(viewer).get(`${base}/versions/0/diff/1/findings`), 400, 'validation');
    expectError(await api(viewer).get(`${base}/versions/x/diff/1`), 400, 'validation');
    expectError(
      await api(viewer).get(`${base}/versions/1/diff/2/findings?lang=de`),
      400,
      'validation',
    );
    expectError(await api(outsider).get(`${base}/versions/1/diff/2/findings`), 404, 'not_found');
    expect((await api(auditor).get(`${base}/versions/1/diff/2/findings`)).statusCode).toBe(200);
  });

  it('refuses writes from viewers and auditors (403) and hides the workspace from outsiders (404)', async () => {
    const payload = { expectedLatest: null, files: { 'model.yaml': MINIMAL }, message: 'x' };
    expectError(await post(viewer, payload), 403, 'forbidden');
    expectError(await post(auditor, payload), 403, 'forbidden');
    expectError(await post(outsider, payload), 404, 'not_found');
    expectError(await api(outsider).get(`${base}/versions`), 404, 'not_found');
    expectError(await api(outsider).get(`${base}/versions/1/diff/1`), 404, 'not_found');
    expect(await store.versions.list(workspace.id)).toEqual([]);
  });

  it('refuses an invalid model with 422 and located diagnostics, storing nothing', async () => {
    const broken = await post(owner, {
      expectedLatest: null,
      files: { 'model.yaml': 'organisation:\n  name: [unclosed\n' },
      message: 'broken',
    });
    expectError(broken, 422, 'invalid_model');
    const diagnostics = broken.json<{ details: { diagnostics: DiagnosticJson[] } }>().details
      .diagnostics;
    const syntax = diagnostics.find((d) => d.code === 'yaml-syntax');
    expect(syntax, JSON.stringify(diagnostics)).toMatchObject({
      file: 'model.yaml',
      line: 3,
      severity: 'error',
    });
    expect(syntax?.column).toBeGreaterThan(0);

    const dangling = MINIMAL.replace(/zone: lan/, 'zone: nowhere');
    expect(dangling).not.toBe(MINIMAL);
    const semantic = await post(owner, {
      expectedLatest: null,
      files: { 'model.yaml': dangling },
      message: 'dangling',
    });
    expectError(semantic, 422, 'invalid_model');
    const located = semantic
      .json<{ details: { diagnostics: DiagnosticJson[] } }>()
      .details.diagnostics.filter((d) => d.severity === 'error');
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((d) => d.line > 0 && d.message.length > 0)).toBe(true);

    // the same diagnostics in French when the browser asks for French
    const french = await api(owner).post(
      `${base}/versions`,
      { expectedLatest: null, files: { 'model.yaml': dangling }, message: 'x' },
      { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' } },
    );
    expectError(french, 422, 'invalid_model');
    const frenchErrors = french
      .json<{ details: { diagnostics: DiagnosticJson[] } }>()
      .details.diagnostics.filter((d) => d.severity === 'error');
    expect(frenchErrors.map((d) => [d.code, d.line])).toEqual(located.map((d) => [d.code, d.line]));
    expect(frenchErrors.map((d) => d.message)).not.toEqual(located.map((d) => d.message));
    expect(await store.versions.list(workspace.id)).toEqual([]);
    const audit = await store.audit.list(workspace.id);
    expect(audit.entries.some((e) => e.action === 'model.version')).toBe(false);
  });

  it('refuses path traversal (400) and oversized bodies (413)', async () => {
    expectError(
      await post(owner, { expectedLatest: null, files: { '../x.yaml': MINIMAL }, message: 'x' }),
      400,
      'invalid_file_name',
    );
    expectError(
      await post(owner, {
        expectedLatest: null,
        files: { 'model.yaml': 'x'.repeat(DEFAULT_MAX_MODEL_BYTES + 1) },
        message: 'x',
      }),
      413,
      'model_too_large',
    );
    expect(await store.versions.list(workspace.id)).toEqual([]);
  });

  it('detects a concurrent edit: stale expectedLatest is 409 with the actual latest, nothing overwritten', async () => {
    await post(owner, { expectedLatest: null, files: { 'model.yaml': MINIMAL }, message: 'v1' });
    const stale = await post(analyst, {
      expectedLatest: null,
      files: { 'model.yaml': RENAMED },
      message: 'stale',
    });
    expectError(stale, 409, 'conflict');
    expect(stale.json<{ details: unknown }>().details).toEqual({
      expectedLatest: null,
      actualLatest: 1,
    });
    await post(owner, { expectedLatest: 1, files: { 'model.yaml': RENAMED }, message: 'v2' });
    expectError(
      await post(analyst, { expectedLatest: 1, files: { 'model.yaml': MINIMAL }, message: 'x' }),
      409,
      'conflict',
    );
    // Two editors saving on top of version 2 at the same time: exactly one wins.
    const racing = await Promise.all([
      post(owner, { expectedLatest: 2, files: { 'model.yaml': MINIMAL }, message: 'a' }),
      post(analyst, { expectedLatest: 2, files: { 'model.yaml': MINIMAL }, message: 'b' }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await store.versions.list(workspace.id)).map((v) => v.number)).toEqual([3, 2, 1]);
    const latest = await store.versions.get(workspace.id, 2);
    expect(latest?.number).toBe(2);
    expect(latest?.files['model.yaml']).toBe(RENAMED);
    expect((await store.versions.get(workspace.id, 1))?.files['model.yaml']).toBe(MINIMAL);
  });
});
