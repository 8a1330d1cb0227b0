import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import { prepareDocumentInput } from '../../presentation/input.js';
import { createTranslator } from '../../i18n/index.js';
import { loadModel } from '../../model/load.js';
import type {
  ArchitectureDiagramResponse,
  AttackPathsResponse,
  DashboardResponse,
  DiagramResponse,
  EntityDetailResponse,
  EntityListResponse,
  FindingDetailResponse,
  FindingsResponse,
} from '../api/types.js';
import { ENTITY_KINDS } from '../api/types.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { SUMMARY_LOCALE } from '../analysis/service.js';
import { createThreadPool, type ThreadPool } from '../threads/pool.js';
import type { TaskInput, TaskName, TaskOutput } from '../threads/tasks.js';
import { analysisServiceFor, closeAnalysisService } from './analysis-routes.js';
import { buildApp } from './app.js';
import { client, signIn } from './test-support.js';
import type { TestSession } from './test-support.js';

const DEMO_DIR = new URL('../../../examples/forges-de-l-est/', import.meta.url);
const DEMO: Record<string, string> = Object.fromEntries(
  readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [name, readFileSync(new URL(name, DEMO_DIR), 'utf8')]),
);
const SCRIPT = '<script>alert(1)</script>';
/**
 * The demo with an asset name carrying markup: it must come back as inert text. Its
 * organisation names no language (the demo's is French).
 */
const HOSTILE: Record<string, string> = {
  ...DEMO,
  'assets-usine.yaml': (DEMO['assets-usine.yaml'] ?? '').replace(
    "name: Poste d'ingénierie automatisme",
    `name: "EWS ${SCRIPT}"`,
  ),
  'organisation.yaml': (DEMO['organisation.yaml'] ?? '').replace(/^ {2}locale: fr\n/m, ''),
};
const BROKEN: Record<string, string> = {
  ...DEMO,
  'zones.yaml': `${DEMO['zones.yaml'] ?? ''}\n  - id: zone-bad\n    kind: no-such-kind\n`,
};

const today = (): string => new Date().toISOString().slice(0, 10);

describe.each(STORE_DIALECTS)('analysis API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let viewer: TestSession;
  let workspace: Workspace;
  let base: string;

  const get = (url: string): Promise<LightMyRequestResponse> => client(app, viewer).get(url);

  async function json<T>(url: string): Promise<T> {
    const response = await get(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return response.json<T>();
  }

  beforeAll(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    app = buildApp({ store });
    const owner = await store.users.create({
      email: 'owner@example.test',
      displayName: 'Owner',
      passwordHash: 'x',
    });
    const viewerUser = await store.users.create({
      email: 'viewer@example.test',
      displayName: 'Viewer',
      passwordHash: 'x',
    });
    viewer = await signIn(store, viewerUser);
    workspace = await store.workspaces.create({ slug: 'demo', name: 'Demo', ownerId: owner.id });
    await store.workspaces.addMember(workspace.id, viewerUser.id, 'viewer');
    await store.versions.append(workspace.id, null, DEMO, 'Demo', owner.id);
    await store.versions.append(workspace.id, 1, HOSTILE, 'Hostile name', owner.id);
    await store.versions.append(workspace.id, 2, BROKEN, 'Broken', null);
    await store.versions.append(workspace.id, 3, DEMO, 'Back to the demo', owner.id);
    await store.db
      .insertInto('documents')
      .values({
        id: 'doc-1',
        workspace_id: workspace.id,
        version_number: 1,
        kind: 'dat',
        format: 'pdf',
        locale: 'fr',
        status: 'done',
        job_id: null,
        file_name: 'dat.pdf',
        content_type: 'application/pdf',
        size: 1234,
        content: Buffer.from('%PDF'),
        error: null,
        created_by: owner.id,
        created_at: '2026-01-02T00:00:00.000Z',
        finished_at: '2026-01-02T00:01:00.000Z',
      })
      .execute();
    base = `/api/workspaces/${workspace.id}`;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('serves the dashboard with the numbers prepareDocumentInput gives, and stores the trend', async () => {
    const started = performance.now();
    let dashboard = await json<DashboardResponse>(`${base}/dashboard`);
    const cold = performance.now() - started;
    // older trend points beyond the time budget are computed in the background
    for (let i = 0; i < 200 && dashboard.trend.length < 4; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dashboard = await json<DashboardResponse>(`${base}/dashboard`);
    }
    const warmStart = performance.now();
    await json<DashboardResponse>(`${base}/dashboard`);
    const warm = performance.now() - warmStart;
    process.stdout.write(
      `[${dialect}] dashboard cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(1)} ms\n`,
    );

    const load = loadModel(
      Object.keys(DEMO)
        .sort()
        .map((file) => ({ file, text: DEMO[file] ?? '' })),
      { t: createTranslator('en') },
    );
    const input = prepareDocumentInput(load.graph, BUILTIN_RULES, {
      locale: 'en',
      today: today(),
      k: 3,
      maxTargets: 50,
    });
    const open = (severity: string): number =>
      input.findings.filter((f) => f.status === 'open' && f.severity === severity).length;

    expect(dashboard.workspace).toMatchObject({ id: workspace.id, role: 'viewer', slug: 'demo' });
    const latest = dashboard.latest;
    expect(latest?.version).toBe(4);
    expect(latest?.total).toBe(input.findings.length);
    expect(latest?.open).toEqual({
      critical: open('critical'),
      high: open('high'),
      medium: open('medium'),
      low: open('low'),
    });
    expect(latest?.decided).toBe(input.findings.filter((f) => f.status !== 'open').length);
    // one weakness breaking several rules counts once
    const causes = new Set(input.findings.map((f) => f.rootCause));
    expect(latest?.rootCauses?.total).toBe(causes.size);
    expect(causes.size).toBeLessThan(input.findings.length);
    expect(latest?.hygieneScore).toBe(input.baseline.score.percent);
    expect(latest?.attackPaths).toBe(input.attack?.paths.length);
    expect(latest?.counts.assets).toBe(load.model.assets.length);
    expect(dashboard.trend.map((p) => p.version)).toEqual([1, 2, 3, 4]);
    expect(dashboard.trend[2]?.total).toBe(0);
    expect(dashboard.topPaths).toHaveLength(5);
    expect(dashboard.topPaths[0]?.score).toBe(input.attack?.paths[0]?.score);
    expect(dashboard.hygiene.length).toBeGreaterThan(5);
    expect(dashboard.hygiene.reduce((n, c) => n + c.implemented, 0)).toBe(
      input.baseline.score.implemented,
    );
    expect(dashboard.validation.errors).toBe(0);
    expect(dashboard.documents).toEqual([
      {
        id: 'doc-1',
        version: 1,
        kind: 'dat',
        format: 'pdf',
        lang: 'fr',
        status: 'done',
        progress: null,
        fileName: 'dat.pdf',
        size: 1234,
        error: null,
        createdBy: 'Owner',
        created: '2026-01-02T00:00:00.000Z',
        finished: '2026-01-02T00:01:00.000Z',
      },
    ]);
    const stored = await store.analyses.list(workspace.id, { locale: SUMMARY_LOCALE });
    expect(stored.map((s) => s.number)).toEqual([4, 3, 2, 1]);

    const french = await json<DashboardResponse>(`${base}/dashboard?lang=fr`);
    const english = await json<DashboardResponse>(`${base}/dashboard?lang=en`);
    expect(french.hygiene[0]?.title).not.toBe(english.hygiene[0]?.title);
    // without lang, the language the model names (the demo's organisation.locale: fr)
    expect(dashboard.hygiene[0]?.title).toBe(french.hygiene[0]?.title);
    expect(dashboard.latest?.modelLocale).toBe('fr');
    expect(dashboard.trend.map((point) => point.modelLocale)).toEqual(['fr', null, 'fr', 'fr']);
  }, 120_000);

  it('answers the dashboard of a workspace without versions', async () => {
    const owner = await store.users.findByEmail('owner@example.test');
    const empty = await store.workspaces.create({ slug: 'empty', name: 'E', ownerId: owner!.id });
    const viewerId = (await store.users.findByEmail('viewer@example.test'))!.id;
    await store.workspaces.addMember(empty.id, viewerId, 'auditor');
    const dashboard = await json<DashboardResponse>(`/api/workspaces/${empty.id}/dashboard`);
    expect(dashboard).toMatchObject({ latest: null, trend: [], topPaths: [], documents: [] });
    expect(dashboard.workspace.role).toBe('auditor');
  });

  it('filters findings by severity, status and text, with facets over the whole list', async () => {
    const all = await json<FindingsResponse>(`${base}/versions/1/findings`);
    expect(all.total).toBeGreaterThan(10);
    expect(all.findings).toHaveLength(all.total);
    const high = await json<FindingsResponse>(`${base}/versions/1/findings?severity=high`);
    expect(high.findings.length).toBeGreaterThan(0);
    expect(high.findings.every((f) => f.severity === 'high')).toBe(true);
    expect(high.findings).toHaveLength(all.facets.severity.high ?? -1);
    expect(high.facets).toEqual(all.facets);
    const accepted = await json<FindingsResponse>(`${base}/versions/1/findings?status=accepted`);
    expect(accepted.findings.length).toBeGreaterThan(0);
    expect(accepted.findings.every((f) => f.decision?.status === 'accepted')).toBe(true);
    const combined = await json<FindingsResponse>(
      `${base}/versions/1/findings?severity=high,critical&status=open&q=EWS`,
    );
    for (const f of combined.findings) {
      expect(['high', 'critical']).toContain(f.severity);
      expect(f.status).toBe('open');
    }
    const byName = await json<FindingsResponse>(
      `${base}/versions/1/findings?q=${encodeURIComponent("POSTE D'INGÉNIERIE")}`,
    );
    expect(byName.findings.length).toBeGreaterThan(0);
    expect(byName.findings.every((f) => f.subjects.some((s) => s.id === 'ews-automatisme'))).toBe(
      true,
    );

    const expired = all.findings.find((f) => f.id === 'unsupported-os@ews-automatisme');
    expect(expired?.status).toBe('open');
    expect(expired?.decision).toMatchObject({ status: 'accepted', expired: true });
    // each finding names its root cause; the facets of one share it
    expect(expired?.rootCause.id).toBe('rc@ews-automatisme');
    expect(expired?.rootCause.subject).toMatchObject({ kind: 'assets', id: 'ews-automatisme' });
    const causes = new Set(all.findings.map((f) => f.rootCause.id));
    expect(all.rootCauses.total).toBe(causes.size);
    expect(all.rootCauses.total).toBeLessThan(all.total);
    expect(high.rootCauses).toEqual(all.rootCauses);
  });

  it('shows a finding with its references, and 404 for an unknown one', async () => {
    const detail = await json<FindingDetailResponse>(
      `${base}/versions/1/findings/${encodeURIComponent('unsupported-os@ews-automatisme')}?lang=fr`,
    );
    expect(detail.finding.remediation.length).toBeGreaterThan(0);
    expect(detail.finding.rationale.length).toBeGreaterThan(0);
    expect(detail.finding.references.length).toBeGreaterThan(0);
    expect(
      detail.finding.references.some((r) => r.url?.startsWith('https://cyber.gouv.fr/') === true),
    ).toBe(true);
    expect(detail.finding.subjects[0]).toMatchObject({ kind: 'assets', id: 'ews-automatisme' });
    // the other facets of its root cause, not itself
    const others = detail.sameRootCause.map((f) => f.id);
    expect(others).toContain('no-edr@ews-automatisme');
    expect(others).not.toContain('unsupported-os@ews-automatisme');
    expect(others.every((id) => id.endsWith('@ews-automatisme'))).toBe(true);
    const missing = await get(`${base}/versions/1/findings/no-such-rule@nothing`);
    expect(missing.statusCode).toBe(404);
    expect((await get(`${base}/versions/99/findings`)).statusCode).toBe(404);
  });

  it('lists attack paths with choke points and draws one', async () => {
    const paths = await json<AttackPathsResponse>(`${base}/versions/1/attack-paths`);
    expect(paths.paths.length).toBeGreaterThan(0);
    expect(paths.chokePoints.length).toBeGreaterThan(0);
    expect(paths.targets.length).toBeGreaterThan(0);
    const first = paths.paths[0]!;
    const one = await json<AttackPathsResponse>(
      `${base}/versions/1/attack-paths?target=${first.target.id}`,
    );
    expect(one.paths.every((p) => p.target.id === first.target.id)).toBe(true);
    const diagram = await json<DiagramResponse>(
      `${base}/versions/1/attack-paths/${encodeURIComponent(first.id)}/diagram`,
    );
    expect(diagram.svg).toContain('<svg');
    expect(diagram.svg).toContain(`data-id="${first.target.id}"`);
    expect(diagram.width).toBeGreaterThan(0);
    expect((await get(`${base}/versions/1/attack-paths/nothing.1/diagram`)).statusCode).toBe(404);
    expect((await get(`${base}/versions/1/attack-paths/bad%20id/diagram`)).statusCode).toBe(400);
  });

  it('pages attack paths by target group, most likely target first, refusing bad pages', async () => {
    const all = await json<AttackPathsResponse>(`${base}/versions/1/attack-paths`);
    expect(all.page).toBeUndefined();
    const first = await json<AttackPathsResponse>(
      `${base}/versions/1/attack-paths?offset=0&limit=2`,
    );
    const page = first.page;
    expect(page).toMatchObject({ offset: 0, limit: 2, totalPaths: all.paths.length });
    expect(page?.groups.length).toBe(Math.min(2, page?.totalGroups ?? 0));
    const bests = page?.groups.map((g) => g.best) ?? [];
    expect(bests).toEqual([...bests].sort((a, b) => b - a));
    expect(bests[0]).toBe(Math.max(...all.paths.map((p) => p.score)));
    const shown = new Set(page?.groups.map((g) => g.target.id));
    expect(first.paths.every((p) => shown.has(p.target.id))).toBe(true);
    expect(first.paths.length).toBe(page?.groups.reduce((n, g) => n + g.count, 0));
    expect(first.chokePoints).toEqual(all.chokePoints);
    const next = await json<AttackPathsResponse>(
      `${base}/versions/1/attack-paths?offset=2&limit=2`,
    );
    expect(next.page?.groups.some((g) => shown.has(g.target.id))).toBe(false);
    for (const bad of ['offset=-1', 'offset=x', 'limit=0', 'limit=100000', 'offset=1.5']) {
      const response = await get(`${base}/versions/1/attack-paths?${bad}`);
      expect(response.statusCode, bad).toBe(400);
    }
  });

  it('draws the zones diagram and its views, refusing unknown views', async () => {
    const diagram = await json<ArchitectureDiagramResponse>(`${base}/versions/1/diagram?lang=en`);
    expect(diagram.view).toBe('zones');
    expect(diagram.svg).toContain('data-id="ews-automatisme"');
    expect(diagram.svg).not.toContain('<script');
    expect(diagram.views[0]).toEqual({ view: 'zones', label: 'Zones overview' });
    expect(diagram.views.some((v) => v.view.startsWith('site:'))).toBe(true);
    const zone = diagram.views.find((v) => v.view === 'zone:ot-supervision');
    expect(zone?.label).toMatch(/^Zone: /);
    const zoned = await json<ArchitectureDiagramResponse>(
      `${base}/versions/1/diagram?view=zone:ot-supervision&lang=fr`,
    );
    expect(zoned.svg).toContain('data-id="ews-automatisme"');
    expect(zoned.views[0]?.label).toBe('Vue d’ensemble des zones');
    // without lang: the model's language, English for a model naming none
    const modelLanguage = await json<ArchitectureDiagramResponse>(`${base}/versions/1/diagram`);
    expect(modelLanguage.views[0]?.label).toBe('Vue d’ensemble des zones');
    const noLanguage = await json<ArchitectureDiagramResponse>(`${base}/versions/2/diagram`);
    expect(noLanguage.views[0]?.label).toBe('Zones overview');
    const unknown = await get(`${base}/versions/1/diagram?view=zone:nowhere`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ details: { views: string[] } }>().details.views).toContain('zones');
  });

  it('keeps markup in model strings as inert text in JSON and in the SVG', async () => {
    const list = await get(`${base}/versions/2/entities/assets?q=EWS`);
    expect(list.statusCode).toBe(200);
    const body = list.json<EntityListResponse>();
    expect(body.rows.find((r) => r.id === 'ews-automatisme')?.name).toBe(`EWS ${SCRIPT}`);
    const diagram = await json<ArchitectureDiagramResponse>(`${base}/versions/2/diagram`);
    expect(diagram.svg).not.toContain('<script');
    expect(diagram.svg).toContain('&lt;script&gt;');
  });

  it('lists every kind of entity, sorts, filters, and 404s an unknown kind', async () => {
    for (const kind of ENTITY_KINDS) {
      const list = await json<EntityListResponse>(`${base}/versions/1/entities/${kind}`);
      expect(list.kind).toBe(kind);
      expect(list.rows.length, kind).toBeGreaterThan(0);
      expect(list.total).toBe(list.rows.length);
      for (const row of list.rows)
        expect(Object.keys(row.cells).sort()).toEqual(list.columns.map((c) => c.key).sort());
    }
    const byName = await json<EntityListResponse>(
      `${base}/versions/1/entities/assets?sort=name&dir=desc`,
    );
    const names = byName.rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    const worst = await json<EntityListResponse>(
      `${base}/versions/1/entities/assets?sort=worst&dir=desc`,
    );
    expect(worst.rows[0]?.worst).toBe('critical');
    const filtered = await json<EntityListResponse>(`${base}/versions/1/entities/assets?q=ews`);
    expect(filtered.rows.map((r) => r.id)).toContain('ews-automatisme');
    expect(filtered.rows.length).toBeLessThan(filtered.total);
    const inZone = await json<EntityListResponse>(
      `${base}/versions/1/entities/assets?zone=ot-supervision`,
    );
    expect(inZone.rows.map((r) => r.id)).toContain('ews-automatisme');
    expect(inZone.rows.every((r) => r.cells.zone !== null)).toBe(true);
    expect((await get(`${base}/versions/1/entities/widgets`)).statusCode).toBe(404);
    expect((await get(`${base}/versions/1/entities/assets?sort=nope`)).statusCode).toBe(400);
  });

  it('details an asset: fields, location, relations, findings and needs', async () => {
    const detail = await json<EntityDetailResponse>(
      `${base}/versions/1/entities/assets/ews-automatisme`,
    );
    expect(detail.fields.kind).toBe('engineering-workstation');
    expect(detail.file).toBe('assets-usine.yaml');
    expect(detail.line).toBeGreaterThan(1);
    const roles = new Map(detail.relations.map((r) => [r.role, r.items]));
    expect(roles.get('zone')).toEqual([
      expect.objectContaining({ kind: 'zones', id: 'ot-supervision' }),
    ]);
    const flows = [...(roles.get('flowsOut') ?? []), ...(roles.get('flowsIn') ?? [])];
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.every((f) => f.kind === 'flows')).toBe(true);
    expect(detail.findings.some((f) => f.id === 'unsupported-os@ews-automatisme')).toBe(true);
    expect(detail.needs).not.toBeNull();
    expect((await get(`${base}/versions/1/entities/assets/nothing`)).statusCode).toBe(404);
    expect((await get(`${base}/versions/1/entities/zones/ews-automatisme`)).statusCode).toBe(404);
  });

  it('answers 422 invalid_model for analyses of a broken version, but lists its entities', async () => {
    for (const path of ['findings', 'attack-paths', 'diagram']) {
      const response = await get(`${base}/versions/3/${path}`);
      expect(response.statusCode, path).toBe(422);
      const body = response.json<{ code: string; details: { diagnostics: unknown[] } }>();
      expect(body.code).toBe('invalid_model');
      expect(body.details.diagnostics.length).toBeGreaterThan(0);
    }
    const zones = await json<EntityListResponse>(`${base}/versions/3/entities/zones`);
    expect(zones.rows.length).toBeGreaterThan(0);
  });

  it('answers warm requests from the cache without recomputing', async () => {
    const service = analysisServiceFor(store);
    await json<FindingsResponse>(`${base}/versions/4/findings?lang=fr`);
    const before = service.stats.computations;
    const [a, b] = await Promise.all([
      get(`${base}/versions/4/entities/assets?lang=fr`),
      get(`${base}/versions/4/findings?lang=fr&severity=low`),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    await json<FindingsResponse>(`${base}/versions/4/findings?lang=fr`);
    expect(service.stats.computations).toBe(before);
  });

  it('answers 429 analysis_busy with Retry-After beyond two cold analyses per user', async () => {
    const owner = await store.users.findByEmail('owner@example.test');
    const busy = await store.workspaces.create({
      slug: 'busy',
      name: 'Busy',
      ownerId: owner?.id ?? '',
    });
    await store.workspaces.addMember(
      busy.id,
      (await store.users.findByEmail('viewer@example.test'))?.id ?? '',
      'viewer',
    );
    for (let number = 1; number <= 3; number += 1) {
      await store.versions.append(
        busy.id,
        number === 1 ? null : number - 1,
        DEMO,
        `v${String(number)}`,
        null,
      );
    }
    // analyses held at a gate, so that two are queued when the third is asked for
    await closeAnalysisService(store);
    const threads = createThreadPool({ size: 1 });
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const gated: ThreadPool = {
      ...threads,
      async run<N extends TaskName>(
        task: N,
        input: TaskInput<N>,
        transfer?: readonly ArrayBuffer[],
      ): Promise<TaskOutput<N>> {
        await gate;
        return threads.run(task, input, transfer);
      },
    };
    analysisServiceFor(store, { threads: gated });
    // (an injected request is sent when awaited: Promise.resolve sends each one now)
    const pending = [1, 2, 3].map((number) =>
      Promise.resolve(get(`/api/workspaces/${busy.id}/versions/${String(number)}/findings`)),
    );
    const third = await Promise.race([pending[2], new Promise((r) => setTimeout(r, 5000))]);
    expect(third).toBeDefined();
    open();
    const answers = await Promise.all(pending);
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const refused = answers.find((answer) => answer.statusCode === 429);
    expect(refused?.headers['retry-after']).toBe('5');
    expect(refused?.json()).toMatchObject({
      code: 'analysis_busy',
      message: {
        en: expect.stringContaining('try again') as string,
        fr: expect.stringContaining('réessayez') as string,
      },
      details: { scope: 'user', limit: 2 },
    });
    // once the two are done, the third version is analysed
    expect((await get(`/api/workspaces/${busy.id}/versions/3/findings`)).statusCode).toBe(200);
    await closeAnalysisService(store);
    await threads.terminate();
  });

  it('documents the analysis errors in the OpenAPI description', async () => {
    const doc = await json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>('/api/openapi.json');
    const findings = doc.paths['/api/workspaces/{workspaceId}/versions/{number}/findings']?.get;
    expect(Object.keys(findings?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '422', '429', '503']),
    );
  });
});
