/**
 * What follows a security audit campaign: a drift finding's "update the model" (previewed as a
 * diff without storing anything, then applied as a new model version through the same commit as
 * every model edit, audit-logged), and the workspace's action plan (one item per root cause:
 * owner from the model's identities, due date, status, note; overdue against the platform's
 * date; exported as CSV). Every member reads; owners and analysts apply and edit.
 */
import { z } from 'zod';
import { ACTION_STATUSES } from '../../audit/campaign/action-plan.js';
import type { AuditFinding } from '../../audit/types.js';
import type {
  AuditDriftPreviewResponse,
  AuditPlanItemResponse,
  AuditPlanResponse,
  SaveResponse,
} from '../api/types.js';
import { loadVersionModel } from '../audit/campaign-setup.js';
import { editOf, planCsv, planItemView } from '../audit/views.js';
import { applyModelEdit } from '../models/edit-task.js';
import { diffFiles, formatHunks } from '../models/diff.js';
import { resultsOf } from './audit-campaign-routes.js';
import { contentDisposition } from './document-routes.js';
import { ApiError, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { commitEdit } from './model-routes.js';
import { defineRoute, file, json } from './route.js';
import type { Route, ServerContext } from './route.js';

const workspaceParams = z.object({ workspaceId: z.uuid() });
const campaignParams = z.object({ workspaceId: z.uuid(), campaignId: z.uuid() });
const itemParams = z.object({
  workspaceId: z.uuid(),
  check: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'a check id'),
});
const isoDate = z.iso.date();

/** The drift finding of a finished campaign that proposes a model change (404 otherwise). */
async function proposalOf(
  server: ServerContext,
  workspaceId: string,
  campaignId: string,
  findingId: string,
): Promise<AuditFinding & { proposal: NonNullable<AuditFinding['proposal']> }> {
  const results = await resultsOf(server.store, workspaceId, campaignId);
  const finding = results.findings.find((f) => f.id === findingId);
  if (finding?.proposal === undefined) throw notFound();
  return { ...finding, proposal: finding.proposal };
}

const editFailed = (message: string): ApiError =>
  new ApiError(
    'conflict',
    {
      en: `The proposed change no longer applies to the model: ${message}`,
      fr: `La modification proposée ne s’applique plus au modèle : ${message}`,
    },
    { message },
  );

const previewDrift = defineRoute(json<AuditDriftPreviewResponse>('AuditDriftPreviewResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/drift/preview',
  summary:
    'The model change a drift finding proposes, as a diff of the latest version’s files (nothing is stored). 404 when the finding proposes none; 409 `conflict` when the change no longer applies.',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: true,
  params: campaignParams,
  body: z.strictObject({ findingId: z.string().min(1).max(500) }),
  errors: { conflict: 'The change no longer applies to the latest version.' },
  handler: async ({ params, body, server }) => {
    const finding = await proposalOf(server, params.workspaceId, params.campaignId, body.findingId);
    const latest = await server.store.versions.latest(params.workspaceId);
    if (latest === undefined) throw notFound();
    const edited = applyModelEdit(latest.files, editOf(finding.proposal));
    if (!edited.ok) throw editFailed(edited.error.message);
    return {
      findingId: finding.id,
      baseVersion: latest.number,
      proposal: finding.proposal,
      changes: diffFiles(latest.files, edited.value.files).map((change) => ({
        file: change.file,
        status: change.status,
        diff: formatHunks(change.diff.hunks),
      })),
    };
  },
});

const applyDrift = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/audit-campaigns/:campaignId/drift/apply',
  summary:
    'Applies a drift finding’s proposed change: a new model version (409 `conflict` when `baseVersion` is not the latest), audit-logged. 422 `invalid_model` when the change leaves the model invalid.',
  tag: 'security-audit',
  access: { permission: 'security_audit.run' },
  csrf: true,
  status: 201,
  params: campaignParams,
  body: z.strictObject({
    findingId: z.string().min(1).max(500),
    baseVersion: z.number().int().min(1).max(999_999_999),
    message: z.string().trim().min(1).max(1000).optional(),
  }),
  errors: {
    conflict: '`baseVersion` is not the latest version, or the change no longer applies.',
    invalid_model: 'The change leaves the model invalid.',
  },
  handler: async ({ params, body, server, session, request }) => {
    const finding = await proposalOf(server, params.workspaceId, params.campaignId, body.findingId);
    const locale = localeOf(request);
    const saved = await commitEdit(server, {
      workspaceId: params.workspaceId,
      expectedLatest: body.baseVersion,
      change: editOf(finding.proposal),
      message: () =>
        body.message ??
        (locale === 'fr'
          ? `Écart d’audit corrigé dans le modèle : ${finding.title.fr} (${finding.subject})`
          : `Audit drift brought into the model: ${finding.title.en} (${finding.subject})`),
      authorId: session?.user.id ?? null,
      locale,
      audit: (number, edit) => ({
        action: 'security_audit.drift_apply',
        entityKind: 'entity',
        entityId: edit.id,
        before: { version: body.baseVersion, fields: edit.before },
        after: {
          version: number,
          file: edit.file,
          fields: edit.after,
          campaign: params.campaignId,
          finding: finding.id,
        },
      }),
    });
    return { version: saved.version, validation: saved.validation };
  },
});

const today = (server: ServerContext): string => server.clock().toISOString().slice(0, 10);

const listPlan = defineRoute(json<AuditPlanResponse>('AuditPlanResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-plan',
  summary:
    'The workspace’s audit action plan: one item per root cause with its findings, owner, due date, status, note, and whether it is overdue (platform date).',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => {
    const day = today(server);
    const items = await server.store.audits.actions.list(params.workspaceId);
    return { today: day, items: items.map((item) => planItemView(item, day)) };
  },
});

const unknownOwner = (owner: string): ApiError =>
  new ApiError(
    'validation',
    {
      en: `"${owner}" is not an identity of the latest model version.`,
      fr: `« ${owner} » n’est pas une identité de la dernière version du modèle.`,
    },
    [{ in: 'body', path: ['owner'], code: 'unknown_identity', message: 'not an identity' }],
  );

const patchItem = defineRoute(json<AuditPlanItemResponse>('AuditPlanItemResponse'))({
  method: 'PATCH',
  path: '/api/workspaces/:workspaceId/audit-plan/:check',
  summary:
    'Changes an action plan item (by its check id): `owner` (an identity of the model, null clears), `due` (YYYY-MM-DD, null clears), `status` open|in-progress|done|accepted, `note`. Audit-logged.',
  tag: 'security-audit',
  access: { permission: 'security_audit.run' },
  csrf: true,
  params: itemParams,
  body: z.strictObject({
    owner: z.string().min(1).max(100).nullable().optional(),
    due: isoDate.nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    note: z.string().max(2000).optional(),
  }),
  handler: async ({ params, body, server, session, request }) => {
    const { store } = server;
    const itemId = `action:${params.check}`;
    if ((await store.audits.actions.get(params.workspaceId, itemId)) === undefined) {
      throw notFound();
    }
    let owner: { id: string; name: string | null } | null | undefined = undefined;
    if (body.owner === null) owner = null;
    else if (body.owner !== undefined) {
      const latest = await store.versions.latest(params.workspaceId);
      const graph =
        latest === undefined
          ? undefined
          : loadVersionModel(latest.files, localeOf(request), '').graph;
      const identity = graph?.identity(body.owner);
      if (identity === undefined) throw unknownOwner(body.owner);
      owner = { id: identity.id, name: identity.name ?? null };
    }
    const patch = {
      ...(owner === undefined ? {} : { owner }),
      ...(body.due === undefined ? {} : { due: body.due }),
      ...(body.status === undefined ? {} : { status: body.status }),
      ...(body.note === undefined ? {} : { note: body.note }),
    };
    const userId = session?.user.id ?? null;
    const changed = await store.transaction(async (tx) => {
      const outcome = await tx.audits.actions.update(params.workspaceId, itemId, patch, userId);
      if (outcome !== undefined) {
        await tx.audit.append({
          workspaceId: params.workspaceId,
          userId,
          action: 'security_audit.plan_update',
          entityKind: 'audit_action',
          entityId: itemId,
          before: {
            owner: outcome.before.owner,
            due: outcome.before.due,
            status: outcome.before.status,
            note: outcome.before.note,
          },
          after: body,
        });
      }
      return outcome;
    });
    if (changed === undefined) throw notFound();
    return { item: planItemView(changed.after, today(server)) };
  },
});

const exportPlan = defineRoute(file('The action plan (CSV).', 'text/csv'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit-plan.csv',
  summary: 'The action plan as CSV (UTF-8, formula-safe), in `lang` fr|en.',
  tag: 'security-audit',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  query: z.object({ lang: z.enum(['fr', 'en']).optional() }),
  handler: async ({ params, query, server, reply, request }) => {
    const lang = query.lang ?? localeOf(request);
    const items = await server.store.audits.actions.list(params.workspaceId);
    void reply.headers({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(
        lang === 'fr' ? 'plan-d-action-audit.csv' : 'audit-action-plan.csv',
      ),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-cache',
    });
    return planCsv(items, today(server), lang);
  },
});

export const AUDIT_PLAN_ROUTES: readonly Route[] = [
  previewDrift,
  applyDrift,
  listPlan,
  patchItem,
  exportPlan,
];
