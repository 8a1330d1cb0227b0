import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ContinuityResponse,
  DashboardResponse,
  DocumentView,
  RecoveryPlanView,
  SaveResponse,
  ScenarioResultView,
} from '../api/types.js';
import { createJobHandlers, startWorker } from '../jobs/worker.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { addMembers, client, expectError, signUpAll } from './test-support.js';
import type { TestSession } from './test-support.js';

/**
 * crm runs on vm, on hv; vm authenticates against dc; users reach crm through fw (durations
 * declared); wiki is a server with no declared duration (1 day assumed) supporting docs. Two
 * teams of one task each. By hand, most urgent process first (sales, RTO 8 h):
 *   2 teams: hv 0–180 and dc 0–120; fw 120–180; vm 180–240; crm 240–360; wiki 180–1620.
 *     sales back at 360 (6 h ≤ 8 h: met); docs back at 1620 (27 h > 1 d: missed).
 *   1 team: hv 0–180, dc 180–300, fw 300–360, vm 360–420, crm 420–540, then wiki 540–1980.
 *     sales back at 540 (9 h > 8 h: missed); docs at 1980 (missed).
 * The saved scenario `directory` loses dc, and vm that calls it over LDAP (back once dc is, no
 * work of its own): dc 0–120, vm 120–120, so sales (impacted) is back at 120 (met), docs is not
 * impacted; dc holds state and has no backup: its own data is lost (rebuilt empty), while sales's
 * data is only unusable meanwhile, and sales declares no RPO (no-rpo, no RPO missed).
 * SLOW: dc takes 10 h. 2 teams: hv 0–180 and dc 0–600; fw 180–240; wiki 240–1680; vm 600–660;
 * crm 660–780: sales back at 780 (missed), docs at 1680 (missed); the saved scenario brings
 * sales back at 600 (> 8 h: broken).
 */
const MODEL = `
organisation:
  name: Test
  continuity:
    teams:
      - { id: infra, name: Infra, parallel: 1 }
      - { id: apps, name: Apps }
    scenarios:
      - { id: dir-loss, name: Directory loss, scenario: directory }
zones: [{ id: lan, kind: user }]
assets:
  - { id: fw, kind: firewall, recovery: { duration: 1h } }
  - { id: dc, kind: directory, recovery: { duration: 2h } }
  - { id: hv, kind: hypervisor, recovery: { duration: 3h } }
  - { id: vm, kind: virtual-machine, hostedOn: hv, recovery: { duration: 1h } }
  - { id: crm, kind: application, hostedOn: vm, recovery: { duration: 2h } }
  - { id: wiki, kind: server }
  - { id: spare, kind: server }
flows:
  - { id: f1, from: vm, to: dc, protocol: ldap }
  - { id: f2, from: lan, to: crm, protocol: https, via: [fw] }
processes:
  - { id: sales, rto: 8h, needs: { availability: 4 }, assets: [crm] }
  - { id: docs, rto: 1d, assets: [wiki] }
`;
const FILES = { 'model.yaml': MODEL };
const SLOW = {
  'model.yaml': MODEL.replace(
    '{ id: dc, kind: directory, recovery: { duration: 2h } }',
    '{ id: dc, kind: directory, recovery: { duration: 10h } }',
  ),
};
const BROKEN = { 'model.yaml': `${MODEL}\n  - { id: bad, kind: no-such-kind }\n` };

const ends = (plan: RecoveryPlanView): Record<string, [number, number]> =>
  Object.fromEntries(plan.tasks.map((t) => [t.asset, [t.start, t.end]]));
const statusOf = (plan: RecoveryPlanView): Record<string, [number, string]> =>
  Object.fromEntries(plan.processes.map((p) => [p.process, [p.achievable, p.status]]));

describe.each(STORE_DIALECTS)('continuity API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let users: Record<'owner' | 'analyst' | 'viewer' | 'outsider', TestSession>;
  let workspace: Workspace;
  let base: string;

  const get = (url: string, as: TestSession = users.viewer): Promise<LightMyRequestResponse> =>
    client(app, as).get(url);
  async function json<T>(url: string, as?: TestSession): Promise<T> {
    const response = await get(url, as);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return response.json<T>();
  }

  beforeAll(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    app = buildApp({ store });
    users = await signUpAll(store, ['owner', 'analyst', 'viewer', 'outsider']);
    workspace = await store.workspaces.create({
      slug: 'pra',
      name: 'PRA',
      ownerId: users.owner.user.id,
    });
    await addMembers(store, workspace.id, { analyst: users.analyst, viewer: users.viewer });
    await store.versions.append(workspace.id, null, FILES, 'v1', users.owner.user.id);
    await store.versions.append(workspace.id, 1, BROKEN, 'broken', users.owner.user.id);
    base = `/api/workspaces/${workspace.id}`;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('answers the plan of a version: BIA, backups, schedule on the declared teams', async () => {
    const plan = await json<ContinuityResponse>(`${base}/versions/1/continuity?today=2026-06-01`);
    expect(plan.version).toBe(1);
    expect(plan.today).toBe('2026-06-01');
    expect(plan.bia.processes.map((p) => [p.process, p.rto?.minutes])).toEqual([
      ['docs', 1440],
      ['sales', 480],
    ]);
    // sales rests on crm, its host chain, the directory its VM calls and the firewall crossed
    const sales = plan.bia.processes.find((p) => p.process === 'sales');
    expect(sales?.assets.map((a) => a.asset)).toEqual(['crm', 'dc', 'fw', 'hv', 'vm']);
    expect(plan.schedule.teams).toBe(2);
    expect(ends(plan.schedule)).toEqual({
      hv: [0, 180],
      dc: [0, 120],
      fw: [120, 180],
      vm: [180, 240],
      crm: [240, 360],
      wiki: [180, 1620],
    });
    expect(statusOf(plan.schedule)).toEqual({ docs: [1620, 'missed'], sales: [360, 'met'] });
    expect(Array.isArray(plan.backups.entities)).toBe(true);
    expect(plan.scenarios).toEqual([
      {
        id: 'dir-loss',
        name: 'Directory loss',
        scenario: 'directory',
        summary: { impacted: 1, missedRto: 0, missedRpo: 0, lostBackups: 0, status: 'ok' },
      },
    ]);
  });

  it('re-plans on another number of teams', async () => {
    const plan = await json<RecoveryPlanView>(`${base}/versions/1/continuity/schedule?teams=1`);
    expect(plan.teams).toBe(1);
    expect(ends(plan)).toEqual({
      hv: [0, 180],
      dc: [180, 300],
      fw: [300, 360],
      vm: [360, 420],
      crm: [420, 540],
      wiki: [540, 1980],
    });
    expect(statusOf(plan)).toEqual({ docs: [1980, 'missed'], sales: [540, 'missed'] });
    const full = await json<ContinuityResponse>(`${base}/versions/1/continuity?teams=1`);
    expect(full.schedule).toEqual(plan);
  });

  it('refuses a bad number of teams or date with a message in both languages', async () => {
    for (const teams of ['0', '101', 'two', '1.5', '-1']) {
      const body = expectError(
        await get(`${base}/versions/1/continuity/schedule?teams=${teams}`),
        400,
        'validation',
      );
      expect(body.message.en).toContain('number of teams');
      expect(body.message.fr).toContain('nombre d’équipes');
      expect(body.details).toEqual([expect.objectContaining({ in: 'query', path: ['teams'] })]);
    }
    for (const today of ['2026-02-30', '2026-6-1', 'tomorrow']) {
      const body = expectError(
        await get(`${base}/versions/1/continuity?today=${today}`),
        400,
        'validation',
      );
      expect(body.message.en).toContain('YYYY-MM-DD');
      expect(body.message.fr).toContain('AAAA-MM-JJ');
    }
  });

  it('answers 404 for a missing version, 422 for a model with errors', async () => {
    expectError(await get(`${base}/versions/9/continuity`), 404, 'not_found');
    expectError(await get(`${base}/versions/2/continuity`), 422, 'invalid_model');
  });

  it('hides the workspace from a member of another one', async () => {
    expectError(await get(`${base}/versions/1/continuity`, users.outsider), 404, 'not_found');
    expectError(
      await get(`${base}/versions/1/continuity/schedule`, users.outsider),
      404,
      'not_found',
    );
  });

  it('simulates a scenario: what is lost, the processes against their RTO, the runbook', async () => {
    const response = await client(app, users.viewer).post(
      `${base}/versions/1/continuity/simulate`,
      {
        scenario: ' directory ',
        teams: 1,
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ScenarioResultView>();
    expect(result.scenario).toBe('directory');
    expect(result.lost).toEqual([
      { asset: 'dc', cause: 'directory' },
      { asset: 'vm', cause: 'directory', via: 'dc' },
    ]);
    expect(ends(result.plan)).toEqual({ dc: [0, 120], vm: [120, 120] });
    const outcome = Object.fromEntries(
      result.processes.map((p) => [p.process, [p.impacted, p.achievable, p.rtoStatus]]),
    );
    expect(outcome.sales).toEqual([true, 120, 'met']);
    expect(result.processes.find((p) => p.process === 'sales')?.rpoStatus).toBe('no-rpo');
    expect(result.dataLoss).toEqual([
      expect.objectContaining({ entity: 'dc', windowMinutes: null, status: 'lost' }),
    ]);
    expect(outcome.docs?.[0]).toBe(false);
    expect(result.runbook.map((step) => step.asset)).toEqual(['dc', 'vm']);
    expect(result.missing.find((m) => m.code === 'no-procedure')?.subjects).toEqual(['dc']);
  });

  it('refuses a malformed scenario (400) and an unknown target (422) with the engine’s message', async () => {
    const simulate = (body: unknown): Promise<LightMyRequestResponse> =>
      client(app, users.viewer).post(`${base}/versions/1/continuity/simulate`, body);
    const malformed = expectError(
      await simulate({ scenario: 'meteor:hq' }),
      400,
      'invalid_scenario',
    );
    expect(malformed.message.en).toContain('meteor');
    expect(malformed.message.fr).toContain('meteor');
    const unknown = expectError(
      await simulate({ scenario: 'site-loss:atlantis' }),
      422,
      'unknown_scenario_target',
    );
    expect(unknown.message.en).toContain('atlantis');
    expect(unknown.message.fr).toContain('atlantis');
    expect(unknown.message.fr).not.toBe(unknown.message.en);
    const teams = expectError(
      await simulate({ scenario: 'directory', teams: 0 }),
      400,
      'validation',
    );
    expect(teams.details).toEqual([expect.objectContaining({ in: 'body', path: ['teams'] })]);
    expectError(await simulate({ teams: 2 }), 400, 'validation');
    expectError(
      await client(app, users.outsider).post(`${base}/versions/1/continuity/simulate`, {
        scenario: 'directory',
      }),
      404,
      'not_found',
    );
  });

  it('draws the Gantt chart of a scenario, or of the whole plan, as SVG', async () => {
    const gantt = `${base}/versions/1/continuity/simulate/gantt.svg`;
    const scenario = await get(`${gantt}?scenario=directory&lang=fr`);
    expect(scenario.statusCode, scenario.body).toBe(200);
    expect(scenario.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(scenario.headers['x-content-type-options']).toBe('nosniff');
    expect(scenario.headers['content-security-policy']).toContain('sandbox');
    expect(scenario.body).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    expect(scenario.body).toContain('Perte de l’annuaire');
    // wiki is not lost in that scenario: no row of its own
    expect(scenario.body).not.toContain('>wiki<');
    const whole = await get(`${gantt}?teams=1`);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.body).toContain('>wiki<');
    expectError(await get(`${gantt}?scenario=meteor`), 400, 'invalid_scenario');
    expectError(await get(`${gantt}?teams=0`), 400, 'validation');
    expectError(await get(gantt, users.outsider), 404, 'not_found');
  });

  it('shows the processes whose RTO is missed on the dashboard, null for a broken model', async () => {
    // the latest version (2) has errors
    let dashboard = await json<DashboardResponse>(`${base}/dashboard`);
    expect(dashboard.continuity).toBeNull();
    await store.versions.append(workspace.id, 2, SLOW, 'slow directory', users.owner.user.id);
    dashboard = await json<DashboardResponse>(`${base}/dashboard`);
    expect(dashboard.continuity).toEqual({
      missedRto: [
        { process: 'docs', rto: 1440, achievable: 1680 },
        { process: 'sales', rto: 480, achievable: 780 },
      ],
      scenarios: 1,
      brokenScenarios: [
        {
          id: 'dir-loss',
          name: 'Directory loss',
          scenario: 'directory',
          summary: { impacted: 1, missedRto: 1, missedRpo: 0, lostBackups: 0, status: 'broken' },
        },
      ],
    });
    const slow = await json<ContinuityResponse>(`${base}/versions/3/continuity`);
    expect(ends(slow.schedule)).toEqual({
      hv: [0, 180],
      dc: [0, 600],
      fw: [180, 240],
      wiki: [240, 1680],
      vm: [600, 660],
      crm: [660, 780],
    });
  });
});

describe.each(STORE_DIALECTS)('continuity exercises API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let users: Record<'owner' | 'analyst' | 'viewer' | 'outsider', TestSession>;
  let workspace: Workspace;
  let url: string;

  const exercise = {
    date: '2026-05-04',
    kind: 'restore-test',
    scenario: 'ransomware:crm',
    measured: [{ process: 'sales', time: '7h' }],
    problems: ['The restore procedure of crm was out of date.'],
  };
  const post = (as: TestSession, body: unknown): Promise<LightMyRequestResponse> =>
    client(app, as).post(url, body);

  beforeAll(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    app = buildApp({ store });
    users = await signUpAll(store, ['owner', 'analyst', 'viewer', 'outsider']);
    workspace = await store.workspaces.create({
      slug: 'pra',
      name: 'PRA',
      ownerId: users.owner.user.id,
    });
    await addMembers(store, workspace.id, { analyst: users.analyst, viewer: users.viewer });
    await store.versions.append(workspace.id, null, FILES, 'v1', users.owner.user.id);
    url = `/api/workspaces/${workspace.id}/continuity/exercises`;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('records exercises as new versions, keeping the file as written, with an audit entry', async () => {
    let response = await post(users.analyst, { baseVersion: 1, exercise });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<SaveResponse>().version.number).toBe(2);
    const v2 = (await store.versions.get(workspace.id, 2))?.files['model.yaml'] ?? '';
    // the new list goes after the saved scenarios, the rest of the file unchanged
    const teams = '      - { id: dir-loss, name: Directory loss, scenario: directory }\n';
    expect(v2).toBe(
      MODEL.replace(
        teams,
        `${teams}    exercises:\n      - date: 2026-05-04\n        kind: restore-test\n        scenario: ransomware:crm\n        measured:\n          - process: sales\n            time: 7h\n        problems:\n          - The restore procedure of crm was out of date.\n`,
      ),
    );
    const second = { date: '2026-09-01', kind: 'tabletop', scenario: 'site-loss:hq' };
    response = await post(users.owner, { baseVersion: 2, exercise: second, message: 'Tabletop' });
    expect(response.statusCode, response.body).toBe(201);
    const v3 = await store.versions.get(workspace.id, 3);
    expect(v3?.message).toBe('Tabletop');
    expect(v3?.files['model.yaml']).toBe(
      v2.replace(
        '          - The restore procedure of crm was out of date.\n',
        '          - The restore procedure of crm was out of date.\n      - date: 2026-09-01\n        kind: tabletop\n        scenario: site-loss:hq\n',
      ),
    );
    const audit = await store.audit.exportAll(workspace.id);
    expect(
      audit
        .filter((e) => e.action === 'model.entity.create')
        .map((e) => [e.entityKind, e.entityId, e.userId]),
    ).toEqual([
      ['organisation', 'continuity.exercises[0]', users.analyst.user.id],
      ['organisation', 'continuity.exercises[1]', users.owner.user.id],
    ]);
    expect((await store.versions.get(workspace.id, 2))?.message).toBe(
      'Continuity exercise of 2026-05-04: ransomware:crm',
    );
  });

  it('refuses a stale base version (409), a viewer (403), another workspace (404)', async () => {
    const latest = (await store.versions.latestNumber(workspace.id)) ?? 0;
    expectError(await post(users.analyst, { baseVersion: latest - 1, exercise }), 409, 'conflict');
    expectError(await post(users.viewer, { baseVersion: latest, exercise }), 403, 'forbidden');
    expectError(await post(users.outsider, { baseVersion: latest, exercise }), 404, 'not_found');
    expect(await store.versions.latestNumber(workspace.id)).toBe(latest);
  });

  it('locates a bad exercise in the body (400), an unknown process included', async () => {
    const latest = (await store.versions.latestNumber(workspace.id)) ?? 0;
    const bad = expectError(
      await post(users.analyst, {
        baseVersion: latest,
        exercise: { ...exercise, kind: 'drill', measured: [{ process: 'sales', time: '7 hours' }] },
      }),
      400,
      'validation',
    );
    expect((bad.details as { path: string[] }[]).map((d) => d.path.join('.')).sort()).toEqual([
      'exercise.kind',
      'exercise.measured.0.time',
    ]);
    const unknown = expectError(
      await post(users.analyst, {
        baseVersion: latest,
        exercise: { ...exercise, measured: [{ process: 'payroll', time: '1h' }] },
      }),
      400,
      'validation',
    );
    expect(unknown.details).toEqual([
      expect.objectContaining({ in: 'body', path: ['exercise', 'measured', '0', 'process'] }),
    ]);
    expect(await store.versions.latestNumber(workspace.id)).toBe(latest);
  });
});

describe('PRA document on sqlite', () => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    testStore = await openTestStore('sqlite', { jobs: { backoffMs: 1 } });
    store = testStore.store;
    app = buildApp({ store });
  });

  afterAll(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('generates the disaster recovery plan as a background job', async () => {
    const { owner } = await signUpAll(store, ['owner']);
    const workspace = await store.workspaces.create({
      slug: 'acme',
      name: 'Acme',
      ownerId: owner.user.id,
    });
    await store.versions.append(workspace.id, null, FILES, 'v1', owner.user.id);
    const base = `/api/workspaces/${workspace.id}`;
    const response = await client(app, owner).post(`${base}/documents`, {
      version: 1,
      kind: 'pra',
      format: 'md',
      lang: 'en',
    });
    expect(response.statusCode, response.body).toBe(202);
    const queued = response.json<{ document: DocumentView }>().document;
    expect(queued).toMatchObject({ kind: 'pra', status: 'queued' });
    const worker = startWorker(store, createJobHandlers(store), { pollMs: 10 });
    let view = queued;
    try {
      const deadline = Date.now() + 120_000;
      while (view.status === 'queued' || view.status === 'running') {
        if (Date.now() > deadline) throw new Error('document not generated in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
        view = (await client(app, owner).get(`${base}/documents/${queued.id}`)).json<{
          document: DocumentView;
        }>().document;
      }
    } finally {
      await worker.stop();
    }
    expect(view).toMatchObject({ status: 'done', fileName: 'acme-drp-v1.md', error: null });
    const download = await client(app, owner).get(`${base}/documents/${queued.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/markdown; charset=utf-8');
    // the processes and the directory the plan recovers first are in it
    expect(download.body).toContain('sales');
    expect(download.body).toContain('dc');
  }, 180_000);
});
