import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionItem } from '../../audit/campaign/action-plan.js';
import { STORE_DIALECTS, openClockedTestStore } from './test-support.js';
import type { ManualClock, TestStore } from './test-support.js';

const JOB = { kind: 'audit-campaign', payload: (campaignId: string) => ({ campaignId }) };
const PROGRESS = {
  phase: 'scan',
  done: 3,
  total: 10,
  message: { en: 'Scanning', fr: 'Balayage' },
};

function item(check: string, severity: ActionItem['severity'], owner: string | null): ActionItem {
  return {
    id: `action:${check}`,
    check,
    title: { en: check, fr: check },
    remediation: { en: 'fix', fr: 'corriger' },
    severity,
    findings: [`${check}@127.0.0.1:443`],
    entities: ['srv-web'],
    owner,
    ownerName: owner === null ? null : owner.toUpperCase(),
    due: '2026-12-15',
    status: 'open',
  };
}

describe.each(STORE_DIALECTS)('audit campaigns on %s', (dialect) => {
  let t: TestStore & { readonly time: ManualClock };
  let workspaceId = '';
  let otherId = '';
  let userId = '';
  beforeEach(async () => {
    t = await openClockedTestStore(dialect, '2026-12-08T10:00:00.000Z');
    const user = await t.store.users.create({
      email: 'a@x.org',
      displayName: 'A',
      passwordHash: 'h',
    });
    userId = user.id;
    workspaceId = (await t.store.workspaces.create({ slug: 'w', name: 'W', ownerId: user.id })).id;
    otherId = (await t.store.workspaces.create({ slug: 'o', name: 'O', ownerId: user.id })).id;
  });
  afterEach(async () => {
    await t.dispose();
  });

  const create = (workspace = workspaceId, name = 'Q4') =>
    t.store.audits.campaigns.create(
      {
        workspaceId: workspace,
        name,
        version: 1,
        vantage: 'lan',
        scopeText: 'targets: []\n',
        limits: { concurrency: 8 },
        networks: ['127.0.0.0/8'],
        locale: 'en',
        createdBy: userId,
      },
      JOB,
    );

  it('stores a campaign with its queued job, then runs it to done with its results', async () => {
    const campaign = await create();
    expect(campaign).toMatchObject({
      status: 'queued',
      limits: { concurrency: 8 },
      vantage: 'lan',
    });
    const job = await t.store.jobs.claimNext('w1', ['audit-campaign']);
    expect(job?.id).toBe(campaign.jobId);
    expect(job?.payload).toEqual({ campaignId: campaign.id });

    expect(await t.store.audits.campaigns.markRunning(campaign.id)).toBe(true);
    expect(await t.store.audits.campaigns.saveProgress(campaign.id, PROGRESS)).toBe(true);
    expect((await t.store.audits.campaigns.get(workspaceId, campaign.id))?.progress).toEqual(
      PROGRESS,
    );
    expect(await t.store.audits.campaigns.getResults(workspaceId, campaign.id)).toBeUndefined();
    t.time.advance(5000);
    const counts = { critical: 0, high: 1, medium: 2, low: 0, info: 4 };
    const done = { ...PROGRESS, phase: 'done' };
    expect(
      await t.store.audits.campaigns.complete(campaign.id, { json: '{"a":1}', counts }, done),
    ).toBe(true);
    const stored = await t.store.audits.campaigns.get(workspaceId, campaign.id);
    expect(stored).toMatchObject({
      status: 'done',
      counts,
      startedAt: '2026-12-08T10:00:00.000Z',
      finishedAt: '2026-12-08T10:00:05.000Z',
    });
    expect(await t.store.audits.campaigns.getResults(workspaceId, campaign.id)).toBe('{"a":1}');
    // finished: neither failed nor cancelled afterwards
    expect(await t.store.audits.campaigns.fail(campaign.id, 'late')).toBe(false);
    expect(await t.store.audits.campaigns.cancel(workspaceId, campaign.id)).toBe(false);
  });

  it('keeps campaigns apart per workspace and lists them newest first', async () => {
    const first = await create();
    t.time.advance(1000);
    const second = await create(workspaceId, 'second');
    const foreign = await create(otherId);
    const listed = await t.store.audits.campaigns.list(workspaceId);
    expect(listed.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(await t.store.audits.campaigns.get(workspaceId, foreign.id)).toBeUndefined();
    expect(await t.store.audits.campaigns.cancel(workspaceId, foreign.id)).toBe(false);
    expect(await t.store.audits.campaigns.delete(workspaceId, foreign.id)).toBe(false);
    expect(await t.store.audits.campaigns.get(otherId, foreign.id)).toBeDefined();
  });

  it('cancels a running campaign: its next progress write says so, and it cannot complete', async () => {
    const campaign = await create();
    await t.store.audits.campaigns.markRunning(campaign.id);
    expect(await t.store.audits.campaigns.cancel(workspaceId, campaign.id)).toBe(true);
    expect(await t.store.audits.campaigns.saveProgress(campaign.id, PROGRESS)).toBe(false);
    const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    expect(
      await t.store.audits.campaigns.complete(campaign.id, { json: '{}', counts }, PROGRESS),
    ).toBe(false);
    expect(await t.store.audits.campaigns.markRunning(campaign.id)).toBe(false);
    expect((await t.store.audits.campaigns.get(workspaceId, campaign.id))?.status).toBe(
      'cancelled',
    );
  });

  it('fails a campaign with its message, and deletes one', async () => {
    const campaign = await create();
    expect(await t.store.audits.campaigns.fail(campaign.id, 'bad scope')).toBe(true);
    expect(await t.store.audits.campaigns.get(workspaceId, campaign.id)).toMatchObject({
      status: 'failed',
      error: 'bad scope',
    });
    expect(await t.store.audits.campaigns.delete(workspaceId, campaign.id)).toBe(true);
    expect(await t.store.audits.campaigns.getById(campaign.id)).toBeUndefined();
    expect(await t.store.audits.campaigns.delete(workspaceId, campaign.id)).toBe(false);
  });

  it('merges each campaign’s plan, keeping what the team set', async () => {
    const first = await create();
    await t.store.audits.actions.upsertFromCampaign(workspaceId, first.id, [
      item('tls-protocol-tls10', 'medium', null),
      item('ssh-password-auth', 'high', 'ops'),
    ]);
    let plan = await t.store.audits.actions.list(workspaceId);
    expect(plan.map((a) => a.id)).toEqual([
      'action:ssh-password-auth',
      'action:tls-protocol-tls10',
    ]);
    expect(plan[0]).toMatchObject({ owner: 'ops', ownerName: 'OPS', status: 'open', note: '' });

    t.time.advance(60_000);
    const changed = await t.store.audits.actions.update(
      workspaceId,
      'action:ssh-password-auth',
      { status: 'in-progress', note: 'ticket 42', owner: { id: 'sec', name: 'Security' } },
      userId,
    );
    expect(changed?.before.status).toBe('open');
    expect(changed?.after).toMatchObject({
      status: 'in-progress',
      note: 'ticket 42',
      owner: 'sec',
      ownerName: 'Security',
      due: '2026-12-15',
      updatedBy: userId,
      updatedAt: '2026-12-08T10:01:00.000Z',
    });
    expect(await t.store.audits.actions.update(otherId, 'action:ssh-password-auth', {}, null)).toBe(
      undefined,
    );

    const second = await create();
    await t.store.audits.actions.upsertFromCampaign(workspaceId, second.id, [
      { ...item('ssh-password-auth', 'critical', 'ops'), findings: ['a', 'b'], due: '2027-01-01' },
    ]);
    plan = await t.store.audits.actions.list(workspaceId);
    expect(plan[0]).toMatchObject({
      id: 'action:ssh-password-auth',
      severity: 'critical',
      findings: ['a', 'b'],
      owner: 'sec',
      status: 'in-progress',
      note: 'ticket 42',
      due: '2026-12-15',
      campaignId: second.id,
    });
    expect(await t.store.audits.actions.list(otherId)).toEqual([]);
  });
});
