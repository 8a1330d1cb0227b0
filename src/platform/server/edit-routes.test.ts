import { readFileSync, readdirSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import { loadModel } from '../../model/load.js';
import { writeModelZip } from '../models/zip.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { csvCell } from './edit-routes.js';
import { addMembers, client, expectError, signUpAll } from './test-support.js';
import type { TestMethod, TestSession } from './test-support.js';

const DEMO_DIR = new URL('../../../examples/forges-de-l-est/', import.meta.url);
const DEMO: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(new URL(f, DEMO_DIR), 'utf8')]),
);
const SIEGE = 'assets-siege.yaml';

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** One-entry zip with a forged name or forged sizes. */
function forgedZip(name: string, data: Buffer, declaredSize = data.length): Buffer {
  const body = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + body.length, 16);
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end]);
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [null, ''],
    [12, '12'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('writes %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe.each(STORE_DIALECTS)('model editing API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let owner: TestSession;
  let analyst: TestSession;
  let auditor: TestSession;
  let viewer: TestSession;
  let workspace: Workspace;
  let empty: Workspace;
  let base: string;

  const send = (
    session: TestSession,
    method: TestMethod,
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> => client(app, session).send(method, url, payload);

  const upload = (
    session: TestSession,
    url: string,
    zip: Buffer,
  ): Promise<LightMyRequestResponse> =>
    client(app, session).post(url, zip, { contentType: 'application/zip' });

  const versionCount = async (id: string): Promise<number> =>
    (await store.versions.list(id)).length;

  beforeEach(async () => {
    testStore = await openTestStore(dialect, { clock: manualClock('2026-11-28T10:00:00Z').clock });
    store = testStore.store;
    app = buildApp({ store });
    ({ owner, analyst, auditor, viewer } = await signUpAll(store, [
      'owner',
      'analyst',
      'auditor',
      'viewer',
    ]));
    workspace = await store.workspaces.create({
      slug: 'forges',
      name: 'F',
      ownerId: owner.user.id,
    });
    empty = await store.workspaces.create({ slug: 'empty', name: 'E', ownerId: owner.user.id });
    for (const w of [workspace, empty]) await addMembers(store, w.id, { analyst, auditor, viewer });
    await store.versions.append(workspace.id, null, DEMO, 'demo', owner.user.id);
    base = `/api/workspaces/${workspace.id}`;
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('edits one field of an asset: a new version whose diff is that one line', async () => {
    const response = await send(analyst, 'PUT', `${base}/entities/assets/fw-siege`, {
      expectedLatest: 1,
      fields: { hostname: 'fw-nancy' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const saved = response.json<{ version: { number: number; message: string } }>();
    expect(saved.version).toMatchObject({ number: 2, message: 'Edit asset fw-siege' });
    const diff = (await send(viewer, 'GET', `${base}/versions/1/diff/2`)).json<{
      files: { file: string; unified: string }[];
    }>();
    expect(diff.files.map((f) => f.file)).toEqual([SIEGE]);
    const changed = (diff.files[0]?.unified ?? '')
      .split('\n')
      .filter((l) => /^[+-](?![+-])/.test(l));
    expect(changed).toEqual(['-    hostname: fw-siege', '+    hostname: fw-nancy']);
    const audit = await store.audit.exportAll(workspace.id);
    const entry = audit.find((e) => e.action === 'model.entity.update');
    expect(entry).toMatchObject({ entityKind: 'assets', entityId: 'fw-siege' });
    expect(entry?.before).toMatchObject({ version: 1, fields: { hostname: 'fw-siege' } });
    expect(entry?.after).toMatchObject({ version: 2, fields: { hostname: 'fw-nancy' } });
  });

  it('refuses a stale edit with 409 and stores nothing', async () => {
    await send(owner, 'PUT', `${base}/entities/assets/fw-siege`, {
      expectedLatest: 1,
      fields: { hostname: 'a' },
    });
    const stale = await send(analyst, 'PUT', `${base}/entities/assets/fw-siege`, {
      expectedLatest: 1,
      fields: { hostname: 'b' },
    });
    expectError(stale, 409, 'conflict');
    expect(stale.json<{ details: unknown }>().details).toEqual({
      expectedLatest: 1,
      actualLatest: 2,
    });
    expect(await versionCount(workspace.id)).toBe(2);
  });

  it('refuses an invalid value with 422 and a located diagnostic, storing nothing', async () => {
    const response = await send(owner, 'PUT', `${base}/entities/assets/fw-siege`, {
      expectedLatest: 1,
      fields: { kind: 'spaceship' },
    });
    expectError(response, 422, 'invalid_model');
    const details = response.json<{
      details: { diagnostics: { file: string; line: number; severity: string }[] };
    }>().details;
    const error = details.diagnostics.find((d) => d.severity === 'error');
    expect(error?.file).toBe(SIEGE);
    expect(error?.line).toBeGreaterThan(1);
    expect(await versionCount(workspace.id)).toBe(1);
  });

  it('answers 404 for an unknown entity, 400 for an id change, 409 for a taken id', async () => {
    expectError(
      await send(owner, 'PUT', `${base}/entities/assets/nope`, { expectedLatest: 1, fields: {} }),
      404,
      'entity_not_found',
    );
    expectError(
      await send(owner, 'PUT', `${base}/entities/assets/fw-siege`, {
        expectedLatest: 1,
        fields: { id: 'fw-new' },
      }),
      400,
      'id_immutable',
    );
    expectError(
      await send(owner, 'POST', `${base}/entities/zones`, {
        expectedLatest: 1,
        fields: { id: 'fw-siege' },
      }),
      409,
      'duplicate_id',
    );
    expect(await versionCount(workspace.id)).toBe(1);
  });

  it('creates an entity', async () => {
    const response = await send(owner, 'POST', `${base}/entities/sites`, {
      expectedLatest: 1,
      fields: { id: 'entrepot', name: 'Entrepôt de Metz' },
      message: 'Nouveau site',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{
      version: { number: number };
      validation: { counts: { sites: number } };
    }>();
    expect(body.version.number).toBe(2);
    const before = (await store.versions.get(workspace.id, 1))?.files ?? {};
    const after = (await store.versions.get(workspace.id, 2))?.files ?? {};
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toHaveLength(1);
    expect(after[changed[0] ?? '']).toContain('  - id: entrepot\n    name: Entrepôt de Metz\n');
  });

  it('deletes an entity: refuses while referenced, then removes it and its references', async () => {
    const url = `${base}/entities/data/data-fournisseurs`;
    for (const session of [viewer, auditor]) {
      expectError(await send(session, 'DELETE', url, { expectedLatest: 1 }), 403, 'forbidden');
    }
    expectError(
      await send(owner, 'DELETE', `${base}/entities/data/nope`, { expectedLatest: 1 }),
      404,
      'entity_not_found',
    );
    const refused = await send(analyst, 'DELETE', url, { expectedLatest: 1 });
    expectError(refused, 409, 'entity_referenced');
    const { referrers } = refused.json<{
      details: { referrers: { kind: string; id: string; field: string; required: boolean }[] };
    }>().details;
    expect(referrers.map((r) => `${r.kind} ${r.id} ${r.field}`).sort()).toEqual([
      'flow flux-erp-db data[2]',
      'flow flux-postes-erp data[2]',
      'process proc-commandes data[2]',
    ]);
    expect(referrers.every((r) => !r.required)).toBe(true);
    expect(await versionCount(workspace.id)).toBe(1);

    const response = await send(analyst, 'DELETE', url, { expectedLatest: 1, force: true });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ version: { message: string } }>().version.message).toBe(
      'Delete data set data-fournisseurs',
    );
    const after = await store.versions.get(workspace.id, 2);
    for (const file of Object.keys(DEMO)) {
      if (['data.yaml', 'flows.yaml', 'processes.yaml'].includes(file)) {
        expect(after?.files[file]).not.toBe(DEMO[file]);
      } else {
        expect(after?.files[file], file).toBe(DEMO[file]);
      }
    }
    expect(Object.values(after?.files ?? {}).join('\n')).not.toMatch(/data-fournisseurs\b/);
    const entry = (await store.audit.exportAll(workspace.id)).find(
      (e) => e.action === 'model.entity.delete',
    );
    expect(entry).toMatchObject({ entityKind: 'data', entityId: 'data-fournisseurs' });
    expect(entry?.before).toMatchObject({ version: 1, file: 'data.yaml' });
    expect((entry?.after as { referencesRemoved: unknown[] }).referencesRemoved).toHaveLength(3);
  });

  it('refuses to delete an entity another one requires, even when forced', async () => {
    const response = await send(owner, 'DELETE', `${base}/entities/assets/srv-erp`, {
      expectedLatest: 1,
      force: true,
    });
    expectError(response, 409, 'entity_referenced');
    const { referrers } = response.json<{
      details: { referrers: { kind: string; required: boolean }[] };
    }>().details;
    expect(referrers.some((r) => r.kind === 'flow' && r.required)).toBe(true);
    expect(await versionCount(workspace.id)).toBe(1);
  });

  it('records a decision in decisions.yaml, read back by the model loader', async () => {
    const finding = 'internet-exposed-without-waf@web-vitrine';
    const missingReview = await send(analyst, 'POST', `${base}/decisions`, {
      expectedLatest: 1,
      finding,
      status: 'accepted',
      justification: 'Risque accepté.',
    });
    expectError(missingReview, 400, 'validation');
    expect(JSON.stringify(missingReview.json())).toContain('reviewDate');
    const response = await send(analyst, 'POST', `${base}/decisions`, {
      expectedLatest: 1,
      finding,
      status: 'mitigated',
      justification: 'WAF déployé devant le site.',
      owner: 'id-dir-commercial',
    });
    expect(response.statusCode, response.body).toBe(201);
    const files = (await store.versions.get(workspace.id, 2))?.files ?? {};
    expect(files['decisions.yaml']).toContain('WAF déployé devant le site.');
    const { model } = loadModel(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { t: createTranslator('en') },
    );
    const decision = model.decisions.find((d) => d.finding === finding);
    expect(decision).toMatchObject({ status: 'mitigated', date: '2026-11-28' });
    expect(decision?.reviewDate).toBeUndefined();
    const audit = await store.audit.exportAll(workspace.id);
    expect(audit.find((e) => e.action === 'finding.decision')).toMatchObject({
      entityKind: 'finding',
      entityId: finding,
    });
  });

  it('keeps viewers and auditors away from edits, and viewers from the audit export', async () => {
    for (const session of [viewer, auditor]) {
      expectError(
        await send(session, 'PUT', `${base}/entities/assets/fw-siege`, {
          expectedLatest: 1,
          fields: { hostname: 'x' },
        }),
        403,
        'forbidden',
      );
      expectError(
        await send(session, 'POST', `${base}/decisions`, {
          expectedLatest: 1,
          finding: 'a@b',
          status: 'mitigated',
          justification: 'x',
        }),
        403,
        'forbidden',
      );
      expectError(
        await upload(session, `${base}/import?expectedLatest=1`, Buffer.alloc(1)),
        403,
        'forbidden',
      );
    }
    expectError(await send(viewer, 'GET', `${base}/audit/export`), 403, 'forbidden');
    expect((await send(auditor, 'GET', `${base}/audit/export`)).statusCode).toBe(200);
    expect((await send(viewer, 'GET', `${base}/versions/1/export.zip`)).statusCode).toBe(200);
  });

  it('exports a version as a zip that imports back to identical files', async () => {
    const exported = await send(viewer, 'GET', `${base}/versions/1/export.zip`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="forges-v1.zip"');
    const emptyBase = `/api/workspaces/${empty.id}`;
    const imported = await upload(
      analyst,
      `${emptyBase}/import?message=Reprise`,
      exported.rawPayload,
    );
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json<{ version: { number: number; message: string } }>().version).toMatchObject(
      {
        number: 1,
        message: 'Reprise',
      },
    );
    expect((await store.versions.get(empty.id, 1))?.files).toEqual(DEMO);
    // The same bytes again: the workspace is no longer empty, so 409 without expectedLatest.
    expectError(await upload(analyst, `${emptyBase}/import`, exported.rawPayload), 409, 'conflict');
    const again = await upload(
      analyst,
      `${emptyBase}/import?expectedLatest=1`,
      exported.rawPayload,
    );
    expect(again.statusCode, again.body).toBe(201);
  });

  it('imports the demo as a zip with other files ignored', async () => {
    const zip = writeModelZip({ ...DEMO, 'README.md': '# x' }, 'demo');
    const response = await upload(owner, `/api/workspaces/${empty.id}/import`, zip);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{
      validation: { valid: boolean };
      ignored: { name: string; reason: string }[];
    }>();
    expect(body.validation.valid).toBe(true);
    expect(body.ignored).toEqual([{ name: 'demo/README.md', reason: 'not_yaml' }]);
    expect(await store.audit.exportAll(empty.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'model.import' })]),
    );
  });

  it('refuses bombs, traversal, garbage and invalid models without storing anything', async () => {
    const url = `/api/workspaces/${empty.id}/import`;
    const bomb = forgedZip('zones.yaml', Buffer.alloc(50 * 1024 * 1024), 100);
    expectError(await upload(owner, url, bomb), 400, 'zip_bomb');
    const big = forgedZip('zones.yaml', Buffer.alloc(50 * 1024 * 1024));
    const tooBig = await upload(owner, url, big);
    expectError(tooBig, 413, 'model_too_large');
    expect(tooBig.json<{ message: { en: string } }>().message.en).toContain(
      'the limit of 32 MiB (33,554,432 bytes) for a model',
    );
    const traversal = forgedZip('../zones.yaml', Buffer.from('zones: []\n'));
    const refused = await upload(owner, url, traversal);
    expectError(refused, 400, 'zip_path_traversal');
    expect(refused.json<{ details: { entry: string } }>().details.entry).toBe('../zones.yaml');
    expectError(await upload(owner, url, Buffer.from('not a zip')), 400, 'zip_invalid');
    const invalid = writeModelZip({ 'zones.yaml': 'zones:\n  - id: Bad Id\n' });
    expectError(await upload(owner, url, invalid), 422, 'invalid_model');
    const json = await client(app, owner).post(url, {});
    expectError(json, 415, 'unsupported_media_type');
    expect(await versionCount(empty.id)).toBe(0);
  });

  it('exports the audit log as CSV and JSON, with the edit in it', async () => {
    await send(analyst, 'PUT', `${base}/entities/assets/fw-siege`, {
      expectedLatest: 1,
      fields: { description: '=cmd|" /C calc"!A0, "quoted"' },
    });
    const csv = await send(auditor, 'GET', `${base}/audit/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="forges-audit-2026-11-28.csv"',
    );
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(rows[0]?.join(',')).toBe(
      'id,at,userId,userEmail,action,entityKind,entityId,before,after',
    );
    const edit = rows.find((r) => r[4] === 'model.entity.update');
    expect(edit?.[3]).toBe('analyst@example.test');
    expect(edit?.[6]).toBe('fw-siege');
    const after = JSON.parse(edit?.[8] ?? '{}') as { fields: { description: string } };
    expect(after.fields.description).toBe('=cmd|" /C calc"!A0, "quoted"');
    expect(rows.every((r) => r.length === 9)).toBe(true);
    const json = await send(owner, 'GET', `${base}/audit/export?format=json`);
    const entries = json.json<{ action: string }[]>();
    expect(entries.map((e) => e.action)).toContain('model.entity.update');
  });
});
