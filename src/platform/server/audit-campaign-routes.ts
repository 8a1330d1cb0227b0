/**
 * Security audit campaigns (issue 15, CP5): a request stores the campaign and queues the
 * `audit-campaign` job (202); members follow its status and live progress, read its findings
 * (filtered), download its results file and its report (HTML, PDF, DOCX, Markdown, SARIF, CSV,
 * French or English), and compare two campaigns. The scope is validated when the campaign is
 * requested: errors answer 400 `invalid_scope` with located diagnostics. Owners and analysts run,
 * cancel and delete campaigns; every member reads. Another workspace's campaign is 404.
 */
import { z } from 'zod';
import { compareCampaigns } from '../../audit/campaign/compare.js';
import type { AuditResults } from '../../audit/types.js';
import { AUDIT_DOMAINS, SEVERITIES } from '../../audit/types.js';
import type {
  AuditCampaignResponse,
  AuditCampaignsResponse,
  AuditComparisonResponse,
  AuditFindingsResponse,
  OkResponse,
} from '../api/types.js';
import { AUDIT_CAMPAIGN_JOB_KIND } from '../audit/audit-job.js';
import { loadVersionModel, prepareCampaign } from '../audit/campaign-setup.js';
import { REPORT_FORMATS, campaignView, renderReport } from '../audit/views.js';
import type { AuditCampaignRecord, Store } from '../store/index.js';
import { contentDisposition } from './document-routes.js';
import { ApiError, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { defineRoute, file, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

/** Largest scope file a request may carry. */
export const MAX_SCOPE_TEXT_BYTES = 256 * 1024;

const workspaceParams = z.object({ workspaceId: z.uuid() });
const campaignParams = z.object({ workspaceId: z.uuid(), campaignId: z.uuid() });

export const campaignRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scope: z.string().min(1),
  version: z.number().int().min(1).max(999_999_999).optional(),
  vantage: z.string().min(1).max(100).optional(),
  limits: z
    .strictObject({
      concurrency: z.number().int().min(1).max(1024).optional(),
      ratePerSecond: z.number().int().min(0).max(100_000).optional(),
      timeoutMs: z.number().int().min(50).max(30_000).optional(),
      maxBytes: z
        .number()
        .int()
        .min(256)
        .max(16 * 1024 * 1024)
        .optional(),
    })
    .optional(),
});

/** Display names of the users who requested the campaigns. */
async function namesOf(
  store: Store,
  records: readonly AuditCampaignRecord[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(records.map((r) => r.createdBy))) {
    if (id === null) continue;
    const user = await store.users.findById(id);
    if (user !== undefined) names.set(id, user.displayName);
  }
  return names;
}

async function viewOf(store: Store, record: AuditCampaignRecord) {
  return campaignView(record, await namesOf(store, [record]));
}

type CampaignInput = HandlerInput<{ workspaceId: string; campaignId: string }, unknown, unknown>;

async function campaignOf(input: CampaignInput): Promise<AuditCampaignRecord> {
  const { params, server } = input;
  const record = await server.store.audits.campaigns.get(params.workspaceId, params.campaignId);
  if (record === undefined) throw notFound();
  return record;
}

const notReady = (status: string): ApiError =>
  new ApiError(
    'not_ready',
    {
      en: 'The campaign has no results: it is not finished, or it failed or was cancelled.',
      fr: 'La campagne n’a pas de résultats : elle n’est pas terminée, a échoué ou a été annulée.',
    },
    { status },
  );

/** The results of a finished campaign of the route's workspace (404, 409 otherwise). */
export async function resultsOf(
  store: Store,
  workspaceId: string,
  campaignId: string,
): Promise<AuditResults> {
  const record = await store.audits.campaigns.get(workspaceId, campaignId);
  if (record === undefined) throw notFound();
  const text = await store.audits.campaigns.getResults(workspaceId, campaignId);
  if (text === undefined) throw notReady(record.status);
  return JSON.parse(text) as AuditResults;
}

const tooLarge = (bytes: number): ApiError =>
  new ApiError(
    'payload_too_large',
    {
      en: `The scope file is ${String(bytes)} bytes; at most ${String(MAX_SCOPE_TEXT_BYTES)} are accepted.`,
      fr: `Le fichier de périmètre fait ${String(bytes)} octets ; au plus ${String(MAX_SCOPE_TEXT_BYTES)} sont acceptés.`,
    },
    { maxBytes: MAX_SCOPE_TEXT_BYTES, bytes },
  );

const invalidScope = (diagnostics: unknown): ApiError =>
  new ApiError(
    'invalid_scope',
    {
      en: 'The scope has errors: see where in the details.',
      fr: 'Le périmètre contient des erreurs : voir où dans le détail.',
    },
    { diagnostics },
  );

const createCampaign = defineRoute(json<AuditCampaignResponse>('AuditCampaignResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/audit-campaigns',
  summary:
    'Starts a security audit campaign: `scope` (the scope file’s YAML, at most 256 KiB) resolved against model `version` (default the latest), from the `vantage` zone, within optional `limits`; run in the background (202, status `queued`). Targets outside the operator’s networks (`VIGIE_AUDIT_NETWORKS`) are refused with the reason. 400 `invalid_scope` with located diagnostics (scope.yaml line and column).',
  tag: 'security-audit',
  access: { permission: 'security_audit.run' },
  csrf: true,
  status: 202,
  params: workspaceParams,
  body: campaignRequestSchema,
  errors: {
    invalid_scope: 'The scope file has errors (`details.diagnostics`, located).',
    payload_too_large: 'The scope file is larger than 256 KiB.',
  },
  handler: async ({ params, body, session, server, request }) => {
    const { store } = server;
    const bytes = Buffer.byteLength(body.scope, 'utf8');
    if (bytes > MAX_SCOPE_TEXT_BYTES) throw tooLarge(bytes);
    const number = body.version ?? (await store.versions.latestNumber(params.workspaceId));
    const version =
      number === null ? undefined : await store.versions.get(params.workspaceId, number);
    const workspace = await store.workspaces.getById(params.workspaceId);
    if (version === undefined || workspace === undefined) throw notFound();
    const locale = localeOf(request);
    const model = loadVersionModel(version.files, locale, workspace.name);
    const prepared = await prepareCampaign({
      scopeText: body.scope,
      graph: model.graph,
      vantage: body.vantage ?? null,
      limits: body.limits ?? null,
      networks: server.limits.auditNetworks,
      locale,
    });
    if (!prepared.ok) throw invalidScope(prepared.error.diagnostics);
    if (body.vantage !== undefined && model.graph.zone(body.vantage) === undefined) {
      throw new ApiError(
        'validation',
        {
          en: `The vantage zone "${body.vantage}" is not a zone of version ${String(version.number)} of the model.`,
          fr: `La zone d’observation « ${body.vantage} » n’est pas une zone de la version ${String(version.number)} du modèle.`,
        },
        [
          {
            in: 'body',
            path: ['vantage'],
            code: 'unknown_zone',
            message: 'not a zone of the model',
          },
        ],
      );
    }
    const userId = session?.user.id ?? null;
    const record = await store.transaction(async (tx) => {
      const created = await tx.audits.campaigns.create(
        {
          workspaceId: params.workspaceId,
          name: body.name,
          version: version.number,
          vantage: body.vantage ?? null,
          scopeText: body.scope,
          limits: body.limits ?? null,
          networks: server.limits.auditNetworks,
          locale,
          createdBy: userId,
        },
        // one attempt: a failed campaign is not silently re-run against the network (the user
        // starts a new one, knowing why the first failed)
        {
          kind: AUDIT_CAMPAIGN_JOB_KIND,
          payload: (campaignId) => ({ campaignId }),
          maxAttempts: 1,
        },
      );
      await tx.audit.append({
        workspaceId: params.workspaceId,
        userId,
        action: 'security_audit.campaign_create',
        entityKind: 'audit_campaign',
        entityId: created.id,
        after: { name: body.name, version: version.number, vantage: body.vantage ?? null },
      });
      return created;
    });
    return {
      campaign: await viewOf(store, record),
      warnings: prepared.value.warnings.map((d) => ({ ...d })),
    };
  },
});

const listCampaigns = defineRoute(json<AuditCampaignsResponse>('AuditCampaignsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-campaigns',
  summary: 'The workspace’s 100 latest audit campaigns, newest first, with status and progress.',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => {
    const records = await server.store.audits.campaigns.list(params.workspaceId);
    const names = await namesOf(server.store, records);
    return { campaigns: records.map((r) => campaignView(r, names)) };
  },
});

const getCampaign = defineRoute(json<AuditCampaignResponse>('AuditCampaignResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId',
  summary:
    'One campaign: status (queued, running, done, failed, cancelled), live progress {phase, done, total, message}, counts by severity, error.',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: campaignParams,
  handler: async (input) => ({
    campaign: await viewOf(input.server.store, await campaignOf(input)),
  }),
});

const cancelCampaign = defineRoute(json<AuditCampaignResponse>('AuditCampaignResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/cancel',
  summary:
    'Cancels a queued or running campaign (the scan stops at its next progress write); 409 `conflict` once it has finished.',
  tag: 'security-audit',
  access: { permission: 'security_audit.run' },
  csrf: true,
  params: campaignParams,
  errors: { conflict: 'The campaign has already finished.' },
  handler: async (input) => {
    const { params, server, session } = input;
    const record = await campaignOf(input);
    const cancelled = await server.store.audits.campaigns.cancel(params.workspaceId, record.id);
    if (!cancelled) {
      throw new ApiError(
        'conflict',
        { en: 'The campaign has already finished.', fr: 'La campagne est déjà terminée.' },
        { status: record.status },
      );
    }
    await server.store.audit.append({
      workspaceId: params.workspaceId,
      userId: session?.user.id ?? null,
      action: 'security_audit.campaign_cancel',
      entityKind: 'audit_campaign',
      entityId: record.id,
      before: { status: record.status },
    });
    return { campaign: await viewOf(server.store, await campaignOf(input)) };
  },
});

const deleteCampaign = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'DELETE',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId',
  summary: 'Deletes a campaign and its results (a running one stops).',
  tag: 'security-audit',
  access: { permission: 'security_audit.run' },
  csrf: true,
  params: campaignParams,
  handler: async (input) => {
    const { params, server, session } = input;
    const record = await campaignOf(input);
    await server.store.transaction(async (tx) => {
      await tx.audits.campaigns.delete(params.workspaceId, record.id);
      await tx.audit.append({
        workspaceId: params.workspaceId,
        userId: session?.user.id ?? null,
        action: 'security_audit.campaign_delete',
        entityKind: 'audit_campaign',
        entityId: record.id,
        before: { name: record.name, status: record.status },
      });
    });
    return { ok: true };
  },
});

const findingsQuery = z.object({
  severity: z.enum(SEVERITIES).optional(),
  domain: z.enum(AUDIT_DOMAINS).optional(),
  entity: z.string().min(1).max(100).optional(),
});

const listFindings = defineRoute(json<AuditFindingsResponse>('AuditFindingsResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/findings',
  summary:
    'The findings of a finished campaign with their evidence, filtered by `severity`, `domain` and model `entity`; also what was refused and the probes’ errors. 409 `not_ready` before it is done.',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: campaignParams,
  query: findingsQuery,
  errors: { not_ready: 'The campaign is not done.' },
  handler: async ({ params, query, server }) => {
    const results = await resultsOf(server.store, params.workspaceId, params.campaignId);
    const findings = results.findings.filter(
      (f) =>
        (query.severity === undefined || f.severity === query.severity) &&
        (query.domain === undefined || f.domain === query.domain) &&
        (query.entity === undefined || f.entities.includes(query.entity)),
    );
    return {
      campaignId: params.campaignId,
      findings,
      total: results.findings.length,
      refused: results.refused,
      errors: results.errors,
    };
  },
});

const DOWNLOAD_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
  'cache-control': 'private, no-cache',
} as const;

const downloadResults = defineRoute(
  file('The results file (results.json v1).', 'application/json'),
)({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/results',
  summary: 'The campaign’s full results file (format vigie-audit-results v1), as an attachment.',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: campaignParams,
  errors: { not_ready: 'The campaign is not done.' },
  handler: async ({ params, server, reply }) => {
    const record = await server.store.audits.campaigns.get(params.workspaceId, params.campaignId);
    if (record === undefined) throw notFound();
    const text = await server.store.audits.campaigns.getResults(params.workspaceId, record.id);
    if (text === undefined) throw notReady(record.status);
    void reply.headers({
      ...DOWNLOAD_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': contentDisposition(`audit-${record.id}-results.json`),
    });
    return text;
  },
});

const compareRoute = defineRoute(json<AuditComparisonResponse>('AuditComparisonResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/compare',
  summary:
    'Compares the campaign with an earlier one of the workspace (`with`): findings added, fixed and persisting (by finding id `check@subject`).',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: campaignParams,
  query: z.object({ with: z.uuid() }),
  errors: { not_ready: 'One of the campaigns is not done.' },
  handler: async ({ params, query, server }) => {
    const current = await resultsOf(server.store, params.workspaceId, params.campaignId);
    const previous = await resultsOf(server.store, params.workspaceId, query.with);
    return {
      previous: query.with,
      current: params.campaignId,
      ...compareCampaigns(previous, current),
    };
  },
});

const reportRoute = defineRoute(
  file(
    'The campaign report (attachment).',
    'text/html',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/markdown',
    'application/sarif+json',
    'text/csv',
  ),
)({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/report',
  summary:
    'The campaign report as `format` html|pdf|docx|md (executive summary, scope and method, findings by severity with evidence, drift, comparison with `previous` when given, action plan) or sarif|csv, in `lang` fr|en (default the requester’s).',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: campaignParams,
  query: z.object({
    format: z.enum(REPORT_FORMATS),
    lang: z.enum(['fr', 'en']).optional(),
    previous: z.uuid().optional(),
  }),
  errors: { not_ready: 'The campaign is not done.' },
  handler: async ({ params, query, server, reply, request, session }) => {
    const { store } = server;
    const results = await resultsOf(store, params.workspaceId, params.campaignId);
    const earlier =
      query.previous === undefined
        ? undefined
        : await resultsOf(store, params.workspaceId, query.previous);
    const rendered = await renderReport({
      results,
      format: query.format,
      lang: query.lang ?? localeOf(request),
      plan: await store.audits.actions.list(params.workspaceId),
      ...(earlier === undefined
        ? {}
        : { previous: { results: earlier, comparison: compareCampaigns(earlier, results) } }),
      author: session?.user.displayName ?? 'Vigie',
    });
    void reply.headers({
      ...DOWNLOAD_HEADERS,
      'content-type': rendered.contentType,
      'content-disposition': contentDisposition(rendered.fileName),
    });
    return rendered.content;
  },
});

export const AUDIT_CAMPAIGN_ROUTES: readonly Route[] = [
  createCampaign,
  listCampaigns,
  getCampaign,
  cancelCampaign,
  deleteCampaign,
  listFindings,
  downloadResults,
  compareRoute,
  reportRoute,
];
