import { readFileSync, readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BulkFindingWorkResponse,
  FindingCommentResponse,
  FindingWorkListResponse,
  FindingWorkResponse,
  FindingsResponse,
  SaveResponse,
} from '../api/types.js';
import type { Store, Workspace } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { client, expectError, signIn } from './test-support.js';
import type { TestClient, TestSession } from './test-support.js';

const read = (dir: URL): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [name, readFileSync(new URL(name, dir), 'utf8')]),
  );
const DEMO = read(new URL('../../../examples/forges-de-l-est/', import.meta.url));
const MINIMAL = read(new URL('../../../examples/minimal/', import.meta.url));

describe.each(STORE_DIALECTS)('findings work API on %s', (dialect) => {
  let testStore: TestStore;
  let store: Store;
  let app: FastifyInstance;
  let owner: TestSession;
  let analyst: TestSession;
  let auditor: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let ws: Workspace;
  let other: Workspace;
  let base: string;
  let findings: FindingsResponse;
  /** A finding of the other workspace that this one does not have. */
  let foreign: string;

  const as = (session: TestSession): TestClient => client(app, session);
  const ids = (): string[] => findings.findings.map((f) => f.id);
  const actions = async (): Promise<string[]> =>
    (
      await store.db
        .selectFrom('audit_log')
        .select('action')
        .where('workspace_id', '=', ws.id)
        .where('action', 'like', 'finding.%')
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  beforeAll(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    app = buildApp({ store });
    const make = async (email: string, displayName: string): Promise<TestSession> =>
      signIn(store, await store.users.create({ email, displayName, passwordHash: 'x' }));
    owner = await make('owner@example.test', 'Owner');
    // a name a spreadsheet would run as a formula, with a comma and quotes
    analyst = await make('analyst@example.test', '=HYPERLINK("x"), Ana');
    auditor = await make('auditor@example.test', 'Audrey');
    viewer = await make('viewer@example.test', 'Victor');
    outsider = await make('outsider@example.test', 'Olga');
    ws = await store.workspaces.create({ slug: 'demo', name: 'Demo', ownerId: owner.user.id });
    await store.workspaces.addMember(ws.id, analyst.user.id, 'analyst');
    await store.workspaces.addMember(ws.id, auditor.user.id, 'auditor');
    await store.workspaces.addMember(ws.id, viewer.user.id, 'viewer');
    other = await store.workspaces.create({ slug: 'other', name: 'O', ownerId: outsider.user.id });
    await store.versions.append(ws.id, null, DEMO, 'Demo', owner.user.id);
    await store.versions.append(other.id, null, MINIMAL, 'Minimal', outsider.user.id);
    base = `/api/workspaces/${ws.id}`;
    const response = await as(viewer).get(`${base}/versions/1/findings`);
    expect(response.statusCode, response.body).toBe(200);
    findings = response.json<FindingsResponse>();
    const theirs = await as(outsider).get(`/api/workspaces/${other.id}/versions/1/findings`);
    expect(theirs.statusCode, theirs.body).toBe(200);
    const mine = new Set(ids());
    const candidate = theirs
      .json<FindingsResponse>()
      .findings.map((f) => f.id)
      .find((id) => !mine.has(id));
    if (candidate === undefined) throw new Error('the minimal model has no finding of its own');
    foreign = candidate;
  }, 180_000);

  afterAll(async () => {
    await app.close();
    await testStore.dispose();
  });

  it('places findings in a zone and a site and filters by them (nested zones included)', async () => {
    const placed = findings.findings.filter((f) => f.zone !== null && f.site !== null);
    expect(placed.length).toBeGreaterThan(0);
    expect(findings.places.zones.length).toBeGreaterThan(1);
    expect(findings.places.sites.length).toBeGreaterThan(0);
    const zone = placed[0]?.zone?.id ?? '';
    const byZone = (
      await as(viewer).get(`${base}/versions/1/findings?zone=${encodeURIComponent(zone)}`)
    ).json<FindingsResponse>();
    expect(byZone.findings.length).toBeGreaterThanOrEqual(findings.facets.zone[zone] ?? 0);
    expect(byZone.findings.length).toBeLessThan(findings.total);
    const site = placed[0]?.site?.id ?? '';
    const bySite = (
      await as(viewer).get(`${base}/versions/1/findings?site=${encodeURIComponent(site)}`)
    ).json<FindingsResponse>();
    expect(bySite.findings.length).toBe(findings.facets.site[site]);
    expect(bySite.findings.every((f) => f.site?.id === site)).toBe(true);
  });

  it('assigns a finding to a member with a due date; refuses bad input and the wrong roles', async () => {
    const [first] = ids();
    const url = `${base}/findings-work/${encodeURIComponent(first ?? '')}`;
    const put = await as(analyst).put(url, {
      assigneeId: auditor.user.id,
      dueDate: '2026-06-30',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<FindingWorkResponse>().work).toEqual({
      findingId: first,
      assignee: { id: auditor.user.id, displayName: 'Audrey' },
      dueDate: '2026-06-30',
      comments: 0,
    });
    const list = (await as(viewer).get(`${base}/findings-work`)).json<FindingWorkListResponse>();
    expect(list.work.map((w) => w.findingId)).toEqual([first]);
    expect(await actions()).toEqual(['finding.assign']);

    expectError(await as(analyst).put(url, { assigneeId: outsider.user.id }), 400, 'validation');
    expectError(await as(analyst).put(url, { dueDate: '2026-02-31x' }), 400, 'validation');
    expectError(await as(analyst).put(url, {}), 400, 'validation');
    expectError(await as(analyst).put(url, { assigneeId: 'bob' }), 400, 'validation');
    expectError(await as(auditor).put(url, { dueDate: null }), 403, 'forbidden');
    expectError(await as(viewer).put(url, { dueDate: null }), 403, 'forbidden');
    expectError(await as(outsider).put(url, { dueDate: null }), 404, 'not_found');
    expectError(await as(analyst).put(url, { dueDate: null }, { csrf: 'wrong' }), 403, 'csrf');
    // clearing the due date keeps the assignee
    const cleared = await as(owner).put(url, { dueDate: null });
    expect(cleared.json<FindingWorkResponse>().work).toMatchObject({
      assignee: { id: auditor.user.id },
      dueDate: null,
    });
  });

  it('lets auditors comment, refuses viewers, and deletes only one’s own comments', async () => {
    const finding = ids()[1] ?? '';
    const url = `${base}/findings-work/${encodeURIComponent(finding)}`;
    const added = await as(auditor).post(`${url}/comments`, { body: '  Seen during the audit.  ' });
    expect(added.statusCode, added.body).toBe(201);
    const { comment } = added.json<FindingCommentResponse>();
    expect(comment).toMatchObject({
      findingId: finding,
      author: { id: auditor.user.id, displayName: 'Audrey' },
      body: 'Seen during the audit.',
      mine: true,
    });
    expectError(await as(viewer).post(`${url}/comments`, { body: 'x' }), 403, 'forbidden');
    expectError(await as(auditor).post(`${url}/comments`, { body: '   ' }), 400, 'validation');
    expectError(
      await as(auditor).post(`${url}/comments`, { body: 'nul \u0000 inside' }),
      400,
      'validation',
    );
    expectError(
      await as(auditor).post(`${url}/comments`, { body: 'x'.repeat(5001) }),
      400,
      'validation',
    );
    const thread = (await as(analyst).get(url)).json<FindingWorkResponse>();
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]?.mine).toBe(false);
    expect(thread.work.comments).toBe(1);
    expectError(await as(analyst).delete(`${url}/comments/${comment.id}`), 403, 'forbidden');
    // another finding's URL does not reach it
    const elsewhere = `${base}/findings-work/${encodeURIComponent(ids()[2] ?? '')}`;
    expectError(await as(auditor).delete(`${elsewhere}/comments/${comment.id}`), 404, 'not_found');
    const deleted = await as(auditor).delete(`${url}/comments/${comment.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expectError(await as(auditor).delete(`${url}/comments/${comment.id}`), 404, 'not_found');
    expect((await actions()).slice(-2)).toEqual(['finding.comment', 'finding.comment_delete']);
  });

  it('answers 404 for a finding of another workspace and for its comments', async () => {
    const url = `${base}/findings-work/${encodeURIComponent(foreign)}`;
    expectError(await as(owner).get(url), 404, 'not_found');
    expectError(await as(owner).put(url, { dueDate: '2026-06-01' }), 404, 'not_found');
    expectError(await as(owner).post(`${url}/comments`, { body: 'x' }), 404, 'not_found');
    const theirs = `/api/workspaces/${other.id}/findings-work/${encodeURIComponent(foreign)}`;
    const added = await as(outsider).post(`${theirs}/comments`, { body: 'theirs' });
    expect(added.statusCode, added.body).toBe(201);
    const { comment } = added.json<FindingCommentResponse>();
    expectError(await as(owner).delete(`${url}/comments/${comment.id}`), 404, 'not_found');
    expectError(await as(outsider).get(`${base}/findings-work`), 404, 'not_found');
    expectError(
      await as(owner).post(`${base}/findings-work/bulk`, {
        findingIds: [ids()[0], foreign],
        assigneeId: analyst.user.id,
      }),
      404,
      'not_found',
    );
    // nothing of the refused bulk request was written
    const work = (await as(owner).get(`${base}/findings-work`)).json<FindingWorkListResponse>();
    expect(work.work.find((w) => w.findingId === ids()[0])?.assignee?.id).toBe(auditor.user.id);
  });

  it('bulk-assigns, with one audit entry per finding changed', async () => {
    const chosen = ids().slice(0, 3);
    const before = (await actions()).length;
    const response = await as(analyst).post(`${base}/findings-work/bulk`, {
      findingIds: chosen,
      assigneeId: analyst.user.id,
      dueDate: '2026-09-01',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<BulkFindingWorkResponse>();
    expect(body.changed).toBe(3);
    expect(body.work.every((w) => w.assignee?.id === analyst.user.id)).toBe(true);
    expect((await actions()).length - before).toBe(3);
    expectError(
      await as(analyst).post(`${base}/findings-work/bulk`, { findingIds: [], assigneeId: null }),
      400,
      'validation',
    );
    expectError(
      await as(viewer).post(`${base}/findings-work/bulk`, { findingIds: chosen, dueDate: null }),
      403,
      'forbidden',
    );
  });

  it('exports the filtered findings as formula-safe CSV and as PDF', async () => {
    const csv = await as(viewer).get(
      `${base}/versions/1/findings/export?format=csv&lang=fr&assignee=${analyst.user.id}`,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="demo-v1-constats-/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Identifiant,Gravité,Titre,Statut/);
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) {
      expect(line).toContain(`"'=HYPERLINK(""x""), Ana",2026-09-01`);
    }
    const none = await as(viewer).get(`${base}/versions/1/findings/export?assignee=none`);
    expect(none.body.trimEnd().split('\r\n').length).toBe(findings.total - 3 + 1);
    expectError(
      await as(viewer).get(`${base}/versions/1/findings/export?format=xls`),
      400,
      'validation',
    );
    const pdf = await as(viewer).get(`${base}/versions/1/findings/export?format=pdf&severity=high`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('records one decision on several findings as one version', async () => {
    const open = findings.findings.filter((f) => f.status === 'open').slice(0, 2);
    const chosen = open.map((f) => f.id);
    expectError(
      await as(analyst).post(`${base}/decisions/bulk`, {
        expectedLatest: 1,
        findings: chosen,
        status: 'accepted',
        justification: 'Compensated.',
      }),
      400,
      'validation',
    );
    expectError(
      await as(auditor).post(`${base}/decisions/bulk`, {
        expectedLatest: 1,
        findings: chosen,
        status: 'mitigated',
        justification: 'x',
      }),
      403,
      'forbidden',
    );
    const saved = await as(analyst).post(`${base}/decisions/bulk`, {
      expectedLatest: 1,
      findings: chosen,
      status: 'mitigated',
      justification: 'Fixed during the May shutdown.',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json<SaveResponse>().version.number).toBe(2);
    const after = (
      await as(viewer).get(`${base}/versions/2/findings?status=mitigated`)
    ).json<FindingsResponse>();
    for (const id of chosen) expect(after.findings.map((f) => f.id)).toContain(id);
    expectError(
      await as(analyst).post(`${base}/decisions/bulk`, {
        expectedLatest: 1,
        findings: chosen,
        status: 'mitigated',
        justification: 'again',
      }),
      409,
      'conflict',
    );
    expect((await actions()).at(-1)).toBe('finding.decision_bulk');
    // the work follows the findings into the new version
    const work = (await as(viewer).get(`${base}/findings-work`)).json<FindingWorkListResponse>();
    expect(work.work.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
