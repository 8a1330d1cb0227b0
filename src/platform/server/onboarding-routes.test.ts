import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xlsxOf } from '../../../test/support/xlsx.js';
import { validateModelFiles } from '../models/validation.js';
import { writeModelZip } from '../models/zip.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, manualClock, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import type { OnboardingPreviewResponse } from '../api/types.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { buildApp } from './app.js';
import { TEMPLATES, templateFiles } from './onboarding-routes.js';
import { addMembers, client, expectError, signUpAll } from './test-support.js';
import type { TestSession } from './test-support.js';

const CSV = [
  'Nom;Type;Zone;Adresse IP;Système',
  'Pare-feu;pare-feu;LAN;192.168.1.254;',
  'Serveur de fichiers;serveur;Serveurs;192.168.10.5;Windows Server 2019',
  'Postes;poste;LAN;;Windows 11',
].join('\r\n');

const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64');
const csvFile = (text: string, name = 'inventaire.csv') => ({ name, content: b64(text) });

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid model', async (_, template) => {
    const validation = validateModelFiles(await templateFiles(template));
    expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validation.counts.zones).toBeGreaterThan(0);
  });
});

describe.each(STORE_DIALECTS)('onboarding API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let owner: TestSession;
  let analyst: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let workspace: Workspace;
  let base: string;

  const post = (
    session: TestSession,
    path: string,
    body: unknown,
  ): Promise<LightMyRequestResponse> =>
    client(app, session).post(`${base}/onboarding/${path}`, body);

  beforeEach(async () => {
    testStore = await openTestStore(dialect, { clock: manualClock('2026-11-28T10:00:00Z').clock });
    store = testStore.store;
    app = buildApp({
      store,
      limits: { ...DEFAULT_LIMITS, maxModelBytes: 64 * 1024, maxUploadBytes: 200 * 1024 },
    });
    ({ owner, analyst, viewer, outsider } = await signUpAll(store, [
      'owner',
      'analyst',
      'viewer',
      'outsider',
    ]));
    workspace = await store.workspaces.create({
      slug: 'new',
      name: 'Nouvelle PME',
      ownerId: owner.user.id,
    });
    await addMembers(store, workspace.id, { analyst, viewer });
    base = `/api/workspaces/${workspace.id}`;
  });

  afterEach(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('lists templates to any signed-in user and starts a workspace from one', async () => {
    const list = await client(app, outsider).get('/api/templates');
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ templates: { id: string; counts: { assets: number } }[] }>().templates;
    expect(ids.map((t) => t.id)).toEqual([
      'pme-vierge',
      'maison-de-sante',
      'forges-de-l-est',
      'clinique-des-cedres',
    ]);
    expect(ids[2]?.counts.assets).toBeGreaterThan(50);
    expectError(await post(viewer, 'template', { template: 'pme-vierge' }), 403, 'forbidden');
    expectError(await post(outsider, 'template', { template: 'pme-vierge' }), 404, 'not_found');
    expectError(await post(owner, 'template', { template: 'nope' }), 400, 'unknown_template');
    const created = await post(analyst, 'template', { template: 'maison-de-sante' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ version: { number: number } }>().version.number).toBe(1);
    // The first version only: a second start without expectedLatest is stale.
    expectError(await post(owner, 'template', { template: 'pme-vierge' }), 409, 'conflict');
    const audit = await store.audit.exportAll(workspace.id);
    expect(audit.find((e) => e.action === 'model.import')?.after).toMatchObject({
      source: 'template',
      template: 'maison-de-sante',
    });
  });

  it('previews an inventory without storing anything, then commits version 1', async () => {
    const preview = await post(analyst, 'inventory/preview', { files: [csvFile(CSV)] });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json<OnboardingPreviewResponse>();
    expect(body.choice?.assets?.columns).toMatchObject({ name: 0, kind: 1, zone: 2 });
    expect(body.validation.errors).toBe(0);
    expect(body.validation.counts.assets).toBe(3);
    expect(body.diagnostics.some((d) => d.code === 'inventory-zone-created' && d.line === 2)).toBe(
      true,
    );
    expect(await store.versions.list(workspace.id)).toEqual([]);
    expect(
      (await store.audit.exportAll(workspace.id)).filter((e) => e.action === 'model.import'),
    ).toEqual([]);

    // A mapping chosen by the user: the zone column left out.
    const chosen = await post(analyst, 'inventory/preview', {
      files: [csvFile(CSV)],
      choice: { assets: { table: '0', headerRow: 0, columns: { name: 0, kind: 1 } } },
    });
    expect(chosen.json<OnboardingPreviewResponse>().validation.counts.zones).toBe(0);

    const commit = await post(analyst, 'inventory/commit', { files: [csvFile(CSV)] });
    expect(commit.statusCode, commit.body).toBe(201);
    expect(commit.json<{ version: { number: number } }>().version.number).toBe(1);
    const version = await store.versions.get(workspace.id, 1);
    expect(Object.keys(version?.files ?? {}).sort()).toEqual([
      'assets.yaml',
      'organisation.yaml',
      'zones.yaml',
    ]);
    expect(version?.files['organisation.yaml']).toContain('name: Nouvelle PME');
    const entry = (await store.audit.exportAll(workspace.id)).find(
      (e) => e.action === 'model.import',
    );
    expect(entry?.after).toMatchObject({ source: 'inventory', inputs: ['inventaire.csv'] });
  });

  it('reads an XLSX workbook and refuses bad files with located diagnostics', async () => {
    const xlsx = xlsxOf([
      {
        name: 'Actifs',
        rows: [
          ['Name', 'Kind', 'Zone'],
          ['srv', 'server', 'DMZ'],
        ],
      },
    ]);
    const ok = await post(owner, 'inventory/preview', {
      files: [{ name: 'a.xlsx', content: b64(xlsx) }],
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const bad = async (file: { name: string; content: string }, code: string) => {
      const response = await post(owner, 'inventory/preview', { files: [file] });
      const error = expectError(response, 400, 'inventory_unreadable');
      const details = error.details as { diagnostics: { code: string; file: string }[] };
      expect(details.diagnostics.map((d) => d.code)).toContain(code);
      expect(details.diagnostics[0]?.file).toBe(file.name);
    };
    await bad({ name: 'empty.csv', content: '' }, 'inventory-empty-file');
    await bad(csvFile('a;b\n"open;x\n'), 'inventory-csv-unclosed-quote');
    await bad(
      { name: 'model.xlsx', content: b64(writeModelZip({ 'a.yaml': 'x: 1' })) },
      'inventory-xlsx-not-workbook',
    );
    await bad(
      {
        name: 'evil.xlsx',
        content: b64(
          xlsxOf([{ name: 'S', rows: [['a']] }], {
            'xl/sharedStrings.xml':
              '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst><si><t>&e;</t></si></sst>',
          }),
        ),
      },
      'inventory-xlsx-doctype',
    );
    await bad(
      { name: 'garbage.csv', content: b64(Buffer.from([0, 1, 2, 3, 255, 254])) },
      'inventory-not-text',
    );
    await bad({ name: 'photo.png', content: b64('x') }, 'inventory-unsupported-file');
    expectError(
      await post(owner, 'inventory/preview', { files: [{ name: 'a.csv', content: '%%%' }] }),
      400,
      'validation',
    );
    expect(await store.versions.list(workspace.id)).toEqual([]);
  });

  it('applies the model size limit to uploads and refuses readers', async () => {
    const big = `name\n${'x'.repeat(70 * 1024)}\n`;
    expectError(
      await post(owner, 'inventory/preview', { files: [csvFile(big)] }),
      413,
      'model_too_large',
    );
    const huge = await post(owner, 'inventory/preview', {
      files: [csvFile('y'.repeat(300 * 1024))],
    });
    expect(huge.statusCode).toBe(413);
    expectError(
      await post(viewer, 'inventory/commit', { files: [csvFile(CSV)] }),
      403,
      'forbidden',
    );
    const noCsrf = await client(app, owner).post(
      `${base}/onboarding/inventory/commit`,
      { files: [csvFile(CSV)] },
      { csrf: '' },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(await store.versions.list(workspace.id)).toEqual([]);
  });

  it('previews and commits the wizard’s answers', async () => {
    const answers = {
      organisation: { name: 'Cabinet' },
      zones: [
        { name: 'LAN', kind: 'user' },
        { name: 'Internet', kind: 'internet' },
      ],
      assets: [
        { name: 'NAS', kind: 'file-server', zone: 'LAN' },
        { name: 'Postes', kind: 'workstation', zone: 'lan', count: 5 },
      ],
      flows: [
        { from: 'Postes', to: 'NAS', protocol: 'smb', port: 445 },
        { from: 'Postes', to: 'Ailleurs', protocol: 'https' },
      ],
    };
    const preview = await post(owner, 'wizard/preview', { answers });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json<OnboardingPreviewResponse>();
    expect(body.validation.errors).toBe(0);
    expect(body.diagnostics.map((d) => d.path)).toEqual(['flows[1].to']);
    expect(await store.versions.list(workspace.id)).toEqual([]);
    expectError(
      await post(owner, 'wizard/preview', { answers: { organisation: { name: '' } } }),
      400,
      'validation',
    );
    const commit = await post(owner, 'wizard/commit', { answers });
    expect(commit.statusCode, commit.body).toBe(201);
    expect((await store.versions.get(workspace.id, 1))?.files['assets.yaml']).toContain('count: 5');
  });
});
