import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditCampaignResponse,
  AuditCampaignsResponse,
  AuditComparisonResponse,
  AuditDriftPreviewResponse,
  AuditFindingsResponse,
  AuditPlanItemResponse,
  AuditPlanResponse,
  SaveResponse,
} from '../api/types.js';
import { createAuditJobHandler } from '../audit/audit-job.js';
import {
  CONNECT_SCAN_MODULES,
  LAB_ADDRESS,
  LAB_MODEL,
  labScope,
  startListener,
} from '../audit/test-fixtures.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Job, Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { addMembers, client, expectError, signUpAll } from './test-support.js';
import type { TestSession } from './test-support.js';

describe.each(STORE_DIALECTS)('audit campaign API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let users: Record<'owner' | 'analyst' | 'viewer' | 'outsider', TestSession>;
  let workspace: Workspace;
  let other: Workspace;
  let base: string;
  let listener: Awaited<ReturnType<typeof startListener>>;

  /** Runs the queued campaign's job in-process (loopback scan only). */
  async function run(campaignId: string): Promise<void> {
    const handler = createAuditJobHandler(store, {
      modules: CONNECT_SCAN_MODULES,
      today: () => '2026-12-08',
    });
    await handler.run({ campaignId }, {} as Job, { signal: new AbortController().signal });
  }

  async function start(as: TestSession = users.analyst): Promise<string> {
    const response = await client(app, as).post(`${base}/audit-campaigns`, {
      name: 'Lab',
      scope: labScope(listener.port),
      vantage: 'lan',
      limits: { timeoutMs: 300 },
    });
    expect(response.statusCode, response.body).toBe(202);
    return response.json<AuditCampaignResponse>().campaign.id;
  }

  beforeAll(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    listener = await startListener();
    app = buildApp({
      store,
      limits: { ...DEFAULT_LIMITS, auditNetworks: [`${LAB_ADDRESS}/32`] },
    });
    users = await signUpAll(store, ['owner', 'analyst', 'viewer', 'outsider']);
    workspace = await store.workspaces.create({
      slug: 'lab',
      name: 'Lab',
      ownerId: users.owner.user.id,
    });
    other = await store.workspaces.create({
      slug: 'o',
      name: 'O',
      ownerId: users.outsider.user.id,
    });
    await addMembers(store, workspace.id, { analyst: users.analyst, viewer: users.viewer });
    await store.versions.append(workspace.id, null, { 'model.yaml': LAB_MODEL }, 'v1', null);
    await store.versions.append(other.id, null, { 'model.yaml': LAB_MODEL }, 'v1', null);
    base = `/api/workspaces/${workspace.id}`;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await listener.close();
    await testStore.dispose();
  });

  it('starts a campaign, shows its progress, findings, results, report and plan', async () => {
    const id = await start();
    const queued = await client(app, users.viewer).get(`${base}/audit-campaigns/${id}`);
    expect(queued.json<AuditCampaignResponse>().campaign).toMatchObject({
      status: 'queued',
      version: 1,
    });
    expectError(
      await client(app, users.viewer).get(`${base}/audit-campaigns/${id}/findings`),
      409,
      'not_ready',
    );
    await run(id);
    const done = (
      await client(app, users.viewer).get(`${base}/audit-campaigns`)
    ).json<AuditCampaignsResponse>();
    expect(done.campaigns[0]).toMatchObject({ id, status: 'done', createdBy: 'analyst' });
    expect(done.campaigns[0]?.progress?.phase).toBe('done');

    const all = (
      await client(app, users.viewer).get(`${base}/audit-campaigns/${id}/findings`)
    ).json<AuditFindingsResponse>();
    expect(all.total).toBeGreaterThan(0);
    expect(all.refused.some((r) => r.reason.includes('VIGIE_AUDIT_NETWORKS'))).toBe(true);
    const drift = (
      await client(app, users.viewer).get(
        `${base}/audit-campaigns/${id}/findings?domain=drift&entity=srv-web`,
      )
    ).json<AuditFindingsResponse>();
    expect(drift.findings.length).toBeGreaterThan(0);
    expect(
      drift.findings.every((f) => f.domain === 'drift' && f.entities.includes('srv-web')),
    ).toBe(true);
    expectError(
      await client(app, users.viewer).get(`${base}/audit-campaigns/${id}/findings?severity=awful`),
      400,
      'validation',
    );

    const results = await client(app, users.viewer).get(`${base}/audit-campaigns/${id}/results`);
    expect(results.headers['content-disposition']).toMatch(/^attachment/);
    expect(JSON.parse(results.body)).toMatchObject({ format: 'vigie-audit-results', version: 1 });

    for (const [format, type] of [
      ['sarif', 'application/sarif+json'],
      ['csv', 'text/csv'],
      ['md', 'text/markdown'],
      ['html', 'text/html'],
    ] as const) {
      const report = await client(app, users.viewer).get(
        `${base}/audit-campaigns/${id}/report?format=${format}&lang=fr`,
      );
      expect(report.statusCode, `${format}: ${report.body.slice(0, 200)}`).toBe(200);
      expect(report.headers['content-type']).toContain(type);
    }

    const plan = (
      await client(app, users.viewer).get(`${base}/audit-plan`)
    ).json<AuditPlanResponse>();
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.items[0]?.owner).toBe('ops');
    const check = plan.items[0]?.check ?? '';
    expectError(
      await client(app, users.viewer).patch(`${base}/audit-plan/${check}`, { status: 'done' }),
      403,
      'forbidden',
    );
    const patched = await client(app, users.analyst).patch(`${base}/audit-plan/${check}`, {
      status: 'in-progress',
      due: '2026-01-01',
      note: 'ticket 42',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<AuditPlanItemResponse>().item).toMatchObject({
      status: 'in-progress',
      overdue: true,
    });
    expectError(
      await client(app, users.analyst).patch(`${base}/audit-plan/${check}`, { owner: 'nobody' }),
      400,
      'validation',
    );
    expectError(
      await client(app, users.analyst).patch(`${base}/audit-plan/${check}`, { due: '2026-13-45' }),
      400,
      'validation',
    );
    expectError(
      await client(app, users.analyst).patch(`${base}/audit-plan/no-such-check`, {}),
      404,
      'not_found',
    );
    const csv = await client(app, users.viewer).get(`${base}/audit-plan.csv?lang=en`);
    expect(csv.body).toContain('ticket 42');

    const second = await start();
    await run(second);
    const compared = (
      await client(app, users.viewer).get(`${base}/audit-campaigns/${second}/compare?with=${id}`)
    ).json<AuditComparisonResponse>();
    expect(compared.added).toEqual([]);
    expect(compared.fixed).toEqual([]);
    expect(compared.persisting.length).toBe(all.total);
  });

  it('previews a drift finding’s model update as a diff, then applies it as a new version', async () => {
    const id = await start();
    await run(id);
    const drift = (
      await client(app, users.viewer).get(`${base}/audit-campaigns/${id}/findings?domain=drift`)
    ).json<AuditFindingsResponse>();
    const finding = drift.findings.find(
      (f) => f.proposal !== undefined && f.subject.includes(String(listener.port)),
    );
    expect(finding).toBeDefined();
    const preview = await client(app, users.viewer).post(
      `${base}/audit-campaigns/${id}/drift/preview`,
      {
        findingId: finding?.id,
      },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const diff = preview.json<AuditDriftPreviewResponse>();
    expect(diff.changes[0]?.diff).toContain(`+`);
    expect(diff.changes[0]?.diff).toContain(String(listener.port));
    expect((await store.versions.list(workspace.id)).length).toBe(1);
    expectError(
      await client(app, users.viewer).post(`${base}/audit-campaigns/${id}/drift/apply`, {
        findingId: finding?.id,
        baseVersion: diff.baseVersion,
      }),
      403,
      'forbidden',
    );
    const applied = await client(app, users.analyst).post(
      `${base}/audit-campaigns/${id}/drift/apply`,
      {
        findingId: finding?.id,
        baseVersion: diff.baseVersion,
      },
    );
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json<SaveResponse>().version.number).toBe(2);
    const saved = await store.versions.get(workspace.id, 2);
    expect(saved?.files['model.yaml']).toContain(String(listener.port));
    const logged = await store.audit.list(workspace.id);
    expect(logged.entries.some((e) => e.action === 'security_audit.drift_apply')).toBe(true);
    // the same base again: another version was saved since
    expectError(
      await client(app, users.analyst).post(`${base}/audit-campaigns/${id}/drift/apply`, {
        findingId: finding?.id,
        baseVersion: diff.baseVersion,
      }),
      409,
      'conflict',
    );
  });

  it('refuses a scope with errors with located diagnostics, and other bad input', async () => {
    const post = (body: unknown) =>
      client(app, users.analyst).post(`${base}/audit-campaigns`, body);
    const bad = await post({ name: 'x', scope: 'targets:\n  - cidr: 127.0.0.0/33\n' });
    const body = expectError(bad, 400, 'invalid_scope') as {
      details: { diagnostics: { file: string; line: number }[] };
    };
    expect(body.details.diagnostics[0]).toMatchObject({ file: 'scope.yaml', line: 2 });
    expectError(await post({ name: 'x' }), 400, 'validation');
    expectError(await post({ name: 'x', scope: 'targets: []', extra: 1 }), 400, 'validation');
    expectError(
      await post({ name: 'x', scope: `# ${'x'.repeat(300 * 1024)}\n` }),
      413,
      'payload_too_large',
    );
    expectError(
      await post({ name: 'x', scope: labScope(listener.port), vantage: 'no-such-zone' }),
      400,
      'validation',
    );
    expectError(
      await post({ name: 'x', scope: labScope(listener.port), version: 99 }),
      404,
      'not_found',
    );
    expectError(
      await post({ name: 'x', scope: labScope(1), limits: { concurrency: 0 } }),
      400,
      'validation',
    );
  });

  it('keeps campaigns to their workspace, cancels and deletes', async () => {
    const id = await start();
    const foreign = client(app, users.outsider);
    // the outsider's own workspace does not see this campaign
    expectError(
      await foreign.get(`/api/workspaces/${other.id}/audit-campaigns/${id}`),
      404,
      'not_found',
    );
    expectError(
      await foreign.post(`/api/workspaces/${other.id}/audit-campaigns/${id}/cancel`),
      404,
      'not_found',
    );
    expectError(
      await foreign.delete(`/api/workspaces/${other.id}/audit-campaigns/${id}`),
      404,
      'not_found',
    );
    expectError(
      await client(app, users.viewer).get(
        `${base}/audit-campaigns/00000000-0000-4000-8000-000000000000`,
      ),
      404,
      'not_found',
    );
    expectError(
      await client(app, users.viewer).post(`${base}/audit-campaigns/${id}/cancel`),
      403,
      'forbidden',
    );
    const cancelled = await client(app, users.owner).post(`${base}/audit-campaigns/${id}/cancel`);
    expect(cancelled.json<AuditCampaignResponse>().campaign.status).toBe('cancelled');
    expectError(
      await client(app, users.owner).post(`${base}/audit-campaigns/${id}/cancel`),
      409,
      'conflict',
    );
    expect(
      (await client(app, users.owner).delete(`${base}/audit-campaigns/${id}`)).statusCode,
    ).toBe(200);
    expectError(
      await client(app, users.viewer).get(`${base}/audit-campaigns/${id}`),
      404,
      'not_found',
    );
  });
});
