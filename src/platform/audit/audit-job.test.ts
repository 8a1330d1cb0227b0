import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResults } from '../../audit/types.js';
import type { Job } from '../store/index.js';
import { STORE_DIALECTS, openOwnedWorkspace, type OwnedWorkspace } from '../store/test-support.js';
import { AUDIT_CAMPAIGN_JOB_KIND, createAuditJobHandler } from './audit-job.js';
import {
  CONNECT_SCAN_MODULES,
  LAB_ADDRESS,
  LAB_MODEL,
  OUTSIDE_ADDRESS,
  labScope,
  startListener,
} from './test-fixtures.js';

const NETWORKS = [`${LAB_ADDRESS}/32`];
const context = () => ({ signal: new AbortController().signal });

describe.each(STORE_DIALECTS)('audit-campaign job on %s', (dialect) => {
  let t: OwnedWorkspace;
  let listener: Awaited<ReturnType<typeof startListener>>;
  beforeAll(async () => {
    t = await openOwnedWorkspace(dialect);
    listener = await startListener();
    await t.store.versions.append(t.workspaceId, null, { 'model.yaml': LAB_MODEL }, 'v1', t.userId);
  }, 60_000);
  afterAll(async () => {
    await listener.close();
    await t.dispose();
  });

  const create = (scopeText: string, vantage: string | null = null) =>
    t.store.audits.campaigns.create(
      {
        workspaceId: t.workspaceId,
        name: 'Lab',
        version: 1,
        vantage,
        scopeText,
        limits: { timeoutMs: 300 },
        networks: NETWORKS,
        locale: 'en',
        createdBy: t.userId,
      },
      { kind: AUDIT_CAMPAIGN_JOB_KIND, payload: (campaignId) => ({ campaignId }) },
    );

  it('runs the campaign on loopback, refuses what the allowlist leaves out, stores results and plan', async () => {
    const campaign = await create(labScope(listener.port), 'lan');
    const writes: string[] = [];
    const handler = createAuditJobHandler(t.store, {
      modules: CONNECT_SCAN_MODULES,
      today: () => '2026-12-08',
      progressMs: 0,
    });
    const save = t.store.audits.campaigns.saveProgress;
    t.store.audits.campaigns.saveProgress = async (id, p) => {
      writes.push(p.phase);
      return save(id, p);
    };
    try {
      const outcome = await handler.run({ campaignId: campaign.id }, {} as Job, context());
      expect(outcome).toMatchObject({ status: 'done' });
    } finally {
      t.store.audits.campaigns.saveProgress = save;
    }
    expect(writes).toContain('scan');
    const stored = await t.store.audits.campaigns.get(t.workspaceId, campaign.id);
    expect(stored?.status).toBe('done');
    expect(stored?.progress?.phase).toBe('done');
    const results = JSON.parse(
      (await t.store.audits.campaigns.getResults(t.workspaceId, campaign.id)) ?? '{}',
    ) as AuditResults;
    expect(results.campaign.id).toBe(campaign.id);
    expect(results.campaign.vantage).toBe('lan');
    const lab = results.hosts.find((h) => h.address === LAB_ADDRESS);
    expect(lab?.open.map((o) => o.port)).toEqual([listener.port]);
    expect(lab?.entities).toEqual(['srv-web']);
    // never scanned: refused with the reason naming the allowlist
    expect(results.hosts.some((h) => h.address === OUTSIDE_ADDRESS)).toBe(false);
    const refused = results.refused.find((r) => r.address === OUTSIDE_ADDRESS);
    expect(refused?.reason).toContain('VIGIE_AUDIT_NETWORKS');
    // the extra open port is drift against srv-web, with its proposal
    const drift = results.findings.find(
      (f) => f.domain === 'drift' && f.subject.includes(String(listener.port)),
    );
    expect(drift?.entities).toContain('srv-web');
    expect(drift?.proposal).toBeDefined();
    const total = Object.values(stored?.counts ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBe(results.findings.length);
    const plan = await t.store.audits.actions.list(t.workspaceId);
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((a) => a.owner === 'ops' && a.campaignId === campaign.id)).toBe(true);
  });

  it('fails the campaign with located diagnostics when the scope no longer resolves', async () => {
    const campaign = await create('targets:\n  - asset: no-such-asset\n');
    const handler = createAuditJobHandler(t.store, { modules: CONNECT_SCAN_MODULES });
    expect(await handler.run({ campaignId: campaign.id }, {} as Job, context())).toMatchObject({
      status: 'failed',
      code: 'invalid_scope',
    });
    const stored = await t.store.audits.campaigns.get(t.workspaceId, campaign.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.error).toMatch(/scope\.yaml:2:\d+ /);
  });

  it('stops a cancelled campaign at its next progress write and stores nothing', async () => {
    const campaign = await create(labScope(listener.port));
    const handler = createAuditJobHandler(t.store, {
      modules: CONNECT_SCAN_MODULES,
      progressMs: 0,
    });
    await t.store.audits.campaigns.cancel(t.workspaceId, campaign.id);
    // cancelled before it started: skipped
    expect(await handler.run({ campaignId: campaign.id }, {} as Job, context())).toEqual({
      skipped: 'cancelled',
    });
    const running = await create(labScope(listener.port));
    const save = t.store.audits.campaigns.saveProgress;
    t.store.audits.campaigns.saveProgress = async (id, p) => {
      await t.store.audits.campaigns.cancel(t.workspaceId, id);
      return save(id, p);
    };
    try {
      expect(await handler.run({ campaignId: running.id }, {} as Job, context())).toMatchObject({
        status: 'cancelled',
      });
    } finally {
      t.store.audits.campaigns.saveProgress = save;
    }
    expect(await t.store.audits.campaigns.getResults(t.workspaceId, running.id)).toBeUndefined();
    expect((await t.store.audits.campaigns.get(t.workspaceId, running.id))?.status).toBe(
      'cancelled',
    );
  });

  it('records the last error when the worker gives up, and skips a deleted campaign', async () => {
    const campaign = await create(labScope(listener.port));
    const handler = createAuditJobHandler(t.store);
    await handler.failed?.({ campaignId: campaign.id }, 'boom', {} as Job);
    expect((await t.store.audits.campaigns.get(t.workspaceId, campaign.id))?.error).toBe(
      'The campaign failed: boom',
    );
    await t.store.audits.campaigns.delete(t.workspaceId, campaign.id);
    expect(await handler.run({ campaignId: campaign.id }, {} as Job, context())).toEqual({
      skipped: 'missing',
    });
    await expect(handler.run({ campaignId: 'nope' }, {} as Job, context())).rejects.toThrow();
  });
});
