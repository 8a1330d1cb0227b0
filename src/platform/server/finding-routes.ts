/**
 * Work on findings: assign a finding to a member and give it a due date (one or many at once),
 * comment on it (auditors too), record one risk decision on several findings in one version, and
 * export the filtered findings list as CSV or PDF. The work is kept beside the model, keyed by
 * finding id, so it follows a finding across versions; a finding that the workspace's latest
 * version does not have is 404 (whatever another workspace holds). Every change is audited.
 */
import { z } from 'zod';
import type { Locale } from '../../i18n/index.js';
import { FINDING_ID_PATTERN, DECISION_STATUSES } from '../../domain/model/decision.js';
import { ID_PATTERN } from '../../domain/model/common.js';
import type { ReportDocument } from '../../documents/model.js';
import { renderDocument } from '../../documents/render/index.js';
import { isoDateOf } from '../clock.js';
import {
  ASSIGNEE_NONE,
  DUE_FILTERS,
  REVIEW_FILTERS,
  csvText,
  filterWork,
  withWork,
  type WorkedFinding,
} from '../api/finding-filters.js';
import type {
  BulkFindingWorkResponse,
  FindingCommentResponse,
  FindingCommentView,
  FindingView,
  FindingWorkListResponse,
  FindingWorkResponse,
  FindingWorkView,
  FindingsResponse,
  OkResponse,
  SaveResponse,
} from '../api/types.js';
import { upsertDecision } from '../models/edit.js';
import type { FindingComment, FindingWork, Store } from '../store/index.js';
import { analysisServiceFor, apiErrorOf, requesterOf } from './analysis-routes.js';
import { ApiError, badRequest, forbidden, notFound } from './errors.js';
import { localeOf } from './locale.js';
import { commitEdit, staleVersion, versionNumber } from './model-routes.js';
import { defineRoute, file, json } from './route.js';
import type { HandlerInput, Route } from './route.js';

/** Most findings one bulk request changes. */
export const MAX_BULK_FINDINGS = 500;
/** Most findings one bulk decision records (each edits the decisions file). */
export const MAX_BULK_DECISIONS = 100;
export const MAX_COMMENT_LENGTH = 5000;
/** Most rows an export writes. */
export const MAX_EXPORT_ROWS = 5000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'a real date');
const findingId = z.string().max(300).regex(FINDING_ID_PATTERN, 'a finding id `ruleId@subjectId`');
const workspaceParams = z.object({ workspaceId: z.uuid() });
const findingParams = workspaceParams.extend({ findingId });
const commentParams = findingParams.extend({ commentId: z.uuid() });
const workBody = z
  .strictObject({
    assigneeId: z.uuid().nullable().optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .refine((b) => b.assigneeId !== undefined || b.dueDate !== undefined, {
    error: 'give assigneeId, dueDate or both',
  });
const bulkWorkBody = z
  .strictObject({
    findingIds: z.array(findingId).min(1).max(MAX_BULK_FINDINGS),
    assigneeId: z.uuid().nullable().optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .refine((b) => b.assigneeId !== undefined || b.dueDate !== undefined, {
    error: 'give assigneeId, dueDate or both',
  });
/** Control characters other than tab and line breaks: PostgreSQL text refuses NUL, and none belongs in prose. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/u;
const prose = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      error: 'control characters are not allowed',
    });
const commentBody = z.strictObject({
  body: prose(MAX_COMMENT_LENGTH),
});
const bulkDecisionBody = z.strictObject({
  expectedLatest: z.number().int().min(1),
  findings: z.array(findingId).min(1).max(MAX_BULK_DECISIONS),
  status: z.enum(DECISION_STATUSES),
  justification: prose(5000),
  reviewDate: isoDate.optional(),
  owner: z.string().max(100).regex(ID_PATTERN, 'a kebab-case id').optional(),
  message: prose(1000).optional(),
});
const text = z.string().max(200).optional();
const exportQuery = z.object({
  format: z.enum(['csv', 'pdf']).default('csv'),
  lang: z.enum(['fr', 'en']).default('en'),
  severity: text,
  status: text,
  family: text,
  subject: text,
  zone: text,
  site: text,
  q: text,
  assignee: z.union([z.uuid(), z.literal(ASSIGNEE_NONE)]).optional(),
  due: z.enum(DUE_FILTERS).optional(),
  review: z.enum(REVIEW_FILTERS).optional(),
});

const unknownFindings = (ids: readonly string[]): ApiError =>
  new ApiError(
    'not_found',
    {
      en: 'These findings are not in the latest version of this workspace.',
      fr: 'Ces constats ne figurent pas dans la dernière version de cet espace de travail.',
    },
    { findings: ids.slice(0, 50) },
  );

const notAMember = (): ApiError =>
  badRequest('validation', [
    {
      in: 'body',
      path: ['assigneeId'],
      code: 'not_member',
      message: 'The assignee must be a member of the workspace.',
    },
  ]);

/** The findings of a version (every one, no filter) by the analysis service. */
async function findingsOf(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'server' | 'session'>,
  workspaceId: string,
  number: number,
  locale: Locale,
  filter: Readonly<Record<string, string | undefined>> = {},
): Promise<FindingsResponse> {
  try {
    const prepared = await analysisServiceFor(input.server.store).findings(
      workspaceId,
      number,
      locale,
      filter,
      requesterOf(input),
    );
    return JSON.parse(prepared.json.toString('utf8')) as FindingsResponse;
  } catch (error) {
    throw apiErrorOf(error);
  }
}

/** 404 unless every id is a finding of the workspace's latest version (404 without one). */
async function requireFindings(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'server' | 'session'>,
  workspaceId: string,
  ids: readonly string[],
): Promise<void> {
  const latest = await input.server.store.versions.latestNumber(workspaceId);
  if (latest === null) throw unknownFindings(ids);
  const { findings } = await findingsOf(input, workspaceId, latest, 'en');
  const known = new Set(findings.map((f) => f.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw unknownFindings(unknown);
}

async function requireMember(store: Store, workspaceId: string, userId: string | null | undefined) {
  if (userId === null || userId === undefined) return;
  if ((await store.workspaces.roleOf(workspaceId, userId)) === undefined) throw notAMember();
}

const workView = (work: FindingWork): FindingWorkView => ({
  findingId: work.findingId,
  assignee:
    work.assignee === null
      ? null
      : { id: work.assignee.id, displayName: work.assignee.displayName },
  dueDate: work.dueDate,
  comments: work.comments,
});

const commentView = (comment: FindingComment, callerId: string | null): FindingCommentView => ({
  id: comment.id,
  findingId: comment.findingId,
  author:
    comment.authorId === null || comment.authorName === null
      ? null
      : { id: comment.authorId, displayName: comment.authorName },
  body: comment.body,
  created: comment.createdAt,
  mine: callerId !== null && comment.authorId === callerId,
});

const listWorkRoute = defineRoute(json<FindingWorkListResponse>('FindingWorkListResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/findings-work',
  summary:
    'The assignee, due date and comment count of every finding that has some (kept across versions).',
  tag: 'findings',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams,
  handler: async ({ params, server }) => ({
    work: (await server.store.findingWork.list(params.workspaceId)).map(workView),
  }),
});

const getWorkRoute = defineRoute(json<FindingWorkResponse>('FindingWorkResponse'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/findings-work/:findingId',
  summary:
    "One finding's assignee, due date and comments (oldest first); 404 for a finding neither in the latest version nor worked on.",
  tag: 'findings',
  access: { permission: 'model.read' },
  csrf: false,
  params: findingParams,
  handler: async (input) => {
    const { params, server, session } = input;
    const work = await server.store.findingWork.get(params.workspaceId, params.findingId);
    const worked = work.assignee !== null || work.dueDate !== null || work.comments > 0;
    if (!worked) await requireFindings(input, params.workspaceId, [params.findingId]);
    const comments = await server.store.findingWork.listComments(
      params.workspaceId,
      params.findingId,
    );
    const me = session?.user.id ?? null;
    return { work: workView(work), comments: comments.map((c) => commentView(c, me)) };
  },
});

const setWorkRoute = defineRoute(json<FindingWorkResponse>('FindingWorkResponse'))({
  method: 'PUT',
  path: '/api/workspaces/:workspaceId/findings-work/:findingId',
  summary:
    'Assigns a finding to a member and/or sets its due date (null clears; a field left out is kept).',
  tag: 'findings',
  access: { permission: 'finding.decide' },
  csrf: true,
  params: findingParams,
  body: workBody,
  handler: async (input) => {
    const { params, body, server, session } = input;
    await requireFindings(input, params.workspaceId, [params.findingId]);
    await requireMember(server.store, params.workspaceId, body.assigneeId);
    const me = session?.user.id ?? null;
    await server.store.transaction(async (tx) => {
      const change = await tx.findingWork.set(
        params.workspaceId,
        params.findingId,
        {
          ...(body.assigneeId === undefined ? {} : { assigneeId: body.assigneeId }),
          ...(body.dueDate === undefined ? {} : { dueDate: body.dueDate }),
        },
        me,
      );
      if (change === undefined) return;
      await tx.audit.append({
        workspaceId: params.workspaceId,
        userId: me,
        action: 'finding.assign',
        entityKind: 'finding',
        entityId: params.findingId,
        before: change.before,
        after: change.after,
      });
    });
    const [work, comments] = await Promise.all([
      server.store.findingWork.get(params.workspaceId, params.findingId),
      server.store.findingWork.listComments(params.workspaceId, params.findingId),
    ]);
    return { work: workView(work), comments: comments.map((c) => commentView(c, me)) };
  },
});

const bulkWorkRoute = defineRoute(json<BulkFindingWorkResponse>('BulkFindingWorkResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/findings-work/bulk',
  summary: `Assigns several findings (at most ${String(MAX_BULK_FINDINGS)}) and/or sets their due date at once; one audit entry per finding changed.`,
  tag: 'findings',
  access: { permission: 'finding.decide' },
  csrf: true,
  params: workspaceParams,
  body: bulkWorkBody,
  handler: async (input) => {
    const { params, body, server, session } = input;
    const ids = [...new Set(body.findingIds)];
    await requireFindings(input, params.workspaceId, ids);
    await requireMember(server.store, params.workspaceId, body.assigneeId);
    const me = session?.user.id ?? null;
    const changes = await server.store.transaction(async (tx) => {
      const changed = await tx.findingWork.setMany(
        params.workspaceId,
        ids,
        {
          ...(body.assigneeId === undefined ? {} : { assigneeId: body.assigneeId }),
          ...(body.dueDate === undefined ? {} : { dueDate: body.dueDate }),
        },
        me,
      );
      for (const change of changed) {
        await tx.audit.append({
          workspaceId: params.workspaceId,
          userId: me,
          action: 'finding.assign',
          entityKind: 'finding',
          entityId: change.findingId,
          before: change.before,
          after: { ...change.after, bulk: ids.length },
        });
      }
      return changed;
    });
    const wanted = new Set(ids);
    const work = (await server.store.findingWork.list(params.workspaceId))
      .filter((w) => wanted.has(w.findingId))
      .map(workView);
    return { changed: changes.length, work };
  },
});

const addCommentRoute = defineRoute(json<FindingCommentResponse>('FindingCommentResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/findings-work/:findingId/comments',
  summary: 'Comments on a finding of the latest version (owners, analysts, auditors).',
  tag: 'findings',
  access: { permission: 'findings.comment' },
  csrf: true,
  status: 201,
  params: findingParams,
  body: commentBody,
  handler: async (input) => {
    const { params, body, server, session } = input;
    if (session === null) throw notFound();
    await requireFindings(input, params.workspaceId, [params.findingId]);
    const comment = await server.store.transaction(async (tx) => {
      const added = await tx.findingWork.addComment({
        workspaceId: params.workspaceId,
        findingId: params.findingId,
        authorId: session.user.id,
        body: body.body,
      });
      await tx.audit.append({
        workspaceId: params.workspaceId,
        userId: session.user.id,
        action: 'finding.comment',
        entityKind: 'finding',
        entityId: params.findingId,
        after: { commentId: added.id, body: added.body },
      });
      return added;
    });
    return { comment: commentView(comment, session.user.id) };
  },
});

const deleteCommentRoute = defineRoute(json<OkResponse>('OkResponse'))({
  method: 'DELETE',
  path: '/api/workspaces/:workspaceId/findings-work/:findingId/comments/:commentId',
  summary: 'Deletes one of the caller’s own comments (403 for somebody else’s).',
  tag: 'findings',
  access: { permission: 'findings.comment' },
  csrf: true,
  params: commentParams,
  handler: async ({ params, server, session }) => {
    if (session === null) throw notFound();
    const comment = await server.store.findingWork.getComment(params.workspaceId, params.commentId);
    if (comment?.findingId !== params.findingId) throw notFound();
    if (comment.authorId !== session.user.id) throw forbidden();
    await server.store.transaction(async (tx) => {
      if (!(await tx.findingWork.deleteComment(params.workspaceId, params.commentId))) {
        throw notFound();
      }
      await tx.audit.append({
        workspaceId: params.workspaceId,
        userId: session.user.id,
        action: 'finding.comment_delete',
        entityKind: 'finding',
        entityId: params.findingId,
        before: { commentId: comment.id, body: comment.body },
      });
    });
    return { ok: true };
  },
});

const bulkDecisionRoute = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/decisions/bulk',
  summary: `Records one risk decision on several findings (at most ${String(MAX_BULK_DECISIONS)}) as one new version, dated today; \`accepted\` needs a \`reviewDate\` (409 stale, 422 invalid).`,
  tag: 'edit',
  access: { permission: 'finding.decide' },
  csrf: true,
  status: 201,
  params: workspaceParams,
  body: bulkDecisionBody,
  handler: async (input) => {
    const { params, body, server, session, request } = input;
    if (body.status === 'accepted' && body.reviewDate === undefined) {
      throw badRequest('validation', [
        {
          in: 'body',
          path: ['reviewDate'],
          code: 'required',
          message: 'An accepted risk needs a review date.',
        },
      ]);
    }
    const findings = [...new Set(body.findings)];
    const latest = await server.store.versions.latestNumber(params.workspaceId);
    if (latest !== body.expectedLatest) throw staleVersion(body.expectedLatest, latest);
    await requireFindings(input, params.workspaceId, findings);
    const version = await server.store.versions.get(params.workspaceId, latest);
    if (version === undefined) throw staleVersion(body.expectedLatest, null);
    const date = isoDateOf(server.clock);
    let files: Record<string, string> = { ...version.files };
    const before: Record<string, unknown> = {};
    for (const finding of findings) {
      const edited = upsertDecision(files, {
        finding,
        status: body.status,
        justification: body.justification,
        reviewDate: body.reviewDate,
        owner: body.owner,
        date,
      });
      if (!edited.ok) {
        throw badRequest('bad_request', { finding, message: edited.error.message });
      }
      files = { ...edited.value.files };
      before[finding] = edited.value.before;
    }
    const locale = localeOf(request);
    const words = {
      accepted: 'accepted',
      mitigated: 'mitigated',
      'false-positive': 'false positive',
    };
    const mots = {
      accepted: 'risque accepté',
      mitigated: 'traité',
      'false-positive': 'faux positif',
    };
    const saved = await commitEdit(server, {
      workspaceId: params.workspaceId,
      expectedLatest: body.expectedLatest,
      change: { op: 'replace', files },
      message: () =>
        body.message ??
        (locale === 'fr'
          ? `Décision sur ${String(findings.length)} constats : ${mots[body.status]}`
          : `Decision on ${String(findings.length)} findings: ${words[body.status]}`),
      authorId: session?.user.id ?? null,
      locale,
      audit: (number) => ({
        action: 'finding.decision_bulk',
        entityKind: 'finding',
        entityId: null,
        before: { version: body.expectedLatest, decisions: before },
        after: {
          version: number,
          findings,
          status: body.status,
          justification: body.justification,
          reviewDate: body.reviewDate ?? null,
          owner: body.owner ?? null,
          date,
        },
      }),
    });
    return { version: saved.version, validation: saved.validation };
  },
});

const COLUMNS = {
  en: [
    'Id',
    'Severity',
    'Title',
    'Status',
    'Family',
    'Subject',
    'Zone',
    'Site',
    'Assignee',
    'Due date',
    'Decision',
    'Review date',
    'Review passed',
  ],
  fr: [
    'Identifiant',
    'Gravité',
    'Titre',
    'Statut',
    'Famille',
    'Sujet',
    'Zone',
    'Site',
    'Responsable',
    'Échéance',
    'Décision',
    'Date de revue',
    'Revue dépassée',
  ],
} as const;

const WORDS = {
  en: {
    severity: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
    status: {
      open: 'open',
      accepted: 'accepted',
      mitigated: 'mitigated',
      'false-positive': 'false positive',
    },
    yes: 'yes',
    no: 'no',
    title: 'Findings',
    intro: (n: number, total: number) =>
      `${String(n)} of ${String(total)} findings, filtered as on screen.`,
  },
  fr: {
    severity: {
      critical: 'critique',
      high: 'élevée',
      medium: 'moyenne',
      low: 'faible',
      info: 'information',
    },
    status: {
      open: 'ouvert',
      accepted: 'risque accepté',
      mitigated: 'traité',
      'false-positive': 'faux positif',
    },
    yes: 'oui',
    no: 'non',
    title: 'Constats',
    intro: (n: number, total: number) =>
      `${String(n)} constats sur ${String(total)}, filtrés comme à l’écran.`,
  },
} as const;

function exportRow(f: WorkedFinding, lang: Locale): string[] {
  const w = WORDS[lang];
  return [
    f.id,
    w.severity[f.severity],
    f.title,
    w.status[f.status],
    f.family,
    f.subjects[0]?.name ?? '',
    f.zone?.name ?? '',
    f.site?.name ?? '',
    f.work?.assignee?.displayName ?? '',
    f.work?.dueDate ?? '',
    f.decision === null ? '' : w.status[f.decision.status],
    f.decision?.reviewDate ?? '',
    f.decision === null ? '' : f.decision.expired ? w.yes : w.no,
  ];
}

const exportRoute = defineRoute(
  file('The filtered findings (attachment).', 'text/csv', 'application/pdf'),
)({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/findings/export',
  summary: `The findings of a version filtered as the list (the findings filters, plus assignee, due and review), as CSV (UTF-8 with BOM, formula-safe) or PDF; at most ${String(MAX_EXPORT_ROWS)} rows.`,
  tag: 'findings',
  access: { permission: 'model.read' },
  csrf: false,
  params: workspaceParams.extend({ number: versionNumber }),
  query: exportQuery,
  handler: async (input) => {
    const { params, query, reply, server } = input;
    const workspace = await server.store.workspaces.getById(params.workspaceId);
    if (workspace === undefined) throw notFound();
    const { format, lang, assignee, due, review, ...filter } = query;
    const response = await findingsOf(input, params.workspaceId, params.number, lang, filter);
    const work = (await server.store.findingWork.list(params.workspaceId)).map(workView);
    const today = isoDateOf(server.clock);
    const rows = filterWork(withWork(response.findings, work), { assignee, due, review }, today)
      .slice(0, MAX_EXPORT_ROWS)
      .map((f: WorkedFinding & FindingView) => exportRow(f, lang));
    const name = `${workspace.slug}-v${String(params.number)}-${lang === 'fr' ? 'constats' : 'findings'}-${today}`;
    void reply
      .header('content-disposition', `attachment; filename="${name}.${format}"`)
      .header('cache-control', 'private, no-store');
    if (format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      return csvText([[...COLUMNS[lang]], ...rows]);
    }
    const words = WORDS[lang];
    const document: ReportDocument = {
      meta: {
        title: `${words.title} — ${workspace.name}`,
        subtitle: `v${String(params.number)}`,
        organisation: workspace.name,
        version: String(params.number),
        date: today,
        author: 'Vigie',
        classification: lang === 'fr' ? 'Diffusion restreinte' : 'Restricted',
        lang,
        history: [],
      },
      blocks: [
        { kind: 'paragraph', content: [words.intro(rows.length, response.total)] },
        {
          kind: 'table',
          dense: true,
          columns: COLUMNS[lang].map((title, i) => ({
            title,
            width: i === 2 ? 4 : i === 0 ? 3 : [1, 3, 4, 5, 6, 7, 8].includes(i) ? 2 : 1.4,
          })),
          rows: rows.map((row) => row.map((cell) => [cell])),
        },
      ],
    };
    const rendered = await renderDocument(document, 'pdf');
    void reply.header('content-type', 'application/pdf');
    return rendered.bytes;
  },
});

export const FINDING_ROUTES: readonly Route[] = [
  listWorkRoute,
  bulkWorkRoute,
  getWorkRoute,
  setWorkRoute,
  addCommentRoute,
  deleteCommentRoute,
  bulkDecisionRoute,
  exportRoute,
];
